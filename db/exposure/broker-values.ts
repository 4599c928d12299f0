import { exposureWarning } from '../../shared/exposure/warnings';
import { formatCents } from '../../shared/money/decimal';
import type { Snapshot } from '../../shared/domain/types';
import type { ExposureWarning } from '../../shared/exposure/model';
import type { Db } from '../connection';
import type { CurrencyFactor } from './rates';
import { absBaseSql, IN_SNAPSHOT, positionRange, type BrokerValues } from './scan';
import { sql } from '../sql';

/** How far apart the broker's figure and the rate's may be before both are shown: 0.5%. */
const TOLERANCE = 0.005;

/**
 * Where the broker valued positions in the base currency AND a rate exists for their currency, the two
 * should agree; more than 0.5% apart, the report shows both figures (BROKER_RATE_DIFFERS). The broker's
 * values are the ones used: they are of the file's own day, the rate may not be.
 */
export function brokerRateDifferences(db: Db, snapshot: Snapshot, base: string, totals: { factors: CurrencyFactor[]; broker: BrokerValues | null }): ExposureWarning[] {
  if (!totals.broker) return [];
  const range = positionRange(db, snapshot.id);
  const warnings: ExposureWarning[] = [];
  for (const currency of totals.broker.currencies) {
    const factor = totals.factors.find((f) => f.currency === currency);
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
    warnings.push(
      exposureWarning('BROKER_RATE_DIFFERS', {
        currency,
        broker: formatCents(row.broker),
        base,
        column: totals.broker.column,
        rate: factor.description,
        rateDate: String(factor.asOf),
        rated: formatCents(row.rated),
        apart: (apart * 100).toFixed(1),
      }),
    );
  }
  return warnings;
}
