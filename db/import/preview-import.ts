import { basename } from 'node:path';
import type { ApiParsedInput, ImportPreview } from '../../shared/api/contract';
import { previewHoldings } from '../../shared/import/parse';
import type { ParseOptions } from '../../shared/import/types';
import type { Db } from '../connection';
import { savedDecimalFor, savedMappingsByFingerprint } from '../repos/saved-mappings';
import { openChunkedFile } from './chunks';
import { fatal } from './import-errors';

/** The first bytes of a file, enough to detect its format, and whether they are the whole file. */
export function readHead(path: string): { head: Uint8Array; whole: boolean } {
  const file = openChunkedFile(path);
  try {
    return { head: file.head, whole: file.head.length === file.size };
  } finally {
    file.close();
  }
}

/**
 * Parse options with the user's saved mappings, unless the caller gave a mapping of its own: the
 * parser applies the one saved for the header row it finds (shared/import/parse.ts, openSession),
 * with its encoding, delimiter and decimal separator, so a mapping chosen once is applied
 * automatically to the next file like it.
 */
export function withSavedMappings(db: Db, options: ParseOptions): ParseOptions {
  if (options.mapping && Object.keys(options.mapping).length > 0) return options;
  return { ...options, savedMappings: savedMappingsByFingerprint(db) };
}

/** Reads the head of a file and shows how it would be imported, writing nothing. */
export function previewImport(db: Db, input: ApiParsedInput<'previewImport'>): ImportPreview {
  const name = basename(input.path);
  const options = withSavedMappings(db, { ...input.options, fileName: name });
  const { head, whole } = readHead(input.path);
  const preview = previewHoldings(head, options, 12);
  if (!preview.ok) throw fatal(name, preview.error);
  // A file whose columns could not be recognised still previews, so the mapping screen can show it.
  return {
    format: preview.format,
    rows: preview.rows.map((r) => ({ line: r.line, kind: r.kind, cells: r.cells, issue: r.issue, notice: r.notice })),
    problem: preview.problem ? preview.problem.message : null,
    problemSaid: preview.problem?.text !== undefined ? { text: preview.problem.text, params: preview.problem.params ?? {} } : null,
    // Only when the head is the whole file: the import of a larger one reads it all, its own way
    // (stream.ts leaves a head it cannot read to the whole-file parser), and answers for itself.
    problemFinal: preview.problem !== null && whole,
    savedMapping: preview.savedMapping,
    presets: [...preview.presets],
    // With a separator chosen the import says nothing of it; else the one saved with the mapping it was read with, or what the import would say.
    savedDecimal: input.options.decimal === undefined && preview.savedMapping && options.savedMappings ? savedDecimalFor(options.savedMappings, preview.format.headers) : null,
    separator: preview.separator?.kind === 'separator' ? preview.separator : null,
    decimalRead: preview.decimalRead ?? null,
  };
}
