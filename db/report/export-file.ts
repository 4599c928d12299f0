import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { PaperSize, ReportDocument, ReportSection } from '../../shared/report/document';
import type { ReportFormat } from '../../shared/report/model';
import { createHash } from 'node:crypto';
import { reportJsonPieces } from '../../shared/report/report-json';
import type { ReportExportResult } from '../../shared/report/record';
import type { Db } from '../connection';
import { buildReport, rebuildReport } from './build';
import type { ReportExtras } from './extras';
import { getReportRecord, insertReportRecord } from './records';
import { renderDocument, type PdfRendererFactory } from './render';
import { writeOutput, type Replace } from './write-output';

export interface ExportOptions {
  format: ReportFormat;
  path: string;
  /** Which existing file at `path` may be replaced (write-output.ts). */
  replace?: Replace | undefined;
  paper?: PaperSize | undefined;
  sections?: readonly ReportSection[] | undefined;
  /** Prints PDFs. */
  pdfRenderer: PdfRendererFactory;
  /** A benchmark and theme shocks, recorded with the report. */
  extras?: ReportExtras | undefined;
}

export type ExportResult = ReportExportResult;

/**
 * The hash of a report's content (its model as JSON): the same for every format and every
 * re-generation. Hashed piece by piece: a million positions never make one 400 MB string.
 */
export function contentHash(doc: ReportDocument): string {
  const hash = createHash('sha256');
  for (const piece of reportJsonPieces(doc)) hash.update(piece);
  return hash.digest('hex');
}

/** Builds, renders and writes (atomically) a report, then records what it was made from. */
export async function exportReportFile(db: Db, portfolio: Portfolio, snapshot: Snapshot, options: ExportOptions, generatedAt: string): Promise<ExportResult> {
  const paper = options.paper ?? 'a4';
  const { doc, inputs } = buildReport(db, portfolio, snapshot, generatedAt, options.sections, options.extras);
  const bytes = writeOutput(db, options.path, await renderDocument(doc, options.format, paper, options.pdfRenderer), options.replace);
  const reportId = insertReportRecord(
    db,
    { portfolioId: portfolio.id, snapshotId: snapshot.id, fileSha256: snapshot.fileSha256, format: options.format, paper, fingerprint: doc.fingerprint, contentSha256: contentHash(doc), path: options.path, generatedAt },
    inputs,
  );
  return { path: options.path, bytes, reportId, fingerprint: doc.fingerprint };
}

/** Makes a recorded report again from its inputs (in any format); `sameContent` checks it against the record. */
export async function regenerateReportFile(
  db: Db,
  reportId: number,
  options: { path: string; replace?: Replace | undefined; format?: ReportFormat | undefined; paper?: PaperSize | undefined; pdfRenderer: PdfRendererFactory },
): Promise<ExportResult & { sameContent: boolean }> {
  const { record, inputs } = getReportRecord(db, reportId);
  const doc = rebuildReport(db, inputs);
  const bytes = writeOutput(db, options.path, await renderDocument(doc, options.format ?? record.format, options.paper ?? record.paper, options.pdfRenderer), options.replace);
  return { path: options.path, bytes, reportId, fingerprint: doc.fingerprint, sameContent: contentHash(doc) === record.contentSha256 };
}
