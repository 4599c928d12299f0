/**
 * A suggestion is "held" when any snapshot holds its security, under its key or a key linked to it.
 * Looked up in the snapshots' position groups, not by reading every position (HELD_SQL).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_SQL } from '../../db/repos/suggestions';
import { openBackend, type Backend } from '../../db/service/backend';
import { validateInput } from '../../shared/api/validate';
import { makeTempDir } from '../helpers/temp-dir';

const US = 'Account,Symbol,Description,Quantity,Market Value,Currency\n';

describe('suggestions held', () => {
  const temp = makeTempDir('themelens-held-');
  let backend: Backend;
  const h = () => backend.handlers;
  const load = (name: string, rows: string, portfolioName: string, asOf: string) => {
    const path = join(temp.dir, name);
    writeFileSync(path, US + rows);
    return h().importHoldings(validateInput('importHoldings', { path, portfolioName, asOf }));
  };
  const heldKeys = async () => new Set((await h().listSuggestions({ onlyHeld: true })).map((s) => s.symbolKey));

  beforeAll(async () => {
    backend = await openBackend({ dbPath: join(temp.dir, 'h.db') });
  });
  afterAll(() => {
    backend?.close();
    temp.cleanup();
  });

  it('in an older snapshot, under a linked key, and no longer once the portfolio holding it is deleted (back after undo)', async () => {
    expect(await heldKeys()).toEqual(new Set());
    await load('june.csv', 'A1,NVDA,NVIDIA CORP,10,1800.00,USD\nA1,EQIX,EQUINIX INC,1,800.00,USD\n', 'Main', '2026-06-30');
    // The latest snapshot no longer holds NVIDIA; June's still does.
    await load('sept.csv', 'A1,EQIX,EQUINIX INC,1,810.00,USD\n', 'Main', '2026-09-30');
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

  it('searches each snapshot\'s groups by index: no position, and no group, is read one by one', () => {
    const plan = (backend.db.prepare(`EXPLAIN QUERY PLAN ${HELD_SQL}`).all({ k: 'NVDA' }) as { detail: string }[]).map((r) => r.detail);
    expect(plan.some((d) => /SEARCH g USING .*INDEX .*\(snapshot_id=\? AND symbol_key=\?\)/.test(d))).toBe(true);
    expect(plan.filter((d) => /^SCAN (g|positions)\b/.test(d))).toEqual([]);
  });
});
