// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { themeBreakdown } from '../../../db/exposure/breakdowns';
import { computeExposure } from '../../../db/exposure/compute';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { createTheme } from '../../../db/repos/theme-edits';
import { answerHtml } from '../../../shared/report/answer-html';
import { documentOf } from '../../../shared/report/document';
import { addSnapshot, makeDb, tag } from './fixture';

/**
 * NVDA is tagged 50% with data-centers and 50% with its sub-theme "Power and grid", in two accounts;
 * KMI and COHR are untagged. Data-centers holds two positions (X1 and Z9 NVDA: 100.00 + 300.00, all
 * of it), its sub-theme the same two (50.00 + 150.00), never four.
 */
function fixture() {
  const db = makeDb();
  const sid = addSnapshot(db, '2026-05-01', '2026-05-01T10:00:00Z', [
    { account: 'X1', symbol: 'NVDA', quantity: '1', valueCents: 10_000 },
    { account: 'X1', symbol: 'KMI', quantity: '1', valueCents: 10_000 },
    { account: 'X1', symbol: 'COHR', quantity: '1', valueCents: 10_000 },
    { account: 'Z9', symbol: 'NVDA', quantity: '3', valueCents: 30_000 },
  ]);
  const sub = createTheme(db, { name: 'Power and grid', parentId: 'data-centers' });
  tag(db, 'NVDA', 'data-centers', 5000, '2026-05-01T11:00:00Z');
  tag(db, 'NVDA', sub.id, 5000, '2026-05-01T11:00:00Z');
  return { db, sub, portfolio: getPortfolio(db, 1), snapshot: getSnapshot(db, sid) };
}

describe('a position tagged with a theme and with one of its sub-themes', () => {
  it('is counted once in the parent: the exposure, the report and the Themes view agree', () => {
    const { db, sub, portfolio, snapshot } = fixture();
    const report = computeExposure(db, portfolio, snapshot, 'now');
    const dc = report.themes.find((t) => t.id === 'data-centers')!;
    expect(dc).toMatchObject({ value: 400, positionCount: 2 });
    expect(report.themes.find((t) => t.id === sub.id)).toMatchObject({ value: 200, positionCount: 2 });
    expect(themeBreakdown(db, portfolio, snapshot, 10).themes.find((t) => t.id === 'data-centers')).toMatchObject({ value: 400, positionCount: 2 });
  });

  it("is one line of the parent's largest contributors on page 1, with its weights added", () => {
    const { db, portfolio, snapshot } = fixture();
    const report = computeExposure(db, portfolio, snapshot, 'now');
    const container = document.createElement('div');
    container.innerHTML = answerHtml(documentOf(report));
    const row = [...container.querySelectorAll('.answer-table tbody tr')].find((r) => r.textContent?.startsWith('Data-center'))!;
    const cell = row.querySelectorAll('td')[3]!;
    // Z9's NVDA (300.00 at 100%: 300.00) then X1's (100.00 at 100%: 100.00), each once, each with its
    // account (the same symbol twice read as one holding counted twice).
    expect(cell.innerHTML.split('<br>').map((l) => l.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' '))).toEqual(['NVDA (Z9) USD 300.00 (100% of USD 300.00)', 'NVDA (X1) USD 100.00 (100% of USD 100.00)']);
  });
});
