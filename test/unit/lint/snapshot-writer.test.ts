import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Snapshots and positions are written in one place, db/repos/snapshot-writer.ts: it keeps each
 * snapshot's positions in one contiguous rowid range (which every scan relies on) and records
 * the range, the currencies held and the position groups the exposure reads. A second writer
 * could forget one of them and the figures would silently leave positions out. This finds every
 * INSERT into snapshots or positions (and their groups) in the source and allows only the writer's,
 * and the groups module the writer calls.
 */
const ROOT = resolve(__dirname, '../../..');

const ALLOWED: Record<string, readonly string[]> = {
  'db/repos/snapshot-writer.ts': ['snapshots', 'positions'],
  'db/exposure/position-groups.ts': ['position_groups', 'position_index'],
  // The writer's statements for a batch of positions, by its shape: used by the writer alone (below).
  'db/repos/position-insert.ts': ['positions'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : files(join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const INSERT = /INSERT\s+(?:OR\s+\w+\s+)?INTO\s+(?:main\.)?(snapshots|positions|position_groups|position_index)\b/gi;

function inserts(text: string): string[] {
  return [...text.matchAll(INSERT)].map((m) => (m[1] as string).toLowerCase());
}

describe('the one snapshot writer', () => {
  const found = ['db', 'cli', 'shared', 'electron'].flatMap((d) =>
    files(join(ROOT, d)).flatMap((f) => inserts(readFileSync(f, 'utf8')).map((table) => ({ rel: relative(ROOT, f), table }))),
  );

  it('is the only code that inserts snapshots, positions and their groups', () => {
    expect(found.filter((f) => !(ALLOWED[f.rel] ?? []).includes(f.table)).map((f) => `${f.rel}: INSERT INTO ${f.table}`)).toEqual([]);
  });

  it('lets only the writer insert positions through their batch statements', () => {
    const users = ['db', 'cli', 'shared', 'electron'].flatMap((d) => files(join(ROOT, d)).filter((f) => readFileSync(f, 'utf8').includes('new PositionInsert(')));
    expect(users.map((f) => relative(ROOT, f))).toEqual(['db/repos/snapshot-writer.ts']);
  });

  it('finds what it looks for', () => {
    expect(found.some((f) => f.rel === 'db/repos/snapshot-writer.ts' && f.table === 'positions')).toBe(true);
    expect(inserts('db.prepare(`INSERT INTO positions (snapshot_id) VALUES (?)`)')).toEqual(['positions']);
    expect(inserts("INSERT OR IGNORE INTO main.snapshots SELECT * FROM x")).toEqual(['snapshots']);
    expect(inserts('INSERT INTO snapshot_notes VALUES (1)')).toEqual([]);
  });
});
