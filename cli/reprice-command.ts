import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { dateOption, parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { counted } from './plural';

/** Stale positions listed by name, up to this many; the rest are counted. */
const LISTED = 20;

/**
 * `themelens reprice FILE --portfolio NAME [--as-of YYYY-MM-DD]`: a new snapshot of the portfolio's
 * latest holdings at the prices in FILE (symbol or ISIN, price, currency, date). Positions without a
 * price keep their last value and are listed as stale on stderr.
 */
export async function repriceCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { portfolio: { type: 'string' }, 'as-of': { type: 'string' } });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new UsageError('reprice takes one FILE: themelens reprice prices.csv --portfolio NAME [--as-of YYYY-MM-DD]');
  if (!values.portfolio) throw new UsageError('reprice needs --portfolio NAME');
  const asOf = dateOption('reprice', 'as-of', values['as-of']);
  const r = await h.repricePortfolio(
    validateInput('repricePortfolio', { path: file, portfolioName: values.portfolio, ...(asOf !== undefined ? { asOf } : {}) }),
  );
  io.out(
    `Repriced ${r.repriced} of ${counted(r.positions, 'position')} of ${r.portfolio.name} from ${r.file} ` +
      `(snapshot ${r.snapshot.id}, as of ${r.snapshot.asOf}, from snapshot ${r.repricedFrom}).\n`,
  );
  if (r.stale.length > 0) {
    io.err(`stale: ${counted(r.stale.length, 'position keeps its', 'positions keep their')} last value:\n`);
    for (const s of r.stale.slice(0, LISTED)) io.err(`  ${s.symbol}: ${s.reason}\n`);
    if (r.stale.length > LISTED) io.err(`  and ${r.stale.length - LISTED} more\n`);
  }
  for (const w of r.warnings) io.err(`warning: ${w}\n`);
}
