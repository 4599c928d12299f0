import type { ColumnMapping } from '../../shared/import/types';
import type { Db } from '../connection';

export interface SavedMapping {
  mapping: ColumnMapping;
  encoding: string | null;
  delimiter: string | null;
}

/** A header row's identity: its cells trimmed and lower-cased, in order. */
export function headerFingerprint(headers: readonly string[]): string {
  return headers.map((h) => h.trim().toLowerCase()).join('\u001f');
}

export function findSavedMapping(db: Db, headers: readonly string[]): SavedMapping | null {
  const row = db.prepare('SELECT mapping, encoding, delimiter FROM presets WHERE fingerprint = ?').get(headerFingerprint(headers)) as
    | { mapping: string; encoding: string | null; delimiter: string | null }
    | undefined;
  return row ? { mapping: JSON.parse(row.mapping) as ColumnMapping, encoding: row.encoding, delimiter: row.delimiter } : null;
}

export function saveMapping(db: Db, headers: readonly string[], saved: SavedMapping, now: string): void {
  db.prepare(
    `INSERT INTO presets (fingerprint, headers, mapping, encoding, delimiter, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (fingerprint) DO UPDATE SET mapping = excluded.mapping, encoding = excluded.encoding,
       delimiter = excluded.delimiter, updated_at = excluded.updated_at`,
  ).run(headerFingerprint(headers), JSON.stringify(headers), JSON.stringify(saved.mapping), saved.encoding, saved.delimiter, now, now);
}
