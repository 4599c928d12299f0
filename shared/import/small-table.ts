import { sniffDelimiter } from './dialect';
import { isBlankRow, tokenize, type RawRow } from './tokenize';

/**
 * A small CSV the user hands us besides holdings (FX rates, prices): its non-blank records with their
 * line numbers, the first being the header, read with the holdings reader (delimiter sniffed, BOM
 * dropped); or the line where a quoted cell is never closed.
 */
export function readSmallTable(text: string): { ok: true; rows: RawRow[] } | { ok: false; line: number; message: string } {
  const { rows, unterminatedQuoteLine } = tokenize(text.replace(/^\uFEFF/, ''), sniffDelimiter(text));
  if (unterminatedQuoteLine !== null) return { ok: false, line: unterminatedQuoteLine, message: 'a quoted cell is never closed' };
  return { ok: true, rows: rows.filter((r) => !isBlankRow(r.cells)) };
}

/** The index of the first header cell named one of `names` (trimmed, any case), or -1. */
export function columnNamed(header: readonly string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}
