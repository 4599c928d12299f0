/**
 * What a snapshot holds, asked of its position groups, never by reading its positions: a suggestion
 * is held when any snapshot holds its security, under its key or a key linked to it (HELD_SQL); a
 * report records the tags of what its snapshot holds (heldTags); look-through warnings ask whether
 * the snapshot holds the fund (holdsSymbol).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdsSymbol } from '../../db/exposure/scan';
import { heldTags } from '../../db/report/inputs';
import { HELD_SQL } from '../../db/repos/suggestions';
import { openBackend, type Backend } from '../../db/service/backend';
import { validateInput } from '../../shared/api/validate';
import { makeTempDir } from '../helpers/temp-dir';

const US = 'Account,Symbol,Description,Quantity,Market Value,Currency\n';

describe('what a snapshot holds', () => {
  const temp = makeTempDir('themelens-held-');
  let backend: Backend;
  const h = () => backend.handlers;
  const load = (name: string, rows: string, portfolioName: string, asOf: string) => {
    const path = join(temp.dir, name);
    writeFileSync(path, US + rows);
    return h().importHoldings(validateInput('importHoldings', { path, portfolioName, asOf }));
  };
  let snapshots = { june: 0, sept: 0 };
  const heldKeys = async () => new Set((await h().listSuggestions({ onlyHeld: true })).map((s) => s.symbolKey));

  beforeAll(async () => {
    backend = await openBackend({ dbPath: join(temp.dir, 'h.db') });
  });
  afterAll(() => {
    backend?.close();
    temp.cleanup();
  });

  it('a suggestion: in an older snapshot, under a linked key, and no longer once the portfolio holding it is deleted (back after undo)', async () => {
    expect(await heldKeys()).toEqual(new Set());
    const june = await load('june.csv', 'A1,NVDA,NVIDIA CORP,10,1800.00,USD\nA1,EQIX,EQUINIX INC,1,800.00,USD\n', 'Main', '2026-06-30');
    // The latest snapshot no longer holds NVIDIA; June's still does.
    const sept = await load('sept.csv', 'A1,EQIX,EQUINIX INC,1,810.00,USD\n', 'Main', '2026-09-30');
    snapshots = { june: june.snapshot.id, sept: sept.snapshot.id };
    // SoftBank's ADR: the shipped link makes it SoftBank Group (XTKS:9984), whose suggestion is held.
    const adr = await load('adr.csv', 'B1,SFTBY,SOFTBANK GROUP CORP ADR,40,1200.00,USD\nB1,DLR,DIGITAL REALTY TRUST,5,900.00,USD\n', 'ADR', '2026-09-30');
    const held = await heldKeys();
    for (const key of ['NVDA', 'EQIX', 'XTKS:9984', 'DLR']) expect(held.has(key), key).toBe(true);
    expect(held.has('SFTBY')).toBe(false);
    const all = await h().listSuggestions({ onlyHeld: false });
    expect(all.filter((s) => !s.held).length).toBeGreaterThan(10);

    const { undoToken } = await h().deletePortfolio({ id: adr.portfolio.id });
    const after = await heldKeys();
    expect(after.has('DLR')).toBe(false);
    expect(after.has('XTKS:9984')).toBe(false);
    expect(after.has('NVDA')).toBe(true);
    await h().restorePortfolio({ undoToken });
    expect(await heldKeys()).toEqual(held);
  });

  it("a report's tags and a fund's look-through warning: only what that snapshot holds", async () => {
    await h().applyTagChanges({ changes: ['NVDA', 'EQIX', 'AAPL'].map((symbolKey) => ({ symbolKey, themeId: 'data-centers', weightBp: 5000 })) });
    const tagged = (id: number) => heldTags(backend.db, id).map((t) => t.symbolKey);
    expect(tagged(snapshots.june)).toEqual(['EQIX', 'NVDA']);
    expect(tagged(snapshots.sept)).toEqual(['EQIX']);
    const holds = holdsSymbol(backend.db, snapshots.sept);
    expect([holds('EQIX'), holds('NVDA'), holds('AAPL')]).toEqual([true, false, false]);
    expect(holdsSymbol(backend.db, snapshots.june)('NVDA')).toBe(true);
  });

  it('searches each snapshot\'s groups by index: no position, and no group, is read one by one', () => {
    const plan = (backend.db.prepare(`EXPLAIN QUERY PLAN ${HELD_SQL}`).all({ k: 'NVDA' }) as { detail: string }[]).map((r) => r.detail);
    expect(plan.some((d) => /SEARCH g USING .*INDEX .*\(snapshot_id=\? AND symbol_key=\?\)/.test(d))).toBe(true);
    expect(plan.filter((d) => /^SCAN (g|positions)\b/.test(d))).toEqual([]);
  });
});
