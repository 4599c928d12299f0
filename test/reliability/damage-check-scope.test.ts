/**
 * The damage check at open reads what the command will read. `themelens exposure` reads position
 * groups, never positions or the position index (cli/commands.ts READ_NO_POSITIONS), so its check
 * leaves those two tables out and its time grows less with them. Shown on real files: with every page
 * of the positions table and of the position index overwritten, the exposure still gives the same
 * figures (so it truly reads neither), while a command that reads them finds the damage and moves the
 * file aside; with the position groups overwritten, the exposure refuses.
 */
import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openChecked, type DamageCheckScope } from '../../db/integrity/open-checked';
import { LATEST_VERSION } from '../../db/migrations';
import { openBackend, type Backend } from '../../db/service/backend';
import { toErrorData } from '../../shared/api/errors';
import { validateInput } from '../../shared/api/validate';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const DCX = resolve(__dirname, '../fixtures/funds/ishares-dcx.csv');
const HEADER = 'Account,Symbol,Description,Quantity,Price,Market Value,Currency\n';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

/** Two portfolios of one client, 1,500 positions each (many pages of positions), tags, a rate and a fund. */
async function household(): Promise<{ dir: string; db: string }> {
  const temp = makeTempDir('themelens-scope-');
  cleanup = temp.cleanup;
  const db = join(temp.dir, 'h.db');
  const rows = (account: string, currency: string) =>
    HEADER + Array.from({ length: 1500 }, (_, i) => `${account},S${i % 300},Security number ${i} with a long description,${i + 1},10.25,${((i + 1) * 10.25).toFixed(2)},${currency}\n`).join('');
  writeFileSync(join(temp.dir, 'a.csv'), rows('A-1', 'USD'));
  writeFileSync(join(temp.dir, 'b.csv'), rows('B-2', 'EUR'));
  const b = await openBackend({ dbPath: db });
  const h = b.handlers;
  await h.importHoldings(validateInput('importHoldings', { path: join(temp.dir, 'a.csv'), portfolioName: 'Ann A', clientName: 'Ann', asOf: '2026-11-02' }));
  await h.importHoldings(validateInput('importHoldings', { path: join(temp.dir, 'b.csv'), portfolioName: 'Ann B', clientName: 'Ann', baseCurrency: 'EUR', asOf: '2026-11-02' }));
  await h.setFxRate({ currency: 'EUR', quote: 'USD', rate: '1.10', asOf: '2026-11-02' });
  for (let i = 0; i < 300; i += 7) await h.setTag({ symbolKey: `S${i}`, themeId: 'data-centers', weightBp: 2500 + (i % 4) * 2500 });
  await h.importFundHoldings({ fundSymbol: 'DCX', path: DCX });
  b.db.pragma('wal_checkpoint(TRUNCATE)');
  b.close();
  return { dir: temp.dir, db };
}

/** Overwrites every page of the named tables and their indexes (their page numbers from dbstat). */
function overwritePagesOf(db: string, tables: string[]): number {
  const d = new Database(db, { readonly: true });
  const size = d.pragma('page_size', { simple: true }) as number;
  const marks = tables.map(() => '?').join(', ');
  const pages = d.prepare(`SELECT pageno FROM dbstat WHERE name IN (${marks}) OR name IN (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN (${marks}))`).pluck().all(...tables, ...tables) as number[];
  d.close();
  const fd = openSync(db, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(size, 0xa5), 0, size, (page - 1) * size);
  closeSync(fd);
  return pages.length;
}

const EXPOSURES = [
  ['exposure', '--portfolio', 'Ann A', '--format', 'json'],
  ['exposure', '--portfolio', 'Ann B', '--benchmark', 'DCX', '--format', 'json'],
  ['exposure', '--client', 'Ann', '--base-currency', 'USD'],
];

describe('the damage check at open reads what the command reads', () => {
  it('exposure reads no position and no position index: overwritten, they leave its figures as they were; a command that reads them moves the file aside', async () => {
    const { dir, db } = await household();
    const before = EXPOSURES.map((args) => runCli([...args, '--db', db]));
    for (const r of before) expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(before[0]!.stdout).totalValue).toBeGreaterThan(0);

    expect(overwritePagesOf(db, ['positions'])).toBeGreaterThan(20);
    expect(overwritePagesOf(db, ['position_index'])).toBeGreaterThan(0);
    // Checked whole, the file is damaged: the overwrite is damage SQLite sees.
    const whole = new Database(db, { readonly: true });
    expect(whole.pragma('quick_check', { simple: true })).not.toBe('ok');
    whole.close();

    // The same output but the moment it was made.
    const figures = (out: string) => out.replace(/"generatedAt": "[^"]+"/, '');
    const after = EXPOSURES.map((args) => runCli([...args, '--db', db]));
    after.forEach((r, i) => expect({ code: r.code, out: figures(r.stdout), err: r.stderr }).toEqual({ code: 0, out: figures(before[i]!.stdout), err: before[i]!.stderr }));
    expect(readdirSync(dir).filter((f) => f.startsWith('corrupt-'))).toEqual([]);

    // The report lists positions: its check reads them, finds the damage and moves the file aside.
    const report = runCli(['report', '--portfolio', 'Ann A', '--format', 'json', '--db', db]);
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/h\.db is damaged; it was moved aside as corrupt-/);
    expect(existsSync(db)).toBe(false);
  });

  it('overwritten position groups: the exposure refuses and moves the file aside', async () => {
    const { dir, db } = await household();
    expect(overwritePagesOf(db, ['position_groups'])).toBeGreaterThan(0);
    const r = runCli([...EXPOSURES[0]!, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/h\.db is damaged; it was moved aside as corrupt-/);
    expect(readdirSync(dir).filter((f) => f.startsWith('corrupt-'))).toHaveLength(1);
  });

  // A table the check left out, read anyway: damage there is named in plain words, never an internal
  // error or a figure.
  const READ_ANYWAY: [string, (b: Backend) => unknown][] = [
    ['positions', (b) => b.handlers.listPositions(validateInput('listPositions', { snapshotId: 1 }))],
    ['position_index', (b) => b.handlers.getAccountBreakdown(validateInput('getAccountBreakdown', { portfolioId: 1 }))],
  ];
  it.each(READ_ANYWAY)('damage in %s met after the check is named in plain words', async (table, read) => {
    const { db } = await household();
    overwritePagesOf(db, [table]);
    const b = await openBackend({ dbPath: db, readsNoPositions: true });
    try {
      const err = await Promise.resolve()
        .then(() => read(b))
        .then(() => null, (e: unknown) => e);
      expect(toErrorData(err)).toEqual({ code: 'IO', message: expect.stringMatching(/^The database file is damaged .*Start ThemeLens again: it checks the file as it opens/), details: { sqlite: 'SQLITE_CORRUPT' } });
    } finally {
      b.close();
    }
  });

  // Mapped, the scoped check of the position groups took 12 ms at a million positions, against 40 ms
  // read page by page (the bench's scale table shows the whole command).
  it('the scoped check reads the file through a memory map; the whole check, for every other command, does not', async () => {
    const temp = makeTempDir('themelens-map-');
    cleanup = temp.cleanup;
    const db = join(temp.dir, 'm.db');
    (await openBackend({ dbPath: db })).close();
    const mapped = (scope: DamageCheckScope | null) => {
      const d = openChecked(db, {}, new Date(), scope);
      try {
        return d.pragma('mmap_size', { simple: true });
      } finally {
        d.close();
      }
    };
    expect(mapped({ leaveOut: ['positions', 'position_index'], latestVersion: LATEST_VERSION })).toBe(256 * 1024 * 1024);
    expect(mapped(null)).toBe(0);
    const b = await openBackend({ dbPath: db, readsNoPositions: true });
    expect(b.db.pragma('mmap_size', { simple: true })).toBe(256 * 1024 * 1024);
    b.close();
  });

  it('a file that needs migrating is checked whole, whatever the command reads', async () => {
    const { db } = await household();
    overwritePagesOf(db, ['positions']);
    const scope = { leaveOut: ['positions'], latestVersion: 10_000 };
    expect(() => openChecked(db, {}, new Date(), scope)).toThrow(/is damaged; it was moved aside/);
  });
});
