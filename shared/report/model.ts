/** A report file: its formats and the schema version its JSON carries (the model is shared/exposure/model.ts). */

export const REPORT_SCHEMA_VERSION = 1;

export const REPORT_FORMATS = ['json', 'csv', 'html', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
