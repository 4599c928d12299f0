/**
 * The report's breakdowns (by account, by currency, theme overlap), computed from the report's own
 * positions so that a portfolio's report and a household's add up the same way, and every figure
 * agrees with the summary to the cent: sums are taken in whole cents. A household's line adds up
 * positions of several accounts (ExposurePosition.parts): the breakdown by account is made of
 * those positions, each in its own account, never of the combined line.
 */
import type { CurrencyBreakdownRow } from '../exposure/analytics';
import type { Exposure, ExposurePosition, ExposurePositionPart } from '../exposure/model';

export interface ReportAccountRow {
  account: string;
  positionCount: number;
  /** Base value of the account's positions that have a rate. */
  value: number;
  /** Net contribution per top-level theme id (sub-themes rolled in). */
  themes: Record<string, number>;
  /** Value not explained by any tag (value less every contribution, as the summary counts it). */
  untaggedValue: number;
  /** Positions whose currency has no rate: left out of the figures, as in the summary. */
  withoutRate: number;
}

/**
 * A currency held, as the Currencies view shows it (shared/exposure/analytics.ts), without the rate's
 * date. On a client's report its positions may be valued at several rates (each portfolio at its
 * snapshot's date): `rate` then names each with its portfolios and their dates, and `rates` lists
 * them, one per portfolio, so the value can be redone by hand.
 */
export type ReportCurrencyRow = Pick<CurrencyBreakdownRow, 'currency' | 'positionCount' | 'localValue' | 'value' | 'share' | 'rate'> & {
  rates?: { rate: string; portfolio: string; asOf: string }[];
};

/** Base value of positions counted in both top-level themes (a === b: in that theme at all). */
export interface ReportOverlapCell {
  a: string;
  b: string;
  value: number;
  share: number;
  positionCount: number;
}

export interface ReportBreakdowns {
  /** Top-level themes, in the report's order. */
  themes: { id: string; name: string; color: string }[];
  accounts: ReportAccountRow[];
  currencies: ReportCurrencyRow[];
  overlap: ReportOverlapCell[];
  /** False when the report lists fewer positions than the snapshot holds: the breakdowns then cover only those. */
  complete: boolean;
}

const cents = (v: number): number => Math.round(v * 100);
const money = (c: number): number => c / 100;

/** Each theme id's top-level theme: a sub-theme rolls into its parent. */
function rootsOf(r: Exposure): Map<string, string> {
  return new Map(r.themes.map((t) => [t.id, t.parentId ?? t.id]));
}

/** The top-level themes a position counts in (each once), with its contribution to each. */
function rootContributions(p: ExposurePosition, roots: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of p.themes) {
    const root = roots.get(t.id);
    if (root === undefined || t.weight <= 0) continue;
    out.set(root, (out.get(root) ?? 0) + cents(t.value));
  }
  return out;
}

/**
 * The positions a line is made of, each in its own account: a household's line's parts, else the
 * position itself. A part's contributions are to the line's themes (weight above 0), as the line's are.
 */
function partsOf(p: ExposurePosition): ExposurePositionPart[] {
  if (p.parts) {
    const held = new Set(p.themes.filter((t) => t.weight > 0).map((t) => t.id));
    return p.parts.map((x) => ({ ...x, themes: x.themes.filter((t) => held.has(t.id)) }));
  }
  return [{ portfolio: '', account: p.account, quantity: p.quantity, value: p.value, localValue: p.localValue, themes: p.themes.filter((t) => t.weight > 0) }];
}

export function reportBreakdowns(r: Exposure): ReportBreakdowns {
  const roots = rootsOf(r);
  const themes = r.themes.filter((t) => !t.parentId).map((t) => ({ id: t.id, name: t.name, color: t.color }));
  const total = cents(r.totalValue);
  const shareOf = (c: number) => (total === 0 ? 0 : c / total);

  const accounts = new Map<string, { n: number; v: number; tagged: number; themes: Map<string, number>; missing: number }>();
  const currencies = new Map<string, { n: number; local: number; v: number; missing: boolean; portfolios: Set<string> }>();
  const pairs = new Map<string, { v: number; n: number }>();

  for (const p of r.positions) {
    // By account and by currency: each position in its own account, valued by its own portfolio
    // (a household's line may add up several, at several rates).
    const c = currencies.get(p.currency) ?? { n: 0, local: 0, v: 0, missing: false, portfolios: new Set<string>() };
    currencies.set(p.currency, c);
    for (const part of partsOf(p)) {
      const a = accounts.get(part.account) ?? { n: 0, v: 0, tagged: 0, themes: new Map<string, number>(), missing: 0 };
      accounts.set(part.account, a);
      a.n += 1;
      c.n += 1;
      c.local += cents(part.localValue);
      if (part.value === null) {
        a.missing += 1;
        c.missing = true;
        continue;
      }
      a.v += cents(part.value);
      c.v += cents(part.value);
      if (part.portfolio) c.portfolios.add(part.portfolio);
      for (const t of part.themes) {
        const root = roots.get(t.id);
        if (root === undefined) continue;
        a.themes.set(root, (a.themes.get(root) ?? 0) + cents(t.value));
        a.tagged += cents(t.value);
      }
    }
    if (p.value === null) continue;
    const v = cents(p.value);
    const byRoot = rootContributions(p, roots);
    const held = themes.filter((t) => byRoot.has(t.id)).map((t) => t.id);
    for (let i = 0; i < held.length; i++) {
      for (let j = i; j < held.length; j++) {
        const key = `${held[i]}\u0000${held[j]}`;
        const cell = pairs.get(key) ?? { v: 0, n: 0 };
        cell.v += v;
        cell.n += 1;
        pairs.set(key, cell);
      }
    }
  }

  const rates = new Map(r.fxRates.map((f) => [f.currency, f.rate]));
  const rateUsed = usedRates(r);
  const overlap: ReportOverlapCell[] = [];
  for (let i = 0; i < themes.length; i++) {
    for (let j = i; j < themes.length; j++) {
      const cell = pairs.get(`${themes[i]!.id}\u0000${themes[j]!.id}`) ?? { v: 0, n: 0 };
      overlap.push({ a: themes[i]!.id, b: themes[j]!.id, value: money(cell.v), share: shareOf(cell.v), positionCount: cell.n });
    }
  }
  return {
    themes,
    accounts: [...accounts]
      .map(([account, a]) => ({
        account,
        positionCount: a.n,
        value: money(a.v),
        themes: Object.fromEntries(themes.map((t) => [t.id, money(a.themes.get(t.id) ?? 0)])),
        untaggedValue: money(a.v - a.tagged),
        withoutRate: a.missing,
      }))
      .sort((x, y) => Math.abs(y.value) - Math.abs(x.value) || (x.account < y.account ? -1 : 1)),
    currencies: [...currencies]
      .map(([currency, c]) => ({
        currency,
        positionCount: c.n,
        localValue: money(c.local),
        value: c.missing ? null : money(c.v),
        share: c.missing ? null : shareOf(c.v),
        ...(currency === r.baseCurrency ? { rate: '' } : c.missing ? { rate: null } : (rateUsed(currency, c.portfolios) ?? { rate: rates.get(currency) ?? null })),
      }))
      .sort((x, y) => Math.abs(y.value ?? 0) - Math.abs(x.value ?? 0) || (x.currency < y.currency ? -1 : 1)),
    overlap,
    complete: r.positions.length >= r.positionCount,
  };
}

/**
 * A client's report: the rate of `currency` each of these portfolios valued it at (fxRates[].portfolios),
 * with the portfolio's snapshot date. One rate for all: that rate, as on a portfolio's report. Several:
 * each with its portfolios and dates, "1 EUR = 1.1000 USD (PA, 2026-03-31); 1 EUR = 1.2000 USD (PB,
 * 2026-06-15)", and `rates`. Undefined on a portfolio's report (or a rate not named per portfolio).
 */
function usedRates(r: Exposure): (currency: string, portfolios: ReadonlySet<string>) => Pick<ReportCurrencyRow, 'rate' | 'rates'> | undefined {
  const rateOf = new Map<string, string>();
  for (const f of r.fxRates) for (const name of f.portfolios ?? []) rateOf.set(`${f.currency}\u0000${name}`, f.rate);
  const order = (r.portfolios ?? []).map((p) => p.name);
  const asOfOf = portfolioDates(r);
  return (currency, portfolios) => {
    if (!r.portfolios || portfolios.size === 0) return undefined;
    const used: { rate: string; portfolio: string; asOf: string }[] = [];
    for (const name of order) {
      if (!portfolios.has(name)) continue;
      const rate = rateOf.get(`${currency}\u0000${name}`);
      if (rate === undefined) return undefined;
      used.push({ rate, portfolio: name, asOf: asOfOf.get(name) ?? '' });
    }
    const distinct = [...new Set(used.map((u) => u.rate))];
    if (distinct.length === 1) return { rate: distinct[0] as string };
    const text = distinct.map((rate) => `${rate} (${used.filter((u) => u.rate === rate).map((u) => usedBy(u.portfolio, u.asOf)).join('; ')})`).join('; ');
    return { rate: text, rates: used };
  };
}

/** The overlap cell of two themes, in either order. */
export function overlapOf(b: ReportBreakdowns, x: string, y: string): ReportOverlapCell | undefined {
  return b.overlap.find((c) => (c.a === x && c.b === y) || (c.a === y && c.b === x));
}

/**
 * A client's report: the portfolios valued at one of its rates (fxRates[].portfolios), each with its
 * snapshot's date as the By currency row names them: "PA, 2026-03-31; PB, 2026-06-15". '' on a
 * portfolio's report.
 */
export function rateUsers(r: Exposure, f: Exposure['fxRates'][number]): string {
  const asOfOf = portfolioDates(r);
  return (f.portfolios ?? []).map((name) => usedBy(name, asOfOf.get(name) ?? '')).join('; ');
}

/** A client's portfolios' snapshot dates, by name. */
function portfolioDates(r: Exposure): Map<string, string> {
  return new Map((r.portfolios ?? []).map((p) => [p.name, p.asOf ?? '']));
}

/** A portfolio valued at a rate, as the By currency row and the rates section name it: "PA, 2026-03-31". */
const usedBy = (portfolio: string, asOf: string): string => `${portfolio}, ${asOf}`;
