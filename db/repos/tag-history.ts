import type { TagEvent } from '../../shared/api/contract';
import type { Db } from '../connection';
import { normaliseSymbolKey } from './tags';

/** Tag changes, newest first: one symbol's, or every change since a date (YYYY-MM-DD or ISO time). */
export function tagHistory(db: Db, input: { symbolKey?: string | undefined; since?: string | undefined; limit?: number | undefined }): TagEvent[] {
  return db
    .prepare(
      `SELECT symbol_key AS symbolKey, theme_id AS themeId, old_weight_bp AS oldWeightBp, new_weight_bp AS newWeightBp, source, at
       FROM tag_events
       WHERE (@symbol IS NULL OR symbol_key = @symbol) AND (@since IS NULL OR at >= @since)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({ symbol: input.symbolKey ? normaliseSymbolKey(input.symbolKey) : null, since: input.since ?? null, limit: input.limit ?? 1000 }) as TagEvent[];
}
