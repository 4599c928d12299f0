/**
 * A report's content hash is taken piece by piece (shared/report/report-json.ts reportJsonPieces),
 * so a million positions never make one string: the pieces must be the JSON report's exact bytes,
 * or every recorded report would read as changed when regenerated.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../db/report/export-file';
import { DEFAULT_PREFERENCES, documentOf } from '../../../shared/report/document';
import { renderReportJson, reportJsonPieces } from '../../../shared/report/report-json';
import { makeReport } from '../../helpers/report';
import { hostileDocument, PAYLOADS } from './hostile-document';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe("a report's JSON in pieces", () => {
  const docs = [
    ['a plain report', documentOf(makeReport(), { preferences: DEFAULT_PREFERENCES })],
    ['no positions', documentOf(makeReport({ positions: [], positionCount: 0 }), { preferences: DEFAULT_PREFERENCES })],
    ['one position', documentOf(makeReport({ positions: makeReport().positions.slice(0, 1) }), { preferences: DEFAULT_PREFERENCES })],
    ['names in Japanese, emoji and a NUL', documentOf(makeReport({ positions: makeReport().positions.map((p) => ({ ...p, description: 'ソフトバンクグループ 🚀 \u0000 "quoted"\n' })) }), { preferences: DEFAULT_PREFERENCES })],
    ...PAYLOADS.map((text) => [`hostile text ${JSON.stringify(text)}`, hostileDocument(text)] as const),
  ] as const;

  it.each(docs)('%s: the pieces are the JSON report, byte for byte, and hash the same', (_name, doc) => {
    const whole = renderReportJson(doc);
    expect([...reportJsonPieces(doc)].join('')).toBe(whole);
    expect(contentHash(doc)).toBe(sha(whole));
  });
});
