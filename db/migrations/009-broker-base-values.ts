import type { Db } from '../connection';

/**
 * Values the broker gives in a base currency (DEGIRO "Value in EUR", a bank's "Kurswert in EUR"): each
 * position's own figure, and the snapshot's note of which currency they are in. A portfolio in that
 * currency is valued at the broker's figures rather than at a rate the user typed. And, for repricing,
 * which snapshot a repriced one revalued.
 */
export function migration009(db: Db): void {
  db.exec(`
    ALTER TABLE positions ADD COLUMN base_value_cents INTEGER;
    ALTER TABLE snapshots ADD COLUMN base_value_currency TEXT;
    ALTER TABLE snapshots ADD COLUMN base_value_column TEXT;
    -- Written once at import, so no view has to read every position to know them: the currencies with
    -- at least one position the broker valued, and those with every position valued (comma-separated).
    ALTER TABLE snapshots ADD COLUMN base_valued_some TEXT NOT NULL DEFAULT '';
    ALTER TABLE snapshots ADD COLUMN base_valued_all TEXT NOT NULL DEFAULT '';
    -- A snapshot written by repricing (themelens reprice): the snapshot whose holdings it revalued.
    ALTER TABLE snapshots ADD COLUMN repriced_from INTEGER REFERENCES snapshots(id) ON DELETE SET NULL;
  `);
}
