import { headerFingerprint, type SavedColumnMapping } from '../../shared/import/header-fingerprint';
import type { ColumnMapping } from '../../shared/import/types';
import type { Db } from '../connection';

/**
 * Every saved mapping by the fingerprint of its header row: handed to the parser, which applies
 * the one whose header it meets while it detects the format (shared/import/parse.ts), so a file is
 * read and detected once.
 */
export function savedMappingsByFingerprint(db: Db): Record<string, SavedColumnMapping> {
  const rows = db.prepare('SELECT fingerprint, mapping, encoding, delimiter FROM presets').all() as { fingerprint: string; mapping: string; encoding: string | null; delimiter: string | null }[];
  const out: Record<string, SavedColumnMapping> = {};
  for (const r of rows) out[r.fingerprint] = { mapping: JSON.parse(r.mapping) as ColumnMapping, encoding: r.encoding, delimiter: r.delimiter };
  return out;
}

export function saveMapping(db: Db, headers: readonly string[], saved: SavedColumnMapping, now: string): void {
  db.prepare(
    `INSERT INTO presets (fingerprint, headers, mapping, encoding, delimiter, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (fingerprint) DO UPDATE SET mapping = excluded.mapping, encoding = excluded.encoding,
       delimiter = excluded.delimiter, updated_at = excluded.updated_at`,
  ).run(headerFingerprint(headers), JSON.stringify(headers), JSON.stringify(saved.mapping), saved.encoding, saved.delimiter, now, now);
}
