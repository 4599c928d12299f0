import { unsignedZero } from '../shared/report/format';
import { publicWarning } from '../shared/exposure/warnings';
import { formatCents } from '../shared/money/decimal';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { counted } from './plural';
import { baseCurrencyArg, portfolioArg, portfolioOrClient, snapshotArg } from './portfolio-args';
import { checkShockThemes, takeShocks } from './shock-args';
import type { ScenarioResult } from '../shared/exposure/scenario';
import type { ExposureWarning } from '../shared/exposure/model';

/** Report amounts are exact to the cent: written from their cents. */
const money = (n: number) => formatCents(Math.round(n * 100));
const signed = (n: number) => `${n > 0 ? '+' : ''}${money(n)}`;

/**
 * `themelens scenario (--portfolio NAME | --client NAME [--base-currency C]) --shock THEME_ID=+/-P [--shock ...] [--snapshot ID] [--format table|json]`:
 * what theme shocks do to a portfolio's latest snapshot (shared/exposure/scenario.ts has the rule).
 */
export async function scenarioCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { shocks, rest, notes } = takeShocks(args);
  for (const n of notes) io.err(`note: ${n}\n`);
  const { values, positionals } = parseCommandArgs(rest, { portfolio: { type: 'string' }, client: { type: 'string' }, 'base-currency': { type: 'string' }, snapshot: { type: 'string' }, format: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`scenario takes no positional argument (got "${positionals[0]}")`);
  const scope = portfolioOrClient(values, 'scenario');
  if (shocks.length === 0) throw new UsageError('scenario needs at least one --shock THEME_ID=+/-P');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format "${format}" is not table or json`);
  const themes = await h.listThemes({});
  checkShockThemes(shocks, themes);
  let result: ScenarioResult & { warnings: ExposureWarning[] };
  let heading: string;
  // How many positions move (the household's result lists every one).
  let moved: number | null = null;
  if ('client' in scope) {
    if (values.snapshot) throw new UsageError('scenario --client uses the latest snapshot of each portfolio: leave out --snapshot');
    const r = await h.runClientScenario(validateInput('runClientScenario', { client: scope.client, ...baseCurrencyArg(values['base-currency']), shocks }));
    heading = `${r.client} (${counted(r.portfolios.filter((p) => p.snapshotId !== null).length, 'portfolio')}, latest as of ${r.asOf})`;
    result = r;
  } else {
    if (values['base-currency']) throw new UsageError('--base-currency is for --client: a portfolio is valued in its own base currency');
    const portfolio = await portfolioArg(h, scope.portfolio);
    const snapshotId = snapshotArg(values.snapshot);
    // The table lists ten positions: only those are computed from the positions (JSON lists them all).
    const r = await h.runScenario(validateInput('runScenario', { portfolioId: portfolio.id, ...(snapshotId ? { snapshotId } : {}), shocks, ...(format === 'table' ? { positionLimit: 10 } : {}) }));
    const { portfolioId: _id, movedPositions, ...shown } = r;
    moved = movedPositions;
    heading = `${r.portfolio}, snapshot ${r.snapshotId} as of ${r.asOf}`;
    result = shown;
  }
  for (const w of result.warnings) io.err(`warning: ${w.code}: ${w.message}\n`);
  if (format === 'json') {
    io.out(`${JSON.stringify({ ...result, warnings: result.warnings.map(publicWarning) }, null, 2)}\n`);
    return;
  }
  const cur = result.baseCurrency;
  // Signed as the impact is: "+70.00 USD (+2.45% of …)", where the share had no "+".
  const share = unsignedZero((result.impactShare * 100).toFixed(2));
  io.out(`${heading}: ${signed(result.impact)} ${cur} (${result.impactShare > 0 && share !== '0.00' ? '+' : ''}${share}% of ${money(result.totalValue)})\n`);
  const names = new Map(themes.map((t) => [t.id, t.name]));
  for (const t of result.themes.filter((x) => x.shock !== 0 || x.impact !== 0)) {
    io.out(`  ${(names.get(t.id) ?? t.id).padEnd(30)} shock ${`${t.shock > 0 ? '+' : ''}${t.shock}%`.padStart(7)}  exposure ${money(t.value).padStart(16)}  impact ${signed(t.impact).padStart(16)}\n`);
  }
  for (const p of result.positions.slice(0, 10)) io.out(`  ${p.symbol.padEnd(12)} ${p.account.padEnd(12)} ${signed(p.impact).padStart(16)}\n`);
  const count = moved ?? result.positions.length;
  if (count > 10) io.out(`  and ${counted(count - 10, 'more position')}; --format json lists them all\n`);
}
