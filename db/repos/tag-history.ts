import type { TagEvent } from '../../shared/api/contract';
import type { Db } from '../connection';
import { keyForText } from '../securities/keys';

/**
 * Tag changes, newest first: one security's, or every change since a date (YYYY-MM-DD or ISO time).
 * The security is named as `tag` names it (a ticker, an ISIN, a Tokyo code): history of 9984 or of
 * NVDA's ISIN found nothing, since events are kept under the security's key (XTKS:9984, NVDA).
 */
export function tagHistory(db: Db, input: { symbolKey?: string | undefined; since?: string | undefined; limit?: number | undefined }): TagEvent[] {
  return db
    .prepare(
      `SELECT symbol_key AS symbolKey, theme_id AS themeId, old_weight_bp AS oldWeightBp, new_weight_bp AS newWeightBp, source, at
       FROM tag_events
       WHERE (@symbol IS NULL OR symbol_key = @symbol) AND (@since IS NULL OR at >= @since)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({ symbol: input.symbolKey ? keyForText(db, input.symbolKey) : null, since: input.since ?? null, limit: input.limit ?? 1000 }) as TagEvent[];
}
