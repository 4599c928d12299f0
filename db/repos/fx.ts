import type { FxRate } from '../../shared/domain/types';
import type { Db } from '../connection';

interface FxRow {
  currency: string;
  quote: string;
  rate: string;
  as_of: string;
  source: string;
}

const toFx = (r: FxRow): FxRate => ({ currency: r.currency, quote: r.quote, rate: r.rate, asOf: r.as_of, source: r.source });

/** Every stored rate: each pair's history, newest first. */
export function listFxRates(db: Db): FxRate[] {
  return (db.prepare('SELECT * FROM fx_rates ORDER BY currency, quote, as_of DESC').all() as FxRow[]).map(toFx);
}

/**
 * Stores 1 currency = rate quote on `asOf`; a reverse pair entered for the same day is replaced so the
 * two cannot disagree. Other days keep their rates: each snapshot is valued at the rate of its date.
 */
export function setFxRate(db: Db, input: { currency: string; quote: string; rate: string }, asOf: string, source = 'entered'): FxRate {
  setFxRates(db, [{ ...input, asOf }], source);
  return toFx(db.prepare('SELECT * FROM fx_rates WHERE currency = ? AND quote = ? AND as_of = ?').get(input.currency, input.quote, asOf) as FxRow);
}

/** Stores many dated rates (as setFxRate does one) in one transaction: all of them, or (on any failure) none. */
export function setFxRates(db: Db, rates: readonly { currency: string; quote: string; rate: string; asOf: string }[], source: string): number {
  // Prepared once: a central bank's history is a couple of hundred thousand rates.
  const dropReverse = db.prepare('DELETE FROM fx_rates WHERE currency = ? AND quote = ? AND as_of = ?');
  const upsert = db.prepare(
    `INSERT INTO fx_rates (currency, quote, rate, as_of, source) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (currency, quote, as_of) DO UPDATE SET rate = excluded.rate, source = excluded.source`,
  );
  return db.transaction(() => {
    for (const r of rates) {
      dropReverse.run(r.quote, r.currency, r.asOf);
      upsert.run(r.currency, r.quote, r.rate, r.asOf, source);
    }
    return rates.length;
  })();
}

/**
 * The rates that value a snapshot as of `date`: for each pair (either way round), the latest rate on
 * or before the date, else the earliest one after it. A rate after the date is returned as it is, so
 * the caller sees from its `asOf` that it was not as of the snapshot (FX_NOT_AS_OF).
 * Every view asks this, and a central bank's history is a couple of hundred thousand rows: so each
 * answer is an index seek on the primary key (the pairs found by skipping along it, then one seek
 * each way per pair), never a pass over the table (800 ms over 204,000 rates; now well under 1 ms).
 */
export function fxRatesAsOf(db: Db, date: string): FxRate[] {
  // Past every date of the pair before: '~' sorts after any YYYY-MM-DD, so the seek lands on the next pair
  // instead of stepping over this pair's thousands of days.
  const nextPair = db.prepare("SELECT currency, quote FROM fx_rates WHERE (currency, quote, as_of) > (?, ?, '~') ORDER BY currency, quote, as_of LIMIT 1");
  const onOrBefore = db.prepare('SELECT * FROM fx_rates WHERE currency = ? AND quote = ? AND as_of <= ? ORDER BY as_of DESC LIMIT 1');
  const after = db.prepare('SELECT * FROM fx_rates WHERE currency = ? AND quote = ? AND as_of > ? ORDER BY as_of LIMIT 1');
  const best = new Map<string, FxRow>();
  for (let pair = nextPair.get('', '') as { currency: string; quote: string } | undefined; pair; pair = nextPair.get(pair.currency, pair.quote) as typeof pair) {
    const row = (onOrBefore.get(pair.currency, pair.quote, date) ?? after.get(pair.currency, pair.quote, date)) as FxRow;
    const key = [row.currency, row.quote].sort().join('/');
    const held = best.get(key);
    // Both ways round stored (on different days): the nearer on-or-before rate wins, else the earlier later one.
    const better = !held || (row.as_of <= date ? held.as_of > date || row.as_of > held.as_of : held.as_of > date && row.as_of < held.as_of);
    if (better) best.set(key, row);
  }
  return [...best.values()].sort((a, b) => (a.currency + a.quote < b.currency + b.quote ? -1 : 1)).map(toFx);
}

export interface ResolvedRate {
  /** Multiply a value in `currency` by this to get the base currency (in floating point: db/exposure/rates.ts makes it exact from `legs`). */
  factor: number;
  /**
   * The rates chained, from `currency` to the base: each stored pair, and whether it is used the
   * other way round (1 / rate: the pair's quote is the leg's start).
   */
  legs: { rate: FxRate; inverse: boolean }[];
  /** How the rate was found, for reports: "1 EUR = 1.0845 USD" or a chain through another currency. */
  description: string;
  asOf: string;
}

/**
 * The rate from `currency` to `base`: a direct pair, its inverse, or a cross rate through common
 * currencies (shortest chain). Null when no chain exists: the caller must warn, never assume 1.0.
 */
export function resolveRate(rates: readonly FxRate[], currency: string, base: string): ResolvedRate | null {
  if (currency === base) return { factor: 1, legs: [], description: `${base} is the base currency`, asOf: '' };
  const edges = new Map<string, { to: string; factor: number; rate: FxRate; inverse: boolean }[]>();
  const add = (from: string, to: string, factor: number, rate: FxRate, inverse: boolean) => {
    const list = edges.get(from) ?? [];
    list.push({ to, factor, rate, inverse });
    edges.set(from, list);
  };
  for (const r of rates) {
    const value = Number(r.rate);
    if (!(value > 0)) continue;
    add(r.currency, r.quote, value, r, false);
    add(r.quote, r.currency, 1 / value, r, true);
  }
  const seen = new Map<string, { factor: number; via: ResolvedRate['legs'] }>([[currency, { factor: 1, via: [] }]]);
  const queue = [currency];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    const here = seen.get(at) as { factor: number; via: ResolvedRate['legs'] };
    for (const e of edges.get(at) ?? []) {
      if (seen.has(e.to)) continue;
      const next = { factor: here.factor * e.factor, via: [...here.via, { rate: e.rate, inverse: e.inverse }] };
      if (e.to === base) {
        // The latest leg's date: a chain is only as of the snapshot if every leg is.
        const asOf = next.via.map((l) => l.rate.asOf).sort().at(-1) ?? '';
        const description = next.via.map(({ rate: r }) => `1 ${r.currency} = ${r.rate} ${r.quote}`).join('; ');
        return { factor: next.factor, legs: next.via, description, asOf };
      }
      seen.set(e.to, next);
      queue.push(e.to);
    }
  }
  return null;
}
