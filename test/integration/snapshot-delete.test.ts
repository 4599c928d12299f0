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

    // Undo: back in its portfolio (under its own id, free still), with every position, rejected row and figure.
    const back = await b.handlers.restoreSnapshot({ undoToken: gone.undoToken });
    expect(back.id).toBe(wrong);
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

  it("an undo gives the snapshot back its id, so of two of one date the one before stays the one before; its resolutions and report records come back; a repricing's links are mended", async () => {
    // A repricing of the latest on the same date: two snapshots of 2026-11-01, the repricing latest by id.
    const prices = join(temp.dir, 'prices.csv');
    writeFileSync(prices, 'symbol,price,currency,date\nNVDA,190.37,USD,2026-11-01\n');
    const repriced = (await b.handlers.repricePortfolio({ path: prices, portfolioId, asOf: '2026-11-01' })).snapshot;
    expect((await b.handlers.listSnapshots({ portfolioId })).map((s) => s.id)).toEqual([repriced.id, first]);
    const report = join(temp.dir, 'first.csv');
    await b.handlers.exportReport({ portfolioId, snapshotId: first, format: 'csv', paper: 'a4', path: report });
    const resolutions = () => b.db.prepare('SELECT symbol_key, method, detail, position_count FROM position_resolutions WHERE snapshot_id = ? ORDER BY symbol_key').all(first);
    const reports = () => b.db.prepare('SELECT format, fingerprint, content_sha256, path FROM reports WHERE snapshot_id = ?').all(first);
    const [resolved, made] = [resolutions(), reports()];
    expect(made).toHaveLength(1);
    const link = () => b.db.prepare('SELECT repriced_from FROM snapshots WHERE id = ?').pluck().get(repriced.id);
    expect(link()).toBe(first);

    const gone = await b.handlers.deleteSnapshot({ id: first });
    expect(reports()).toEqual([]);
    expect(link()).toBeNull();
    const back = await b.handlers.restoreSnapshot({ undoToken: gone.undoToken });
    expect(back.id).toBe(first);
    expect((await b.handlers.listSnapshots({ portfolioId })).map((s) => s.id)).toEqual([repriced.id, first]);
    expect((await b.handlers.getExposure({ portfolioId, positionLimit: 0 })).snapshotId).toBe(repriced.id);
    expect(resolutions()).toEqual(resolved);
    expect(reports()).toEqual(made);
    expect(link()).toBe(first);
    // The repricing itself goes and comes back too.
    const again = await b.handlers.deleteSnapshot({ id: repriced.id });
    expect((await b.handlers.restoreSnapshot({ undoToken: again.undoToken })).id).toBe(repriced.id);
    expect(link()).toBe(first);
  });

  it('an undo is refused, changing nothing, once the file was imported again or the portfolio is another one', async () => {
    const latest = (await b.handlers.listSnapshots({ portfolioId }))[0]!;
    expect(latest.sourceFile).toBe('prices.csv');
    const gone = await b.handlers.deleteSnapshot({ id: first });
    await b.handlers.importHoldings({ ...base, path: FIDELITY, portfolioId, asOf: '2026-11-01' });
    const count = () => b.db.prepare('SELECT count(*) FROM snapshots').pluck().get();
    const before = count();
    expect(await refusal(() => b.handlers.restoreSnapshot({ undoToken: gone.undoToken }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^fidelity-current\.csv was imported into this portfolio again \(as of 2026-11-01\)/) });
    expect(count()).toBe(before);

    // A portfolio deleted and another made in its place (by another connection: the command line) takes its id.
    const other = await b.handlers.importHoldings({ ...base, path: FIDELITY, portfolioName: 'Short-lived', asOf: '2026-10-01' });
    const lost = await b.handlers.deleteSnapshot({ id: other.snapshot.id });
    b.db.prepare('DELETE FROM portfolios WHERE id = ?').run(other.portfolio.id);
    b.db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (?, 'Someone else', 'USD', '2030-01-01T00:00:00Z')").run(other.portfolio.id);
    expect(await refusal(() => b.handlers.restoreSnapshot({ undoToken: lost.undoToken }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/portfolio that snapshot was in is gone/) });
    expect(await b.handlers.listSnapshots({ portfolioId: other.portfolio.id })).toEqual([]);
    first = (await b.handlers.listSnapshots({ portfolioId }))[0]!.id;
  });

  it("the portfolio's last snapshot may go too: the portfolio stays, empty, until an import or an undo", async () => {
    for (const s of (await b.handlers.listSnapshots({ portfolioId })).slice(1)) await b.handlers.deleteSnapshot({ id: s.id });
    const gone = await b.handlers.deleteSnapshot({ id: first });
    expect(await b.handlers.listSnapshots({ portfolioId })).toEqual([]);
    expect((await b.handlers.listPortfolios({})).find((p) => p.id === portfolioId)).toMatchObject({ snapshotCount: 0, latestSnapshotId: null });
    const back = await b.handlers.restoreSnapshot({ undoToken: gone.undoToken });
    expect((await b.handlers.listSnapshots({ portfolioId })).map((s) => s.id)).toEqual([back.id]);
  });

  it("a portfolio's deletion and undo bring back its report records and resolutions too", async () => {
    const sid = (await b.handlers.listSnapshots({ portfolioId }))[0]!.id;
    await b.handlers.exportReport({ portfolioId, format: 'json', paper: 'a4', path: join(temp.dir, 'p.json') });
    const of = (snapshotId: number) => ({
      reports: b.db.prepare('SELECT format, fingerprint, content_sha256 FROM reports WHERE snapshot_id = ? ORDER BY id').all(snapshotId),
      resolutions: b.db.prepare('SELECT symbol_key, method, detail, position_count FROM position_resolutions WHERE snapshot_id = ? ORDER BY symbol_key').all(snapshotId),
    });
    const before = of(sid);
    expect(before.reports.length).toBeGreaterThan(0);
    const gone = await b.handlers.deletePortfolio({ id: portfolioId });
    const back = await b.handlers.restorePortfolio({ undoToken: gone.undoToken });
    const restoredSid = (await b.handlers.listSnapshots({ portfolioId: back.id }))[0]!.id;
    expect(of(restoredSid)).toEqual(before);
    expect(b.db.prepare('SELECT count(*) FROM reports WHERE portfolio_id = ?').pluck().get(back.id)).toBe(before.reports.length);
  });
});
