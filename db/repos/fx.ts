import type { FxRate } from '../../shared/domain/types';
import type { Db } from '../connection';

interface FxRow {
  currency: string;
  quote: string;
  rate: string;
  as_of: string;
}

const toFx = (r: FxRow): FxRate => ({ currency: r.currency, quote: r.quote, rate: r.rate, asOf: r.as_of });

export function listFxRates(db: Db): FxRate[] {
  return (db.prepare('SELECT * FROM fx_rates ORDER BY currency, quote').all() as FxRow[]).map(toFx);
}

/** Stores 1 currency = rate quote; the reverse pair, if entered before, is replaced so the two cannot disagree. */
export function setFxRate(db: Db, input: { currency: string; quote: string; rate: string }, asOf: string): FxRate {
  return db.transaction(() => {
    db.prepare('DELETE FROM fx_rates WHERE currency = ? AND quote = ?').run(input.quote, input.currency);
    db.prepare(
      `INSERT INTO fx_rates (currency, quote, rate, as_of) VALUES (?, ?, ?, ?)
       ON CONFLICT (currency, quote) DO UPDATE SET rate = excluded.rate, as_of = excluded.as_of`,
    ).run(input.currency, input.quote, input.rate, asOf);
    return toFx(db.prepare('SELECT * FROM fx_rates WHERE currency = ? AND quote = ?').get(input.currency, input.quote) as FxRow);
  })();
}

export interface ResolvedRate {
  /** Multiply a value in `currency` by this to get the base currency. */
  factor: number;
  /** How the rate was found, for reports: "1 EUR = 1.0845 USD" or a chain through another currency. */
  description: string;
  asOf: string;
}

/**
 * The rate from `currency` to `base`: a direct pair, its inverse, or a cross rate through common
 * currencies (shortest chain). Null when no chain exists: the caller must warn, never assume 1.0.
 */
export function resolveRate(rates: readonly FxRate[], currency: string, base: string): ResolvedRate | null {
  if (currency === base) return { factor: 1, description: `${base} is the base currency`, asOf: '' };
  const edges = new Map<string, { to: string; factor: number; rate: FxRate }[]>();
  const add = (from: string, to: string, factor: number, rate: FxRate) => {
    const list = edges.get(from) ?? [];
    list.push({ to, factor, rate });
    edges.set(from, list);
  };
  for (const r of rates) {
    const value = Number(r.rate);
    if (!(value > 0)) continue;
    add(r.currency, r.quote, value, r);
    add(r.quote, r.currency, 1 / value, r);
  }
  const seen = new Map<string, { factor: number; via: FxRate[] }>([[currency, { factor: 1, via: [] }]]);
  const queue = [currency];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    const here = seen.get(at) as { factor: number; via: FxRate[] };
    for (const e of edges.get(at) ?? []) {
      if (seen.has(e.to)) continue;
      const next = { factor: here.factor * e.factor, via: [...here.via, e.rate] };
      if (e.to === base) {
        const asOf = next.via.map((r) => r.asOf).sort()[0] ?? '';
        const description = next.via.map((r) => `1 ${r.currency} = ${r.rate} ${r.quote}`).join('; ');
        return { factor: next.factor, description, asOf };
      }
      seen.set(e.to, next);
      queue.push(e.to);
    }
  }
  return null;
}
