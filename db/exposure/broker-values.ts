import { exposureWarning } from '../../shared/exposure/warnings';
import { formatCents } from '../../shared/money/decimal';
import type { Snapshot } from '../../shared/domain/types';
import type { ExposureWarning } from '../../shared/exposure/model';
import type { Db } from '../connection';
import type { CurrencyFactor } from './rates';
import { absBaseSql, IN_SNAPSHOT, positionRange, type BrokerValues } from './scan';
import { sql } from '../sql';
import { cached } from './cache';

/** How far apart the broker's figure and the rate's may be before both are shown: 0.5%. */
const TOLERANCE = 0.005;

/** A currency the broker valued in the base currency, where the rate held gives a figure more than 0.5% apart. */
export interface BrokerRateGap {
  currency: string;
  /** The broker's figure, in base cents: the one used. */
  brokerCents: number;
  /** What the rate gives for the same positions, in base cents. */
  ratedCents: number;
  /** How far apart, as a fraction of the rated figure. */
  apart: number;
  factor: CurrencyFactor;
}

/**
 * Where the broker valued positions in the base currency AND a rate exists for their currency, the two
 * should agree; more than 0.5% apart, the gap is said wherever the figures are shown (the exposure's
 * warning, the Currencies view). The broker's values are the ones used: they are of the file's own
 * day, the rate may not be. A scan per such currency, kept as the other figures are (until the next
 * write), so the exposure and the Currencies view share it.
 */
export function brokerRateGaps(db: Db, snapshot: Snapshot, base: string, totals: { factors: CurrencyFactor[]; broker: BrokerValues | null }): BrokerRateGap[] {
  const broker = totals.broker;
  if (!broker) return [];
  return cached(db, `brokergaps:${snapshot.id}:${base}`, () => scanGaps(db, snapshot, totals.factors, broker));
}

function scanGaps(db: Db, snapshot: Snapshot, factors: CurrencyFactor[], broker: BrokerValues): BrokerRateGap[] {
  const range = positionRange(db, snapshot.id);
  const gaps: BrokerRateGap[] = [];
  for (const currency of broker.currencies) {
    const factor = factors.find((f) => f.currency === currency);
    if (!factor) continue;
    const converted = absBaseSql([factor]);
    const row = db
      .prepare(
        sql`SELECT sum(p.base_value_cents) AS broker, sum(sign(p.value_cents) * ${converted.sql}) AS rated FROM positions p
         WHERE ${IN_SNAPSHOT} AND p.currency = @currency AND p.base_value_cents IS NOT NULL`.text,
      )
      .get({ sid: snapshot.id, first: range.first, last: range.last, currency, ...converted.params }) as { broker: number | null; rated: number | null };
    if (row.broker === null || row.rated === null) continue;
    const apart = row.rated === 0 ? (row.broker === 0 ? 0 : 1) : Math.abs(row.broker - row.rated) / Math.abs(row.rated);
    if (apart <= TOLERANCE) continue;
    gaps.push({ currency, brokerCents: row.broker, ratedCents: row.rated, apart, factor });
  }
  return gaps;
}

/** The gaps of brokerRateGaps as the report's warnings (BROKER_RATE_DIFFERS), both figures given. */
export function brokerRateDifferences(db: Db, snapshot: Snapshot, base: string, totals: { factors: CurrencyFactor[]; broker: BrokerValues | null }): ExposureWarning[] {
  const column = totals.broker?.column ?? '';
  return brokerRateGaps(db, snapshot, base, totals).map((g) =>
    exposureWarning('BROKER_RATE_DIFFERS', {
      currency: g.currency,
      broker: formatCents(g.brokerCents),
      base,
      column,
      rate: g.factor.description,
      rateDate: String(g.factor.asOf),
      rated: formatCents(g.ratedCents),
      apart: (g.apart * 100).toFixed(1),
    }),
  );
}
