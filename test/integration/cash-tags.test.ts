import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { applyTagChanges, listTags } from '../../db/repos/tags';
import { importTags, previewTagImport } from '../../db/tags/tag-file';
import { runCli } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');
const NOW = '2026-12-07T00:00:00Z';

/**
 * Cash is never part of a theme: the reports show it as "of which cash" under Untagged, and a
 * tagged cash line made that row wrong (3,243.57 of cash "in" an Untagged it was not in). The app
 * offers no tag on a cash row and rules skip cash; a cash key typed on the command line, sent to the
 * API or written in a tag file had been taken.
 */
describe('tagging cash is refused', () => {
  const temp = makeTempDir('themelens-cash-tags-');
  const db = join(temp.dir, 'c.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());
  beforeAll(() => {
    expect(cli('import', FIDELITY, '--portfolio', 'Fid', '--as-of', '2026-11-24').code).toBe(0);
  });

  it('on the command line, in any case, with the database as before; the exposure keeps cash under Untagged', () => {
    const before = dumpContent(db);
    for (const args of [['tag', 'CASH:USD', 'data-centers'], ['tag', 'cash:usd', 'oil-logistics', '--weight', '0.5']]) {
      const r = cli(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('themelens: CASH:USD is cash, which is never part of a theme (reports show it as "of which cash" under Untagged). Nothing was tagged. To count a money-market fund in a theme, import it as a security, not as cash.\n');
    }
    // The cash line's own symbol, and a cash label: every import reads them as cash (keyed CASH:USD),
    // so a tag on them was kept, answered "SPAXX: data-centers 100%", and never counted. ("CASH"
    // alone is also a ticker, Pathward Financial's: that one may be tagged.)
    for (const symbol of ['SPAXX', 'spaxx**', 'FDRXX', 'SPRXX**', 'Cash & Cash Investments']) {
      const r = cli('tag', symbol, 'data-centers');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^themelens: .+ is cash, which is never part of a theme/);
    }
    expect(dumpContent(db)).toEqual(before);
    const exposure = JSON.parse(cli('exposure', '--portfolio', 'Fid', '--format', 'json').stdout);
    expect(exposure.themes.find((t: { id: string }) => t.id === 'data-centers').value).toBe(0);
    expect(exposure.untaggedValue).toBe(exposure.totalValue);
    expect(exposure.cashValue).toBe(3243.57);
    // Pathward Financial trades as CASH: a tag on it is a tag on that security, not refused as cash.
    expect(cli('tag', 'CASH', 'data-centers', '--weight', '0.1').code).toBe(0);
    expect(cli('untag', 'CASH').code).toBe(0);
  });

  it('through the API: a batch with a cash key applies none of its edits', () => {
    const conn = openDatabase(db);
    try {
      expect(() =>
        applyTagChanges(
          conn,
          [
            { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 10_000 },
            { symbolKey: 'CASH:EUR', themeId: 'data-centers', weightBp: 5_000 },
          ],
          NOW,
        ),
      ).toThrow('CASH:EUR is cash');
      expect(listTags(conn)).toEqual([]);
    } finally {
      conn.close();
    }
  });

  it('in a tag file: a conflict on its line, and nothing imported', () => {
    const file = join(temp.dir, 'tags.csv');
    writeFileSync(file, 'symbol,theme,weight\nNVDA,data-centers,1\nCASH:USD,data-centers,0.5\nSPAXX,oil-logistics,0.5\n');
    const conn = openDatabase(db);
    try {
      const preview = previewTagImport(conn, file);
      expect(preview.rows.map((r) => [r.line, r.status])).toEqual([
        [2, 'new'],
        [3, 'conflict'],
        [4, 'conflict'],
      ]);
      expect(() => importTags(conn, file, NOW)).toThrow('tags.csv line 3: CASH:USD is cash, which is never part of a theme; remove the row. Nothing was imported.');
      expect(listTags(conn)).toEqual([]);
    } finally {
      conn.close();
    }
  });

  it('a cash tag left by an earlier version can still be removed', () => {
    const raw = new Database(db);
    raw.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, source, updated_at) VALUES ('CASH:USD', 'data-centers', 10000, 'manual', ?)").run(NOW);
    raw.close();
    const r = cli('untag', 'CASH:USD');
    expect(r.code, r.stderr).toBe(0);
    const conn = openDatabase(db);
    try {
      expect(listTags(conn)).toEqual([]);
    } finally {
      conn.close();
    }
  });
});
