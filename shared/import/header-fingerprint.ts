import type { ColumnMapping } from './types';

/** A header row's identity: its cells trimmed and lower-cased, in order. */
export function headerFingerprint(headers: readonly string[]): string {
  return headers.map((h) => h.trim().toLowerCase()).join('\u001f');
}

/** A column mapping the user chose once for files with a given header row (db/repos/saved-mappings.ts). */
export interface SavedColumnMapping {
  mapping: ColumnMapping;
  encoding: string | null;
  delimiter: string | null;
  /** The decimal separator chosen with it; null (or absent: saved before migration 21) lets the figures decide. */
  decimal?: '.' | ',' | null;
}
