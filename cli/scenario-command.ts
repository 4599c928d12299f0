import { formatCents } from '../shared/money/decimal';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { portfolioArg, snapshotArg } from './portfolio-args';

/** Report amounts are exact to the cent: written from their cents. */
const money = (n: number) => formatCents(Math.round(n * 100));
const signed = (n: number) => `${n > 0 ? '+' : ''}${money(n)}`;

/** "data-centers=-20", "diamond=+10%": a theme and a move in percent, at most two decimals, -100 to +1000. */
function parseShock(text: string): [string, number] {
  const m = /^([^=]+)=([+-]?\d{1,4}(?:\.\d{1,2})?)%?$/.exec(text.trim());
  if (!m) throw new UsageError(`--shock "${text}" should be THEME_ID=+/-P, e.g. --shock data-centers=-20`);
  const percent = Number(m[2]);
  if (percent < -100 || percent > 1000) throw new UsageError(`--shock "${text}": a theme can fall at most 100% and rise at most 1000%`);
  return [(m[1] as string).trim(), Math.round(percent * 100)];
}

/**
 * `themelens scenario --portfolio NAME --shock THEME_ID=+/-P [--shock ...] [--snapshot ID] [--format table|json]`:
 * what theme shocks do to a portfolio's latest snapshot (shared/exposure/scenario.ts has the rule).
 */
export async function scenarioCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  // A negative shock ("-20") belongs to its --shock, not a new option: parse --shock values by hand.
  const shocks = new Map<string, number>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a !== '--shock' && !a.startsWith('--shock=')) {
      rest.push(a);
      continue;
    }
    const v = a === '--shock' ? args[++i] : a.slice(8);
    if (v === undefined) throw new UsageError('--shock needs THEME_ID=+/-P');
    const [id, bp] = parseShock(v);
    if (shocks.has(id)) throw new UsageError(`--shock ${id} is given twice`);
    shocks.set(id, bp);
  }
  const { values, positionals } = parseCommandArgs(rest, { portfolio: { type: 'string' }, snapshot: { type: 'string' }, format: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`scenario takes no positional argument (got "${positionals[0]}")`);
  if (!values.portfolio) throw new UsageError('scenario needs --portfolio NAME');
  if (shocks.size === 0) throw new UsageError('scenario needs at least one --shock THEME_ID=+/-P');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format "${format}" is not table or json`);
  const themes = await h.listThemes({});
  const unknown = [...shocks.keys()].filter((id) => !themes.some((t) => t.id === id));
  if (unknown.length > 0) throw new UsageError(`no theme with id ${unknown.join(', ')}; the ids are: ${themes.map((t) => t.id).join(', ')}`);
  const portfolio = await portfolioArg(h, values.portfolio);
  const snapshotId = snapshotArg(values.snapshot);
  const result = await h.runScenario(
    validateInput('runScenario', { portfolioId: portfolio.id, ...(snapshotId ? { snapshotId } : {}), shocks: [...shocks].map(([themeId, shockBp]) => ({ themeId, shockBp })) }),
  );
  for (const w of result.warnings) io.err(`warning: ${w.code}: ${w.message}\n`);
  if (format === 'json') {
    const { portfolioId: _id, ...shown } = result;
    io.out(`${JSON.stringify(shown, null, 2)}\n`);
    return;
  }
  const cur = result.baseCurrency;
  io.out(`${result.portfolio}, snapshot ${result.snapshotId} as of ${result.asOf}: ${signed(result.impact)} ${cur} (${(result.impactShare * 100).toFixed(2)}% of ${money(result.totalValue)})\n`);
  const names = new Map(themes.map((t) => [t.id, t.name]));
  for (const t of result.themes.filter((x) => x.shock !== 0 || x.impact !== 0)) {
    io.out(`  ${(names.get(t.id) ?? t.id).padEnd(30)} shock ${`${t.shock > 0 ? '+' : ''}${t.shock}%`.padStart(7)}  exposure ${money(t.value).padStart(16)}  impact ${signed(t.impact).padStart(16)}\n`);
  }
  for (const p of result.positions.slice(0, 10)) io.out(`  ${p.symbol.padEnd(12)} ${p.account.padEnd(12)} ${signed(p.impact).padStart(16)}\n`);
  if (result.positions.length > 10) io.out(`  and ${result.positions.length - 10} more position(s); --format json lists them all\n`);
}
