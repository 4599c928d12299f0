import { unneutraliseFormula } from '../report/csv-cells';
import { strayCell } from '../import/small-table';
import { CsvReader } from '../import/tokenize';
import type { RowIssue } from '../import/types';
import { parseWeightToBp } from './weight';
import { TAG_FILE_TEXT, tagFileSaid, type TagFileText } from './tag-file-text';

/** A theme as a tag file carries it. */
export interface TagFileTheme {
  id: string;
  name: string;
  color: string;
  description: string;
  pack: string;
  /** The theme it rolls up into ("parent" in the file), when it is a sub-theme. */
  parentId: string | null;
}

/** One tag row of a tag file. */
export interface TagFileTag {
  line: number;
  symbol: string;
  /** The security's ISIN and market ("US", "XTKS"), where the file carries them (files before version 2 do not). */
  isin: string | null;
  exchange: string | null;
  themeId: string;
  weightBp: number;
  rationale: string | null;
  sourceUrl: string | null;
}

export interface TagFile {
  themes: TagFileTheme[];
  tags: TagFileTag[];
  errors: RowIssue[];
}

export const TAG_CSV_HEADER = ['symbol', 'isin', 'exchange', 'theme', 'weight', 'rationale', 'source'] as const;

const THEME_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const issue = (line: number, column: number | null, header: string | null, cell: string, text: TagFileText, params: Record<string, string> = {}): RowIssue => ({ line, column, header, cell, ...tagFileSaid(text, params) });

/** Reads `symbol,isin,exchange,theme,weight,rationale,source` (header required, columns by name; isin and exchange may be absent). */
export function parseTagCsv(text: string): TagFile {
  const reader = new CsvReader(text.replace(/^\uFEFF/, ''), text.includes(';') && !text.includes(',') ? ';' : ',');
  const header = reader.next();
  const errors: RowIssue[] = [];
  const tags: TagFileTag[] = [];
  const cols = (header?.cells ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => cols.indexOf(name);
  // A column as the file names it ("Weight"), for the message that points at a cell.
  const named = (name: string) => (header?.cells[at(name)] ?? name).trim();
  if (at('symbol') < 0 || at('theme') < 0 || at('weight') < 0) {
    errors.push(issue(1, null, null, (header?.cells ?? []).join(','), TAG_FILE_TEXT.badHeader, { columns: TAG_CSV_HEADER.join(',') }));
    return { themes: [], tags, errors };
  }
  for (let row = reader.next(); row; row = reader.next()) {
    // Our export neutralises formula-leading text with one apostrophe; it comes off again here.
    const cell = (name: string) => (at(name) >= 0 ? unneutraliseFormula((row.cells[at(name)] ?? '').trim()) : '');
    if (row.cells.every((c) => c.trim() === '')) continue;
    // "KMI,oil-logistics,0,5": the weight read 0 and the 5 by no one. Refused, never tagged at 0.
    const stray = strayCell([header!, row]);
    if (stray) {
      errors.push(issue(row.line, stray.column, null, stray.cell, TAG_FILE_TEXT.strayCell, { cell: stray.cell, column: String(stray.column) }));
      continue;
    }
    const symbol = cell('symbol');
    const themeId = cell('theme');
    const weight = parseWeightToBp(cell('weight'));
    if (!symbol) errors.push(issue(row.line, at('symbol') + 1, named('symbol'), '', TAG_FILE_TEXT.emptySymbol));
    else if (!THEME_ID.test(themeId)) errors.push(issue(row.line, at('theme') + 1, named('theme'), themeId, TAG_FILE_TEXT.badThemeId));
    else if (weight === null) errors.push(issue(row.line, at('weight') + 1, named('weight'), cell('weight'), TAG_FILE_TEXT.badWeight));
    else tags.push({ line: row.line, symbol, isin: cell('isin').toUpperCase() || null, exchange: cell('exchange').toUpperCase() || null, themeId, weightBp: weight, rationale: cell('rationale') || null, sourceUrl: cell('source') || null });
  }
  if (reader.unterminatedQuoteLine !== null) errors.push(issue(reader.unterminatedQuoteLine, null, null, '', TAG_FILE_TEXT.unclosedQuote));
  return { themes: [], tags, errors };
}

/** Reads the JSON export: { format: 'themelens-tags', version: 1, themes: [...], tags: [...] }. */
export function parseTagJson(text: string): TagFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { themes: [], tags: [], errors: [issue(1, null, null, '', TAG_FILE_TEXT.notJson, { detail: (err as Error).message })] };
  }
  const d = doc as { format?: unknown; themes?: unknown; tags?: unknown };
  if (d?.format !== 'themelens-tags' || !Array.isArray(d.tags)) {
    return { themes: [], tags: [], errors: [issue(1, null, null, '', TAG_FILE_TEXT.notTagsFile)] };
  }
  const errors: RowIssue[] = [];
  const themes: TagFileTheme[] = [];
  for (const [i, t] of (Array.isArray(d.themes) ? d.themes : []).entries()) {
    const x = t as Partial<TagFileTheme>;
    if (typeof x?.id === 'string' && THEME_ID.test(x.id) && typeof x.name === 'string' && x.name.trim()) {
      const parent = (t as { parent?: unknown }).parent;
      themes.push({
        id: x.id,
        name: x.name.trim().slice(0, 200),
        color: typeof x.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(x.color) ? x.color : '#6b7280',
        description: typeof x.description === 'string' ? x.description.slice(0, 2000) : '',
        pack: typeof x.pack === 'string' && x.pack.trim() ? x.pack.trim().slice(0, 200) : 'Imported',
        parentId: typeof parent === 'string' && THEME_ID.test(parent) ? parent : null,
      });
    } else errors.push(issue(i + 1, null, 'themes', JSON.stringify(t).slice(0, 80), TAG_FILE_TEXT.themeIncomplete, { n: String(i + 1) }));
  }
  const tags: TagFileTag[] = [];
  d.tags.forEach((t: unknown, i: number) => {
    const x = t as { symbol?: unknown; isin?: unknown; exchange?: unknown; theme?: unknown; weight?: unknown; rationale?: unknown; source?: unknown };
    const weight = typeof x?.weight === 'number' ? parseWeightToBp(String(x.weight)) : typeof x?.weight === 'string' ? parseWeightToBp(x.weight) : null;
    if (typeof x?.symbol !== 'string' || !x.symbol.trim() || typeof x.theme !== 'string' || !THEME_ID.test(x.theme) || weight === null) {
      errors.push(issue(i + 1, null, 'tags', JSON.stringify(t).slice(0, 80), TAG_FILE_TEXT.tagIncomplete, { n: String(i + 1) }));
      return;
    }
    const upper = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().toUpperCase() : null);
    tags.push({ line: i + 1, symbol: x.symbol.trim(), isin: upper(x.isin), exchange: upper(x.exchange), themeId: x.theme, weightBp: weight, rationale: typeof x.rationale === 'string' ? x.rationale : null, sourceUrl: typeof x.source === 'string' ? x.source : null });
  });
  return { themes, tags, errors };
}
