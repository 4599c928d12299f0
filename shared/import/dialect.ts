/** Delimiter sniffing: the candidate that splits the first records into the most consistent field count. */

import { CsvReader } from './tokenize';

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

const SAMPLE_CHARS = 65536;
const SAMPLE_RECORDS = 60;

/** Canonical one-character delimiter for a user-given one ("tab", "\t", ";"), or null when unusable. */
export function canonicalDelimiter(input: string): string | null {
  const lower = input.toLowerCase();
  if (lower === 'tab' || lower === '\\t' || input === '\t') return '\t';
  if (lower === 'comma') return ',';
  if (lower === 'semicolon') return ';';
  if (lower === 'pipe') return '|';
  if (input.length !== 1 || input === '"' || input === '\n' || input === '\r') return null;
  return input;
}

interface Score {
  delimiter: string;
  /** Records having the most common field count. */
  agreeing: number;
  /** That field count. */
  fields: number;
}

/** Scores one candidate on a sample: quote-aware, so `"1079,92"` does not count as a comma split. */
function score(sample: string, delimiter: string): Score {
  const reader = new CsvReader(sample, delimiter);
  const counts = new Map<number, number>();
  let records = 0;
  for (let row = reader.next(); row !== null && records < SAMPLE_RECORDS; row = reader.next()) {
    const n = row.cells.length;
    if (n === 1 && row.cells[0]!.trim() === '') continue;
    records++;
    // A trailing empty field (Fidelity, Vanguard) does not make a record disagree with its header.
    const effective = n > 1 && row.cells[n - 1] === '' ? n - 1 : n;
    counts.set(effective, (counts.get(effective) ?? 0) + 1);
  }
  let best: Score = { delimiter, agreeing: 0, fields: 1 };
  for (const [fields, agreeing] of counts) {
    if (fields < 2) continue;
    if (agreeing > best.agreeing || (agreeing === best.agreeing && fields > best.fields)) best = { delimiter, agreeing, fields };
  }
  return best;
}

/** Picks the delimiter among `,` `;` tab `|`; comma when nothing splits the sample. */
export function sniffDelimiter(text: string): string {
  let sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // Cut at the last line break so a half record does not skew the counts.
  if (sample.length < text.length) {
    const cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
    if (cut > 0) sample = sample.slice(0, cut);
  }
  let best: Score | null = null;
  for (const d of DELIMITER_CANDIDATES) {
    const s = score(sample, d);
    if (s.agreeing === 0) continue;
    if (best === null || s.agreeing > best.agreeing || (s.agreeing === best.agreeing && s.fields > best.fields)) best = s;
  }
  return best?.delimiter ?? ',';
}
