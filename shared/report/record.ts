import type { PaperSize } from './document';
import type { ReportFormat } from './model';

/** A report that was exported: what it was made from (kept with it in the database) and where it went. */
export interface ReportRecord {
  id: number;
  portfolioId: number;
  snapshotId: number;
  /** SHA-256 of the holdings file the snapshot was imported from. */
  fileSha256: string;
  format: ReportFormat;
  paper: PaperSize;
  fingerprint: string;
  /** SHA-256 of the report's content (its model as JSON): equal for a faithful re-generation. */
  contentSha256: string;
  path: string | null;
  generatedAt: string;
}

/** What exporting (or re-generating) a report answers. */
export interface ReportExportResult {
  path: string;
  bytes: number;
  reportId: number;
  fingerprint: string;
}
