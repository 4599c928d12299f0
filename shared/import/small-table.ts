import { sniffDelimiter } from './dialect';
import { isBlankRow, tokenize, type RawRow } from './tokenize';

/**
 * A small CSV the user hands us besides holdings (FX rates, prices): its non-blank records with their
 * line numbers, the first being the header, read with the holdings reader (delimiter sniffed, BOM
 * dropped); or the line where a quoted cell is never closed, or a cell under no column name.
 */
export function readSmallTable(text: string): { ok: true; rows: RawRow[] } | { ok: false; line: number; column: number | null; message: string } {
  const { rows, unterminatedQuoteLine } = tokenize(text.replace(/^\uFEFF/, ''), sniffDelimiter(text));
  if (unterminatedQuoteLine !== null) return { ok: false, line: unterminatedQuoteLine, column: null, message: 'a quoted cell is never closed' };
  const kept = rows.filter((r) => !isBlankRow(r.cells));
  const stray = strayCell(kept);
  if (stray) return { ok: false, line: stray.line, column: stray.column, message: `"${stray.cell}" in column ${stray.column} is under no column name: a number written with a decimal comma (1,10) may have been split in two. Write it with a point (1.10)` };
  return { ok: true, rows: kept };
}

/**
 * The first row whose number seems split in two by a decimal comma: a number in a cell its header
 * does not name (past the header's end, or under the empty column a central bank's trailing comma
 * makes), right after a whole number. An unquoted "1,10" splits into a 1 that reads as a whole rate
 * and a 10 that was read by no one: refused, never read as 1. Any other unnamed cell (a notes
 * column, a spreadsheet's index, words after a comma in a rationale) is left unread, as before.
 * Exported for the tag file, which reads its rows itself.
 */
export function strayCell(rows: readonly RawRow[]): { line: number; column: number; cell: string } | null {
  const header = rows[0];
  if (!header) return null;
  for (const row of rows.slice(1)) {
    for (let i = 1; i < row.cells.length; i++) {
      const cell = (row.cells[i] as string).trim();
      if (NUMBER.test(cell) && WHOLE.test((row.cells[i - 1] as string).trim()) && (header.cells[i] ?? '').trim() === '') return { line: row.line, column: i + 1, cell };
    }
  }
  return null;
}

const NUMBER = /^\d+(\.\d+)?%?$/;
const WHOLE = /^[+-]?\d+$/;

/** The index of the first header cell named one of `names` (trimmed, any case), or -1. */
export function columnNamed(header: readonly string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}
