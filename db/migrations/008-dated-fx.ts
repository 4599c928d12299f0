import type { Db } from '../connection';

/**
 * Dated FX: one rate per pair per day, so a snapshot is valued at the rate of its own date rather
 * than whatever rate was entered last. `source` says where a rate came from ("entered", or the rates
 * file it was imported from). Existing rates keep their date.
 */
export function migration008(db: Db): void {
  db.exec(`
    CREATE TABLE fx_rates_dated (
      currency TEXT NOT NULL CHECK (length(currency) = 3),
      quote TEXT NOT NULL CHECK (length(quote) = 3),
      as_of TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      rate TEXT NOT NULL,
      source TEXT NOT NULL DEFAULT 'entered',
      PRIMARY KEY (currency, quote, as_of),
      CHECK (currency <> quote)
    ) STRICT;
    INSERT INTO fx_rates_dated (currency, quote, as_of, rate) SELECT currency, quote, as_of, rate FROM fx_rates;
    DROP TABLE fx_rates;
    ALTER TABLE fx_rates_dated RENAME TO fx_rates;
  `);
}
