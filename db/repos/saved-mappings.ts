import { headerFingerprint, type SavedColumnMapping } from '../../shared/import/header-fingerprint';
import type { ColumnMapping } from '../../shared/import/types';
import type { Db } from '../connection';

function decimalOf(value: string | null): '.' | ',' | null {
  return value === '.' || value === ',' ? value : null;
}

/**
 * Every saved mapping by the fingerprint of its header row: handed to the parser, which applies
 * the one whose header it meets while it detects the format (shared/import/parse.ts), so a file is
 * read and detected once.
 */
export function savedMappingsByFingerprint(db: Db): Record<string, SavedColumnMapping> {
  const rows = db.prepare('SELECT fingerprint, mapping, encoding, delimiter, decimal FROM presets').all() as {
    fingerprint: string;
    mapping: string;
    encoding: string | null;
    delimiter: string | null;
    decimal: string | null;
  }[];
  const out: Record<string, SavedColumnMapping> = {};
  for (const r of rows) out[r.fingerprint] = { mapping: JSON.parse(r.mapping) as ColumnMapping, encoding: r.encoding, delimiter: r.delimiter, decimal: decimalOf(r.decimal) };
  return out;
}

/** The decimal separator saved with the mapping for this header row; null when there is none. */
export function savedDecimalFor(saved: Readonly<Record<string, SavedColumnMapping>>, headers: readonly string[]): '.' | ',' | null {
  return saved[headerFingerprint(headers)]?.decimal ?? null;
}

/** Saves (or replaces) the mapping for files with this header row; `decimal` left out is saved as none. */
export function saveMapping(db: Db, headers: readonly string[], saved: SavedColumnMapping, now: string): void {
  db.prepare(
    `INSERT INTO presets (fingerprint, headers, mapping, encoding, delimiter, decimal, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (fingerprint) DO UPDATE SET mapping = excluded.mapping, encoding = excluded.encoding,
       delimiter = excluded.delimiter, decimal = excluded.decimal, updated_at = excluded.updated_at`,
  ).run(headerFingerprint(headers), JSON.stringify(headers), JSON.stringify(saved.mapping), saved.encoding, saved.delimiter, saved.decimal ?? null, now, now);
}
