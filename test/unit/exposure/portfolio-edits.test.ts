import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../../db/exposure/compute';
import { deletePortfolio, duplicatePortfolio, renamePortfolio, restoreDeletedPortfolio } from '../../../db/repos/portfolio-edits';
import { getPortfolio, listPortfolios } from '../../../db/repos/portfolios';
import { getSnapshot, listSnapshots } from '../../../db/repos/snapshots';
import { addSnapshot, makeDb, tag } from './fixture';

function seeded() {
  const db = makeDb();
  addSnapshot(db, '2026-06-30', '2026-07-01T00:00:00Z', [
    { symbol: 'NVDA', quantity: '100', valueCents: 1_000_000 },
    { symbol: 'KMI', quantity: '200', valueCents: 500_000 },
  ]);
  addSnapshot(db, '2026-09-30', '2026-10-01T00:00:00Z', [
    { symbol: 'NVDA', quantity: '150', valueCents: 1_500_000 },
    { symbol: 'CASH', valueCents: 50_000, isCash: true },
  ]);
  db.prepare("INSERT INTO import_issues (snapshot_id, line, cell, message) VALUES (1, 7, 'x', 'bad number')").run();
  tag(db, 'NVDA', 'data-centers', 6000, '2026-06-01T00:00:00Z');
  return db;
}

const figures = (db: ReturnType<typeof makeDb>, portfolioId: number) => {
  const p = getPortfolio(db, portfolioId);
  return listSnapshots(db, portfolioId).map((s) => {
    const r = computeExposure(db, p, getSnapshot(db, s.id), 'now');
    return [s.asOf, s.rowCount, r.totalValue, r.themes.map((t) => t.value), r.positions.map((x) => [x.symbol, x.quantity, x.value])];
  });
};

describe('portfolio rename, duplicate, delete and undo', () => {
  it('renames, refusing a name another portfolio has (in any case)', () => {
    const db = seeded();
    expect(renamePortfolio(db, 1, ' Smith trust ', 'Jane Smith')).toMatchObject({ name: 'Smith trust', clientName: 'Jane Smith' });
    db.prepare("INSERT INTO portfolios (name, base_currency, created_at) VALUES ('Other', 'USD', 'now')").run();
    expect(() => renamePortfolio(db, 1, 'OTHER')).toThrow(/already exists/);
    expect(renamePortfolio(db, 1, 'smith TRUST').name).toBe('smith TRUST');
  });

  it('duplicates every snapshot, position and rejected row, each snapshot a contiguous rowid range, with the same figures', () => {
    const db = seeded();
    const copy = duplicatePortfolio(db, 1);
    expect(copy.name).toBe('Smith family (copy)');
    expect(duplicatePortfolio(db, 1).name).toBe('Smith family (copy 2)');
    expect(figures(db, copy.id)).toEqual(figures(db, 1));
    for (const s of listSnapshots(db, copy.id)) {
      const r = db.prepare('SELECT first_position_id AS f, last_position_id AS l, (SELECT count(*) FROM positions WHERE snapshot_id = ?) AS n FROM snapshots WHERE id = ?').get(s.id, s.id) as { f: number; l: number; n: number };
      expect(r.l - r.f + 1).toBe(r.n);
    }
    const issues = db.prepare('SELECT count(*) FROM import_issues i JOIN snapshots s ON s.id = i.snapshot_id WHERE s.portfolio_id = ?').pluck().get(copy.id);
    expect(issues).toBe(1);
  });

  it('deletes a portfolio with its snapshots and positions, and an undo brings back the same figures', () => {
    const db = seeded();
    const before = figures(db, 1);
    const { undoToken, name } = deletePortfolio(db, 1);
    expect(name).toBe('Smith family');
    expect(listPortfolios(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM positions').pluck().get()).toBe(0);
    const back = restoreDeletedPortfolio(db, undoToken);
    expect(back.name).toBe('Smith family');
    expect(figures(db, back.id)).toEqual(before);
    expect(() => restoreDeletedPortfolio(db, undoToken)).toThrow(/can no longer be undone/);
  });

  it('only the latest deletion can be undone', () => {
    const db = seeded();
    const copy = duplicatePortfolio(db, 1);
    const first = deletePortfolio(db, 1);
    const second = deletePortfolio(db, copy.id);
    expect(() => restoreDeletedPortfolio(db, first.undoToken)).toThrow(/can no longer be undone/);
    expect(restoreDeletedPortfolio(db, second.undoToken).name).toBe('Smith family (copy)');
  });
});
