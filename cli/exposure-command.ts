import { formatShare } from '../shared/report/format';
import { publicWarning } from '../shared/exposure/warnings';
import { formatCents } from '../shared/money/decimal';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { baseCurrencyArg, portfolioArg, portfolioOrClient, snapshotArg } from './portfolio-args';
import { formatPoints as pts } from '../shared/report/html-extras';
import type { Exposure } from '../shared/exposure/model';

/** Report amounts are exact to the cent: written from their cents. */
const money = (n: number) => formatCents(Math.round(n * 100));
/** One decimal, and a share that rounds to zero is 0.0%, never -0.0% (shared/report/format.ts). */
const pct = formatShare;

/**
 * `themelens exposure (--portfolio NAME [--snapshot ID] | --client NAME [--base-currency C]) [--benchmark FUND]
 * [--format table|json]` (the command-line contract in the README):
 * the theme figures of a snapshot without its positions, for scripts and a quick look. JSON carries
 * totalValue, cashValue, untaggedValue and themes[] as the report does, and its warnings.
 */
export async function exposureCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    portfolio: { type: 'string' },
    client: { type: 'string' },
    'base-currency': { type: 'string' },
    benchmark: { type: 'string' },
    snapshot: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`exposure takes no positional argument (got "${positionals[0]}")`);
  const scope = portfolioOrClient(values, 'exposure');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format "${format}" is not table or json`);
  const benchmark = values.benchmark ? { benchmark: values.benchmark } : {};
  let e: Exposure;
  if ('client' in scope) {
    if (values.snapshot) throw new UsageError('exposure --client uses the latest snapshot of each portfolio: leave out --snapshot');
    e = await h.getClientExposure(validateInput('getClientExposure', { client: scope.client, ...baseCurrencyArg(values['base-currency']), ...benchmark, positionLimit: 0 }));
  } else {
    if (values['base-currency']) throw new UsageError('--base-currency is for --client: a portfolio is valued in its own base currency');
    const portfolio = await portfolioArg(h, scope.portfolio);
    const snapshotId = snapshotArg(values.snapshot);
    e = await h.getExposure(validateInput('getExposure', { portfolioId: portfolio.id, ...(snapshotId ? { snapshotId } : {}), ...benchmark, positionLimit: 0 }));
  }
  if (format === 'json') {
    const { positions: _positions, ...rest } = e;
    io.out(`${JSON.stringify({ ...rest, warnings: rest.warnings.map(publicWarning) }, null, 2)}\n`);
    return;
  }
  // With a benchmark, two more columns: its share and the active difference.
  const b = e.benchmark;
  const vs = (t: Exposure['themes'][number]): string[] => (b ? [pct(t.benchmark?.share ?? 0), pts(t.benchmark?.active ?? 0)] : []);
  const rows: string[][] = [
    ...e.themes.map((t) => [`${t.parentId ? '  ' : ''}${t.name}`, money(t.value), pct(t.share), ...vs(t)]),
    ['Untagged', money(e.untaggedValue), pct(e.totalValue === 0 ? 0 : e.untaggedValue / e.totalValue)],
    ['  of which cash', money(e.cashValue), pct(e.totalValue === 0 ? 0 : e.cashValue / e.totalValue)],
    ['Total', money(e.totalValue), e.totalValue === 0 ? '' : '100.0%'],
  ];
  const head = ['Theme', `Value (${e.baseCurrency})`, 'Share', ...(b ? [b.symbol, 'Active'] : [])];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : c.padStart(widths[i] as number))).join('  ').trimEnd();
  io.out(e.portfolios ? `${e.portfolio}: ${e.portfolios.filter((p) => p.snapshotId !== null).map((p) => `${p.name} (${p.asOf})`).join(', ')}\n` : `${e.portfolio}, snapshot ${e.snapshotId} as of ${e.asOf}\n`);
  io.out(`${line(head)}\n`);
  for (const r of rows) io.out(`${line(r)}\n`);
  for (const w of e.warnings) io.err(`warning: ${w.code}: ${w.message}\n`);
}
