import { basename } from 'node:path';
import type { ApiParsedInput, ImportPreview } from '../../shared/api/contract';
import type { ImportCheck } from '../../shared/import/checks';
import { openSession, previewHoldings } from '../../shared/import/parse';
import type { ParseOptions } from '../../shared/import/types';
import type { Db } from '../connection';
import { savedDecimalFor, savedMappingsByFingerprint, type SavedMapping } from '../repos/saved-mappings';
import { openChunkedFile } from './chunks';
import { fatal } from './import-errors';

/** The first bytes of a file, enough to detect its format. */
export function readHead(path: string): Uint8Array {
  const file = openChunkedFile(path);
  try {
    return file.head;
  } finally {
    file.close();
  }
}

/**
 * Opens the head of a file as the import will (detection and the sample of figures only), and
 * says the decimal separator saved with the mapping it was read with, if any, else the separator
 * check the import would report (figures that read either way under a guessed separator).
 */
function separatorOf(head: Uint8Array, options: ParseOptions, saved: Readonly<Record<string, SavedMapping>> | undefined): { savedDecimal: '.' | ',' | null; separator: ImportCheck | null } {
  const opened = openSession(head, options);
  if (!opened.ok) return { savedDecimal: null, separator: null };
  const savedDecimal = opened.savedMapping && saved ? savedDecimalFor(saved, opened.session.format.headers) : null;
  return { savedDecimal, separator: savedDecimal ? null : opened.session.separator };
}

/** The options with the saved mappings (none when the caller gave a mapping of its own), and those mappings. */
function withSaved(db: Db, options: ParseOptions): { options: ParseOptions; saved: Record<string, SavedMapping> | undefined } {
  if (options.mapping && Object.keys(options.mapping).length > 0) return { options, saved: undefined };
  const saved = savedMappingsByFingerprint(db);
  return { options: { ...options, savedMappings: saved }, saved };
}

/**
 * Parse options with the user's saved mappings, unless the caller gave a mapping of its own: the
 * parser applies the one saved for the header row it finds (shared/import/parse.ts, openSession),
 * so a mapping chosen once is applied automatically to the next file like it. The parser applies
 * a saved mapping's encoding and delimiter but knows nothing of its decimal separator: unless one
 * was chosen, and when some saved mapping has one, the head of the file at `path` is opened to
 * find the header row, and the separator saved for it goes into the options as if chosen.
 */
export function withSavedMappings(db: Db, given: ParseOptions, path?: string): ParseOptions {
  const { options, saved } = withSaved(db, given);
  if (!saved || path === undefined || options.decimal !== undefined || !Object.values(saved).some((s) => s.decimal !== null)) return options;
  let head: Uint8Array;
  try {
    head = readHead(path);
  } catch {
    return options; // the import reads the file itself and says what is wrong with it
  }
  const { savedDecimal } = separatorOf(head, options, saved);
  return savedDecimal ? { ...options, decimal: savedDecimal } : options;
}

/** Reads the head of a file and shows how it would be imported, writing nothing. */
export function previewImport(db: Db, input: ApiParsedInput<'previewImport'>): ImportPreview {
  const name = basename(input.path);
  const head = readHead(input.path);
  const found = withSaved(db, { ...input.options, fileName: name });
  // With a separator chosen the import says nothing of it; otherwise the one saved with the mapping, or what the import would say.
  const { savedDecimal, separator } = found.options.decimal === undefined ? separatorOf(head, found.options, found.saved) : { savedDecimal: null, separator: null };
  const options = savedDecimal ? { ...found.options, decimal: savedDecimal } : found.options;
  const preview = previewHoldings(head, options, 12);
  if (!preview.ok) throw fatal(name, preview.error);
  // A file whose columns could not be recognised still previews, so the mapping screen can show it.
  return {
    format: preview.format,
    rows: preview.rows.map((r) => ({ line: r.line, kind: r.kind, cells: r.cells, issue: r.issue, notice: r.notice })),
    problem: preview.problem ? preview.problem.message : null,
    problemSaid: preview.problem?.text !== undefined ? { text: preview.problem.text, params: preview.problem.params ?? {} } : null,
    savedMapping: preview.savedMapping,
    presets: [...preview.presets],
    savedDecimal,
    separator: separator?.kind === 'separator' ? separator : null,
  };
}
