import type { ReportLanguage } from '../../../shared/report/i18n';
import { documentOf, type ReportDocument } from '../../../shared/report/document';
import { makeReport } from '../../helpers/report';

/** Formula and markup payloads a client's data or an adviser's preferences could carry. */
export const PAYLOADS = ['=HYPERLINK("http://x","y")', '=1+1', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', '"quoted", with comma', ']]><x/>&amp;'];

/** A report document with `text` in every field a user or a broker file can fill. */
export function hostileDocument(text: string, language: ReportLanguage = 'en'): ReportDocument {
  const exposure = makeReport({
    portfolio: text,
    clientName: text,
    sourceFile: text,
    totalValue: 100,
    cashValue: 0,
    untaggedValue: 105,
    positionCount: 1,
    themes: [{ id: 't', name: text, color: `red;background:url(${text})`, value: -5, grossValue: 5, longValue: 0, shortValue: -5, share: -0.05, positionCount: 1 }],
    positions: [{ account: text, symbol: text, symbolKey: text, description: text, quantity: -3, value: -5, localValue: -5, currency: 'USD', isCash: false, themes: [{ id: 't', weight: 1, value: -5, source: text }] }],
    fxRates: [{ currency: 'EUR', rate: text, asOf: '2026-11-24' }],
    tagChanges: [{ symbolKey: text, themeId: text, oldWeight: null, newWeight: 1, source: text, at: '2026-11-24T00:00:00Z' }],
    warnings: [{ code: 'MISSING_FX', message: text }],
  });
  return documentOf(exposure, {
    preferences: { reportTitle: text, adviserName: text, adviserFirm: text, logoDataUrl: `javascript:${text}`, disclaimer: text, language },
    fingerprint: 'abcd-ef01-2345',
    tagNotes: [{ symbolKey: text, themeId: 't', weight: 1, source: text, rationale: text, sourceUrl: text }],
    previousSnapshot: { id: 1, asOf: '2026-10-01' },
    positionChanges: [{ account: text, symbolKey: text, description: text, currency: 'USD', kind: 'added', quantityBefore: null, quantityAfter: -3, localValueBefore: null, localValueAfter: -5 }],
  });
}
