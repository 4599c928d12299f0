/** The holdings-file parser's public surface. */
export { parseHoldings, previewHoldings, openSession, stepRow, MAX_FILE_BYTES } from './parse';
export type { PreviewCell, PreviewRow, PreviewResult, Session, Step } from './parse';
export { normaliseRow } from './normalise';
export type { ColumnPlan, RowOutcome } from './normalise';
export { PRESETS } from './presets';
export { decodeBytes, SUPPORTED_ENCODINGS } from './decode';
export { sniffDelimiter, canonicalDelimiter } from './dialect';
export { CsvReader, tokenize } from './tokenize';
export type { RawRow } from './tokenize';
export { autoMapIndexes, fieldForHeader, normaliseHeader, HEADER_SYNONYMS } from './header';
export * from './types';
