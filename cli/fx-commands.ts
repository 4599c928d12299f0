import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { rateProblem } from '../shared/fx/rate-text';
import { dateOption, parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { counted } from './plural';

const FX_USAGE = 'fx takes CURRENCY RATE [--to BASE] [--as-of YYYY-MM-DD], import FILE [--base CUR], or list [CURRENCY]';

/**
 * `themelens fx`: dated exchange rates.
 *   fx EUR 1.0845 --to USD --as-of 2026-06-30   1 EUR = 1.0845 USD on that day (no --as-of: today)
 *   fx import rates.csv [--base EUR]            a file of dated rates (a central bank's download)
 *   fx list [EUR]                               every stored rate, each pair's history newest first
 */
export async function fxCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  if (args[0] === 'import') return fxImport(h, args.slice(1), io);
  if (args[0] === 'list') return fxList(h, args.slice(1), io);
  // A negative rate ("-1") is a value to refuse with its reason, not an unknown option.
  const negatives = args.filter((a) => /^-\d/.test(a));
  const { values, positionals } = parseCommandArgs(
    args.filter((a) => !/^-\d/.test(a)),
    { to: { type: 'string' }, 'as-of': { type: 'string' } },
  );
  const [currency, rate, ...rest] = [...positionals, ...negatives];
  if (!currency || !rate || rest.length > 0) throw new UsageError(FX_USAGE);
  const problem = rateProblem(rate);
  if (problem) throw new UsageError(`fx ${currency.toUpperCase()}: ${problem} Nothing was saved`);
  const asOf = dateOption('fx', 'as-of', values['as-of']);
  const quote = (values.to ?? 'USD').toUpperCase();
  // A currency is always worth one of itself: storing it broke a CHECK and read as an internal error.
  if (currency.toUpperCase() === quote) throw new UsageError(`fx ${quote} ${rate}: a rate converts one currency into another, and 1 ${quote} is always 1 ${quote}. Nothing was saved; name the other currency with --to (USD by default)`);
  const saved = await h.setFxRate(
    validateInput('setFxRate', {
      currency: currency.toUpperCase(),
      quote,
      rate,
      ...(asOf !== undefined ? { asOf } : {}),
    }),
  );
  io.out(`1 ${saved.currency} = ${saved.rate} ${saved.quote} (as of ${saved.asOf})\n`);
}

async function fxImport(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { base: { type: 'string' } });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new UsageError('fx import takes one FILE: themelens fx import rates.csv [--base EUR]');
  const done = await h.importFxRates(validateInput('importFxRates', { path: file, ...(values.base ? { base: values.base.toUpperCase() } : {}) }));
  const days = done.firstDate === done.lastDate ? done.firstDate : `${done.firstDate} to ${done.lastDate}`;
  io.out(`Imported ${counted(done.imported, 'rate')} from ${done.file} (${days})${done.skipped ? `; ${counted(done.skipped, 'empty or N/A cell')} skipped` : ''}.\n`);
  // The latest rate of each pair, written the way it was stored, so a reversed file is seen at once.
  for (const r of done.latest) io.out(`  1 ${r.currency} = ${r.rate} ${r.quote} (as of ${r.asOf})\n`);
  // A stored rate replaced changes the snapshots valued with it: said, never done quietly.
  if (done.replaced.count > 0) {
    const more = done.replaced.count - done.replaced.listed.length;
    const each = done.replaced.listed.map((r) => `${r.asOf}: ${r.was} -> ${r.now}`).join('; ');
    io.err(`note: ${counted(done.replaced.count, 'stored rate')} replaced with the file's (the snapshots valued with them change): ${each}${more > 0 ? `; and ${more} more` : ''}.\n`);
  }
}

async function fxList(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { positionals } = parseCommandArgs(args, {});
  const only = positionals[0]?.toUpperCase();
  if (positionals.length > 1) throw new UsageError('fx list takes at most one CURRENCY');
  const rates = (await h.listFxRates({})).filter((r) => !only || r.currency === only || r.quote === only);
  if (rates.length === 0) {
    io.out(only ? `No rates for ${only}. Add one: themelens fx ${only} RATE --to BASE\n` : 'No rates yet. Add one: themelens fx EUR 1.0845 --to USD\n');
    return;
  }
  for (const r of rates) io.out(`${r.asOf}\t1 ${r.currency} = ${r.rate} ${r.quote}\t${r.source ?? 'entered'}\n`);
}
