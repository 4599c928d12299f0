import { basename } from 'node:path';
import type { ApiParsedInput, ImportPreview } from '../../shared/api/contract';
import { previewHoldings } from '../../shared/import/parse';
import type { ParseOptions } from '../../shared/import/types';
import type { Db } from '../connection';
import { findSavedMapping } from '../repos/saved-mappings';
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
 * The user's saved mapping for this file's header row, when the caller gave no mapping of its own:
 * a mapping chosen once is applied automatically to the next file like it.
 */
export function withSavedMapping(db: Db, head: Uint8Array, options: ParseOptions): { options: ParseOptions; saved: boolean } {
  if (options.mapping && Object.keys(options.mapping).length > 0) return { options, saved: false };
  const first = previewHoldings(head, options, 1);
  if (!first.ok || first.format.headers.length === 0) return { options, saved: false };
  const saved = findSavedMapping(db, first.format.headers);
  if (!saved) return { options, saved: false };
  return {
    options: { ...options, mapping: saved.mapping, encoding: options.encoding ?? saved.encoding ?? undefined, delimiter: options.delimiter ?? saved.delimiter ?? undefined },
    saved: true,
  };
}

/** Reads the head of a file and shows how it would be imported, writing nothing. */
export function previewImport(db: Db, input: ApiParsedInput<'previewImport'>): ImportPreview {
  const name = basename(input.path);
  const head = readHead(input.path);
  const { options, saved } = withSavedMapping(db, head, { ...input.options, fileName: name });
  const preview = previewHoldings(head, options, 12);
  if (!preview.ok) throw fatal(name, preview.error);
  // A file whose columns could not be recognised still previews, so the mapping screen can show it.
  return {
    format: preview.format,
    rows: preview.rows.map((r) => ({ line: r.line, kind: r.kind, cells: r.cells, issue: r.issue })),
    problem: preview.problem ? preview.problem.message : null,
    savedMapping: saved,
    presets: [...preview.presets],
  };
}
