import type { Db } from '../connection';

/**
 * Suggestion packs as versioned files: a decision remembers the weight it was made at, so a newer
 * pack that re-weights an accepted suggestion offers the new weight as a suggestion again instead
 * of changing the tag (older decisions keep NULL: taken as made at the weight of the day).
 */
export function migration013(db: Db): void {
  db.exec('ALTER TABLE suggestion_decisions ADD COLUMN weight_bp INTEGER CHECK (weight_bp IS NULL OR weight_bp BETWEEN 0 AND 10000)');
}
