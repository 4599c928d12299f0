import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ApiParsedInput, ImportOutcome, ImportPreview } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { parseHoldings, previewHoldings } from '../../shared/import/parse';
import type { FatalParseError, ParseOptions, RowIssue } from '../../shared/import/types';
import type { Db } from '../connection';
import { createPortfolio, findPortfolioByName, getPortfolio } from '../repos/portfolios';
import { findSnapshotByHash, insertSnapshot } from '../repos/snapshots';
import { localDate } from '../repos/clock';

/** Largest holdings file accepted; larger ones are refused before reading. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** "file.csv line 4, column 3 (Quantity)": where a problem is, the way a person looks for it. */
export function describeLocation(file: string, line: number | null, column: number | null, header?: string | null): string {
  let where = file;
  if (line !== null) where += ` line ${line}`;
  if (column !== null) where += `${line !== null ? ',' : ''} column ${column}${header ? ` (${header})` : ''}`;
  return where;
}

function readHoldingsBytes(path: string): Uint8Array {
  const name = basename(path);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new AppError('IO', `${path} is not a file. Choose a holdings CSV file.`);
    size = st.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('IO', `Cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`, { file: name });
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError('IMPORT_FATAL', `${name} is ${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB. Split the file and import the parts.`, { file: name });
  }
  return readFileSync(path);
}

const fatal = (name: string, e: FatalParseError) =>
  new AppError('IMPORT_FATAL', `${describeLocation(name, e.line, e.column)}: ${e.message}`, { file: name, line: e.line, column: e.column, parseCode: e.code });

function parseOptionsOf(input: { options: ApiParsedInput<'importHoldings'>['options'] }, name: string, defaultCurrency: string): ParseOptions {
  return { ...input.options, fileName: name, defaultCurrency };
}

/** Reads a file and shows what an import would do, writing nothing. */
export function previewImport(input: ApiParsedInput<'previewImport'>): ImportPreview {
  const name = basename(input.path);
  const bytes = readHoldingsBytes(input.path);
  const preview = previewHoldings(bytes, { ...input.options, fileName: name });
  if (!preview.ok) throw fatal(name, preview.error);
  // A file whose columns could not be recognised still previews, so the mapping screen can show it.
  return {
    format: preview.format,
    rows: preview.rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.text) })),
    positions: preview.rows.filter((r) => r.kind === 'position' || r.kind === 'cash').length,
    rejected: preview.rows.flatMap((r) => (r.issue ? [r.issue] : [])),
    warnings: preview.problem ? [preview.problem.message] : [],
  };
}

/**
 * Imports one holdings file as one snapshot, inside one transaction: either every accepted row is
 * written with its snapshot (and, for a new name, its portfolio), or nothing is.
 */
export function importHoldingsFile(db: Db, input: ApiParsedInput<'importHoldings'>, now: string): ImportOutcome {
  const name = basename(input.path);
  const bytes = readHoldingsBytes(input.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const existing = input.portfolioId !== undefined ? getPortfolio(db, input.portfolioId) : input.portfolioName ? findPortfolioByName(db, input.portfolioName) : null;
  if (!existing && !input.portfolioName) throw new AppError('VALIDATION', 'Name the portfolio to import into.');
  const baseCurrency = existing?.baseCurrency ?? input.baseCurrency ?? 'USD';

  const result = parseHoldings(bytes, parseOptionsOf(input, name, baseCurrency));
  if (!result.ok) throw fatal(name, result.error);
  if (result.rejected.length > 0 && !input.skipInvalid) throw invalidRows(name, result.rejected, result.positions.length);
  if (result.positions.length === 0) {
    throw new AppError('IMPORT_FATAL', `${name}: no positions were found in the file. Check that it is a holdings (positions) export, not a transactions history.`, { file: name });
  }

  return db.transaction((): ImportOutcome => {
    const portfolio = existing ?? createPortfolio(db, { name: input.portfolioName as string, baseCurrency }, now);
    const duplicate = findSnapshotByHash(db, portfolio.id, sha256);
    if (duplicate && !input.allowDuplicate) {
      throw new AppError(
        'ALREADY_IMPORTED',
        `${name} was already imported into ${portfolio.name} on ${duplicate.importedAt.slice(0, 10)} (snapshot ${duplicate.id}, as of ${duplicate.asOf}). Nothing was imported.`,
        { file: name, snapshotId: duplicate.id },
      );
    }
    const snapshot = insertSnapshot(
      db,
      {
        portfolioId: portfolio.id,
        asOf: input.asOf ?? result.format.asOf ?? localDate(),
        sourceFile: name,
        fileSha256: sha256,
        preset: result.format.preset,
        importedAt: now,
      },
      result.positions,
      result.rejected,
    );
    return { portfolio, snapshot, imported: result.positions.length, rejected: result.rejected, warnings: result.warnings };
  })();
}

function invalidRows(name: string, rejected: RowIssue[], valid: number): AppError {
  const first = rejected[0] as RowIssue;
  const more = rejected.length > 1 ? ` (and ${rejected.length - 1} more row(s))` : '';
  return new AppError(
    'IMPORT_INVALID_ROWS',
    `${describeLocation(name, first.line, first.column, first.header)}: ${first.message}${more}. Nothing was imported; fix the file, or import the ${valid} valid row(s) only.`,
    { file: name, line: first.line, column: first.column, issues: rejected.slice(0, 500) },
  );
}
