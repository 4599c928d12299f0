import { formatCents } from '../shared/money/decimal';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { portfolioArg, snapshotArg } from './portfolio-args';

/** Report amounts are exact to the cent: written from their cents. */
const money = (n: number) => formatCents(Math.round(n * 100));
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * `themelens exposure --portfolio NAME [--snapshot ID] [--format table|json]` (DESIGN.md section 6):
 * the theme figures of a snapshot without its positions, for scripts and a quick look. JSON carries
 * totalValue, cashValue, untaggedValue and themes[] as the report does, and its warnings.
 */
export async function exposureCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { portfolio: { type: 'string' }, snapshot: { type: 'string' }, format: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`exposure takes no positional argument (got "${positionals[0]}")`);
  if (!values.portfolio) throw new UsageError('exposure needs --portfolio NAME');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format "${format}" is not table or json`);
  const portfolio = await portfolioArg(h, values.portfolio);
  const snapshotId = snapshotArg(values.snapshot);
  const e = await h.getExposure(validateInput('getExposure', { portfolioId: portfolio.id, ...(snapshotId ? { snapshotId } : {}), positionLimit: 0 }));
  if (format === 'json') {
    const { positions: _positions, ...rest } = e;
    io.out(`${JSON.stringify(rest, null, 2)}\n`);
    return;
  }
  const rows: [string, string, string][] = [
    ...e.themes.map((t): [string, string, string] => [`${t.parentId ? '  ' : ''}${t.name}`, money(t.value), pct(t.share)]),
    ['Untagged', money(e.untaggedValue), pct(e.totalValue === 0 ? 0 : e.untaggedValue / e.totalValue)],
    ['  of which cash', money(e.cashValue), pct(e.totalValue === 0 ? 0 : e.cashValue / e.totalValue)],
    ['Total', money(e.totalValue), e.totalValue === 0 ? '' : '100.0%'],
  ];
  const w0 = Math.max(5, ...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length), `Value (${e.baseCurrency})`.length);
  io.out(`${e.portfolio}, snapshot ${e.snapshotId} as of ${e.asOf}\n`);
  io.out(`${'Theme'.padEnd(w0)}  ${`Value (${e.baseCurrency})`.padStart(w1)}  Share\n`);
  for (const [a, b, c] of rows) io.out(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padStart(6)}\n`);
  for (const w of e.warnings) io.err(`warning: ${w.code}: ${w.message}\n`);
}
