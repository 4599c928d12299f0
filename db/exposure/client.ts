import { warningOf } from '../../shared/exposure/warnings';
import { AppError } from '../../shared/api/errors';
import { addDecimalTexts } from '../../shared/money/decimal';
import { portfolioNameKey } from '../../shared/domain/portfolio-name';
import type { Portfolio } from '../../shared/domain/types';
import { REPORT_SCHEMA_VERSION } from '../../shared/report/model';
import { type Exposure, type ExposurePortfolioPart, type ExposurePosition, type ExposurePositionPart } from '../../shared/exposure/model';
import type { Db } from '../connection';
import * as portfolios from '../repos/portfolios';
import * as snapshots from '../repos/snapshots';
import { listClientTargets } from '../repos/targets';
import { cached } from './cache';
import { computeExposure, listReportPositions, withTargets } from './compute';
import { largestClientLines } from './client-lines';
import { snapshotBasis } from './scan';
import { valuedCounts } from './group-summary';

const toCents = (money: number) => Math.round(money * 100);
const money = (cents: number) => cents / 100;

/** A client's name as stored on its first portfolio, and its portfolios (names matched as portfolio names are). */
export function clientPortfolios(db: Db, client: string): { name: string; portfolios: Portfolio[] } {
  const key = portfolioNameKey(client);
  const list = portfolios
    .listPortfolios(db)
    .filter((p) => p.clientName !== null && portfolioNameKey(p.clientName) === key)
    .map((p) => portfolios.getPortfolio(db, p.id));
  const first = list[0];
  if (!first) throw new AppError('NOT_FOUND', `There is no client named "${client}". Name one: themelens client set PORTFOLIO CLIENT (themelens clients lists them).`);
  return { name: first.clientName as string, portfolios: list };
}

/**
 * The currency a client's combined figures are in: the one asked for, else the base currency its
 * portfolios share. Portfolios in different base currencies need a choice: never picked silently.
 */
export function clientBaseCurrency(client: string, list: readonly Portfolio[], asked?: string): string {
  if (asked) return asked;
  const bases = [...new Set(list.map((p) => p.baseCurrency))].sort();
  if (bases.length === 1) return bases[0] as string;
  throw new AppError('VALIDATION', `The portfolios of ${client} are in ${bases.join(' and ')}: choose the currency of the combined figures (--base-currency ${bases[0]}).`);
}

/**
 * A client's (household's) exposure: the latest snapshot of each of its portfolios, every value in
 * the client's base currency at the rates of that snapshot's own date, added up. The same security
 * held in several accounts is one position line (its accounts listed); theme figures are the sums
 * of the portfolios' (each already a sum of cent-rounded contributions), so they add up by hand.
 */
export function computeClientExposure(db: Db, client: string, generatedAt: string, options: { baseCurrency?: string | undefined; positionLimit?: number | undefined } = {}): Exposure {
  const { name, portfolios: list } = clientPortfolios(db, client);
  const base = clientBaseCurrency(name, list, options.baseCurrency);
  const limited = options.positionLimit !== undefined;
  const parts: ExposurePortfolioPart[] = [];
  const reports: { portfolio: Portfolio; report: Exposure }[] = [];
  for (const p of list) {
    const snapshot = snapshots.latestSnapshot(db, p.id);
    if (!snapshot) {
      parts.push({ name: p.name, snapshotId: null, asOf: null, sourceFile: null, baseCurrency: p.baseCurrency, totalValue: 0, positionCount: 0 });
      continue;
    }
    // Valued in the client's currency, not the portfolio's (dated FX as of the snapshot's date).
    // A limit (the Household view, or none at all: the exposure command) reads no positions here:
    // the lines are counted from groups, and those shown read below.
    const report = computeExposure(db, { ...p, baseCurrency: base }, snapshot, generatedAt, limited ? 0 : undefined);
    reports.push({ portfolio: p, report });
    parts.push({ name: p.name, snapshotId: snapshot.id, asOf: snapshot.asOf, sourceFile: snapshot.sourceFile, baseCurrency: p.baseCurrency, totalValue: report.totalValue, positionCount: snapshot.rowCount });
  }
  if (reports.length === 0) throw new AppError('NOT_FOUND', `No portfolio of ${name} has a snapshot yet. Import holdings first: themelens import FILE --portfolio NAME --client "${name}"`);

  const sum = (pick: (r: Exposure) => number) => money(reports.reduce((c, { report }) => c + toCents(pick(report)), 0));
  const lines = clientLines(db, base, reports.map(({ report }) => report.snapshotId as number), (reports[0] as { report: Exposure }).report.themes);
  const lineCounts = lines.themeCounts;
  const totalValue = sum((r) => r.totalValue);
  const themes = (reports[0] as { report: Exposure }).report.themes.map((t) => {
    const rows = reports.map(({ report }) => report.themes.find((x) => x.id === t.id));
    const add = (pick: (x: Exposure['themes'][number]) => number) => money(rows.reduce((c, x) => c + (x ? toCents(pick(x)) : 0), 0));
    const value = add((x) => x.value);
    const { target: _portfolioTarget, ...row } = t;
    return {
      ...row,
      value,
      grossValue: add((x) => x.grossValue),
      longValue: add((x) => x.longValue),
      shortValue: add((x) => x.shortValue),
      share: totalValue === 0 ? 0 : value / totalValue,
      // The lines it holds (as listed: one per security across accounts), not the sum of the
      // portfolios' counts, which counted NVDA held in two portfolios twice.
      positionCount: lineCounts.get(t.id) ?? 0,
    };
  });
  const snapshotIds = reports.map(({ report }) => report.snapshotId as number);
  // With a limit, only the positions of the largest lines are read (client-lines.ts), in the
  // portfolios' order as the full list reads them, so the merged lines come out the same.
  const kept = limited && options.positionLimit! > 0 ? largestClientLines(db, base, snapshotIds, options.positionLimit!) : null;
  const read = reports.map(({ portfolio, report }) => {
    if (!kept) return { portfolio, positions: report.positions };
    const ids = kept.get(report.snapshotId as number);
    const basis = snapshotBasis(db, base, report.snapshotId as number);
    return { portfolio, positions: ids ? listReportPositions(db, report.snapshotId as number, basis.factors, basis.broker !== null, -1, ids) : [] };
  });
  const positions = mergePositions(read.flatMap(({ portfolio, positions: list }) => list.map((pos) => ({ portfolio: portfolio.name, pos }))));
  const positionCount = limited ? lines.count : positions.length;
  const asOf = reports.map(({ report }) => report.asOf).sort().at(-1) as string;
  // Each rate once, naming the portfolios valued at it: a currency may be at several (each snapshot at its own date's).
  const rates = new Map<string, Exposure['fxRates'][number] & { portfolios: string[] }>();
  for (const { portfolio, report } of reports) {
    for (const f of report.fxRates) {
      const key = `${f.currency}|${f.rate}|${f.asOf}`;
      const seen = rates.get(key);
      if (seen) seen.portfolios.push(portfolio.name);
      else rates.set(key, { ...f, portfolios: [portfolio.name] });
    }
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    portfolio: name,
    clientName: name,
    snapshotId: null,
    asOf,
    sourceFile: reports.map(({ report }) => report.sourceFile).join(', '),
    baseCurrency: base,
    totalValue,
    cashValue: sum((r) => r.cashValue),
    untaggedValue: sum((r) => r.untaggedValue),
    themes: withTargets(themes, listClientTargets(db, name)),
    positionCount,
    // A screen's few lines go without their parts: the Household view shows a line's accounts
    // (account) and no breakdown by account or currency, which the reports make of the parts.
    positions: options.positionLimit === undefined ? positions : positions.slice(0, options.positionLimit).map(({ parts: _parts, ...line }) => line),
    fxRates: [...rates.values()].sort((a, b) => a.currency.localeCompare(b.currency) || a.asOf.localeCompare(b.asOf)),
    // Each portfolio's warnings, saying whose they are.
    warnings: reports.flatMap(({ portfolio, report }) => report.warnings.map((w) => warningOf(portfolio.name, w))),
    tagChanges: [],
    generatedAt,
    portfolios: parts,
  };
}

/** What a screen asks of a client's figures: the Household view's few lines, in one currency. */
export interface ClientScreenAsk {
  client: string;
  baseCurrency?: string | undefined;
  positionLimit: number;
}

/** The name a client's figures for a screen are kept under in the analytics cache. */
export function clientExposureKey(ask: ClientScreenAsk): string {
  return `client:${portfolioNameKey(ask.client)}:${ask.baseCurrency ?? ''}:${ask.positionLimit}`;
}

/**
 * A client's figures for a screen (a limited list), kept until data changes, like every view's
 * (cache.ts): 20-40 ms each time the view opened at 101,000 positions. Computed here, or ahead on
 * the figures thread (figures-ahead.ts) under the same name. Its time is the empty string: the
 * caller stamps its own (a figure kept is shared by every later ask).
 */
export function cachedClientExposure(db: Db, ask: ClientScreenAsk): Exposure {
  return cached(db, clientExposureKey(ask), () => computeClientExposure(db, ask.client, '', ask));
}

/** The line a valued position goes on in a client's list: one per security, currency and cash flag. */
const lineKey = (p: { symbolKey: string; currency: string; isCash: boolean }) => `${p.symbolKey}\u0000${p.currency}\u0000${p.isCash ? 1 : 0}`;

/**
 * How many lines mergePositions would make of these snapshots' positions (one per security,
 * currency and cash flag, across portfolios and accounts; a position without a rate its own line),
 * and per theme how many of those lines it holds: lines with a valued position whose security is
 * tagged with the theme, or for a top-level theme with it or one of its sub-themes, each line once.
 * From the groups, which are exactly those lines (client-lines.ts), and today's tags, in one pass
 * (two passes over 100,000 groups were a tenth of the Household view's switch).
 */
function clientLines(db: Db, base: string, snapshotIds: number[], themes: readonly { id: string; parentId?: string | null }[]): { count: number; themeCounts: Map<string, number> } {
  const parentOf = new Map(themes.map((t) => [t.id, t.parentId ?? null]));
  const themesOf = new Map<string, string[]>();
  for (const [key, themeId] of db.prepare('SELECT symbol_key, theme_id FROM tags WHERE weight_bp > 0').raw().all() as [string, string][]) {
    const list = themesOf.get(key) ?? [];
    list.push(themeId);
    themesOf.set(key, list);
  }
  // A snapshot's groups are distinct lines: one portfolio's (the usual household) need no set of
  // line keys, which for 100,000 groups was most of this function's time.
  const one = snapshotIds.length === 1;
  const merged = new Set<string>();
  let count = 0;
  const counts = new Map<string, number>();
  const lines = new Map<string, Set<string>>();
  const themesOfLine = new Set<string>();
  for (const id of snapshotIds) {
    for (const g of valuedCounts(db, base, id)) {
      count += g.n - g.valued;
      if (g.valued === 0) continue;
      const line = one ? '' : lineKey(g);
      if (one) count++;
      else merged.add(line);
      const tagged = themesOf.get(g.symbolKey);
      if (!tagged) continue;
      // The line's themes, a parent once though tagged with it and its sub-theme.
      themesOfLine.clear();
      for (const themeId of tagged) {
        themesOfLine.add(themeId);
        const parent = parentOf.get(themeId);
        if (parent) themesOfLine.add(parent);
      }
      for (const themeId of themesOfLine) {
        if (one) counts.set(themeId, (counts.get(themeId) ?? 0) + 1);
        else (lines.get(themeId) ?? (lines.set(themeId, new Set()).get(themeId) as Set<string>)).add(line);
      }
    }
  }
  if (one) return { count, themeCounts: counts };
  return { count: count + merged.size, themeCounts: new Map([...lines].map(([themeId, set]) => [themeId, set.size])) };
}

/**
 * One line per security across the client's accounts: positions with the same symbol, currency and
 * cash flag add up (values to the cent; quantities when every one is known). A position without a
 * rate stays its own line, so a missing value is never hidden inside a sum. Each line keeps the
 * positions it adds up (`parts`, one per portfolio and account): the breakdowns by account and by
 * currency are made of those, never of the combined line.
 */
function mergePositions(list: { portfolio: string; pos: ExposurePosition }[]): ExposurePosition[] {
  const merged = new Map<string, { pos: ExposurePosition; value: number | null; local: number; accounts: string[]; parts: ExposurePositionPart[]; themes: Map<string, { id: string; weight: number; source?: string; cents: number }> }>();
  list.forEach(({ portfolio, pos }, i) => {
    const key = pos.value === null ? `#${i}` : lineKey(pos);
    const account = pos.account ? `${portfolio} · ${pos.account}` : portfolio;
    const part: ExposurePositionPart = { portfolio, account, quantity: pos.quantity, value: pos.value, localValue: pos.localValue, themes: pos.themes.map((t) => ({ id: t.id, value: t.value })) };
    const m = merged.get(key);
    if (!m) {
      merged.set(key, {
        pos,
        value: pos.value === null ? null : toCents(pos.value),
        local: toCents(pos.localValue),
        accounts: [account],
        parts: [part],
        themes: new Map(pos.themes.map((t) => [t.id, { id: t.id, weight: t.weight, ...(t.source ? { source: t.source } : {}), cents: toCents(t.value) }])),
      });
      return;
    }
    m.value = (m.value as number) + toCents(pos.value as number);
    m.local += toCents(pos.localValue);
    if (!m.accounts.includes(account)) m.accounts.push(account);
    m.parts.push(part);
    m.pos = { ...m.pos, quantity: m.pos.quantity === null || pos.quantity === null ? null : Number((m.pos.quantity + pos.quantity).toPrecision(15)) };
    // The exact sum of the quantities as stored, which the reports show (the number above is a double's).
    m.pos.quantityText = m.pos.quantityText == null || pos.quantityText == null ? null : addDecimalTexts(m.pos.quantityText, pos.quantityText);
    for (const t of pos.themes) {
      const seen = m.themes.get(t.id);
      if (seen) seen.cents += toCents(t.value);
      else m.themes.set(t.id, { id: t.id, weight: t.weight, ...(t.source ? { source: t.source } : {}), cents: toCents(t.value) });
    }
  });
  return [...merged.values()]
    .map(({ pos, value, local, accounts, parts, themes }) => ({
      ...pos,
      account: accounts.join('; '),
      value: value === null ? null : money(value),
      localValue: money(local),
      themes: [...themes.values()].map(({ cents, ...t }) => ({ ...t, value: money(cents) })),
      parts,
    }))
    .sort((a, b) => Number(a.isCash) - Number(b.isCash) || Math.abs(b.value ?? 0) - Math.abs(a.value ?? 0) || a.symbolKey.localeCompare(b.symbolKey));
}
