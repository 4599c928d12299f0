import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * One snapshot deleted (a file imported by mistake, or into the wrong portfolio) and brought back:
 * the portfolio's figures are its latest snapshot left's, and an undo gives back every position,
 * rejected row and figure as they were.
 */
const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');
const base = { options: {}, skipInvalid: true, allowDuplicate: true, rememberMapping: false };

/** What a call that must be refused throws (whether it throws at once or its promise fails). */
async function refusal(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (err) {
    return err;
  }
  throw new Error('The call was not refused.');
}

describe('deleting one snapshot, with undo', () => {
  const temp = makeTempDir('snapshot-delete');
  let b: Backend;
  let portfolioId: number;
  let first: number;
  let wrong: number;
  const figures = async () => {
    const e = await b.handlers.getExposure({ portfolioId, positionLimit: 0 });
    return { snapshotId: e.snapshotId, totalValue: e.totalValue, themes: e.themes.map((t) => [t.id, t.value]) };
  };
  beforeAll(async () => {
    b = await openBackend({ dbPath: join(temp.dir, 'd.db') });
    const a = await b.handlers.importHoldings({ ...base, path: FIDELITY, portfolioName: 'Fid', asOf: '2026-11-01' });
    portfolioId = a.portfolio.id;
    first = a.snapshot.id;
    await b.handlers.applyTagChanges({ changes: [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 10_000 }] });
    // Another account's file imported into it by mistake, with a row it could not read.
    const other = join(temp.dir, 'other-account.csv');
    writeFileSync(other, 'Symbol,Description,Quantity,Current Value\nKMI,KINDER MORGAN,100,"$2,700.00"\nXOM,EXXON,ten,"$1,100.00"\n');
    wrong = (await b.handlers.importHoldings({ ...base, path: other, portfolioId, asOf: '2026-12-01' })).snapshot.id;
  });
  afterAll(() => {
    b.close();
    temp.cleanup();
  });

  it("takes the snapshot with its positions and rejected rows; the portfolio's figures are the one before's", async () => {
    const before = await figures();
    expect(before.snapshotId).toBe(wrong);
    expect(before.totalValue).toBe(2700);
    const alone = (await b.handlers.getExposure({ portfolioId, snapshotId: first, positionLimit: 0 })).totalValue;
    const gone = await b.handlers.deleteSnapshot({ id: wrong });
    expect(gone).toMatchObject({ portfolioId, asOf: '2026-12-01', sourceFile: 'other-account.csv' });
    expect((await b.handlers.listSnapshots({ portfolioId })).map((s) => s.id)).toEqual([first]);
    expect(b.db.prepare('SELECT count(*) FROM positions WHERE snapshot_id = ?').pluck().get(wrong)).toBe(0);
    expect(b.db.prepare('SELECT count(*) FROM import_issues WHERE snapshot_id = ?').pluck().get(wrong)).toBe(0);
    expect(b.db.prepare('SELECT count(*) FROM position_groups WHERE snapshot_id = ?').pluck().get(wrong)).toBe(0);
    const after = await figures();
    expect(after.snapshotId).toBe(first);
    expect(after.totalValue).toBe(alone);
    expect((await b.handlers.listPortfolios({})).find((p) => p.id === portfolioId)).toMatchObject({ snapshotCount: 1, latestSnapshotId: first, latestAsOf: '2026-11-01' });

    // Undo: back in its portfolio (under a new id), with every position, rejected row and figure.
    const back = await b.handlers.restoreSnapshot({ undoToken: gone.undoToken });
    expect(back).toMatchObject({ portfolioId, asOf: '2026-12-01', sourceFile: 'other-account.csv', rowCount: 1 });
    const again = await figures();
    expect(again).toEqual({ ...before, snapshotId: back.id });
    expect((await b.handlers.listImportIssues({ snapshotId: back.id })).map((i) => [i.line, i.cell])).toEqual([[3, 'ten']]);
    // An undo only once.
    expect(await refusal(() => b.handlers.restoreSnapshot({ undoToken: gone.undoToken }))).toMatchObject({ code: 'NOT_FOUND' });
    wrong = back.id;
  });

  it('an undo goes with the next deletion (only the latest can be undone), and changes nothing then', async () => {
    const gone = await b.handlers.deleteSnapshot({ id: wrong });
    const copy = await b.handlers.duplicatePortfolio({ id: portfolioId, name: 'Copy' });
    await b.handlers.deletePortfolio({ id: copy.id });
    const snapshots = b.db.prepare('SELECT count(*) FROM snapshots').pluck().get();
    expect(await refusal(() => b.handlers.restoreSnapshot({ undoToken: gone.undoToken }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/can no longer be undone/) });
    expect(b.db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(snapshots);
  });

  it('a snapshot that is not there is refused, and nothing changes', async () => {
    const snapshots = b.db.prepare('SELECT count(*) FROM snapshots').pluck().get();
    expect(await refusal(() => b.handlers.deleteSnapshot({ id: 9999 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(b.db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(snapshots);
  });

  it("the portfolio's last snapshot may go too: the portfolio stays, empty, until an import or an undo", async () => {
    const gone = await b.handlers.deleteSnapshot({ id: first });
    expect(await b.handlers.listSnapshots({ portfolioId })).toEqual([]);
    expect((await b.handlers.listPortfolios({})).find((p) => p.id === portfolioId)).toMatchObject({ snapshotCount: 0, latestSnapshotId: null });
    const back = await b.handlers.restoreSnapshot({ undoToken: gone.undoToken });
    expect((await b.handlers.listSnapshots({ portfolioId })).map((s) => s.id)).toEqual([back.id]);
  });
});
