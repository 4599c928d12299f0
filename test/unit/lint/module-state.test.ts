import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The backend keeps what it remembers about an open database in that database's Store
 * (db/store.ts), never in module variables: a module variable is shared by every database a
 * process opens (the CLI's batch, the tests' dozens), cannot be reset per connection, and hides
 * from whoever reads the code. This finds module-level `let`/`var` and module-level Maps and Sets.
 */
const ROOT = resolve(__dirname, '../../..');

/** Allowed, with why. */
const EXEMPT: Record<string, string> = {
  'db/store.ts': 'the registry of Stores itself (a WeakMap from connection to Store)',
  // A worker's entry module is loaded once per thread and runs one job: its variables are that job's.
  'db/import/parse-worker.ts': "a parse thread's own counters",
  'db/import/import-worker.ts': "an import thread's cancel flag",
  'db/exposure/figures-worker.ts': "a figures thread's figures already sent",
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const MUTABLE = /^(?:export\s+)?(?:let|var)\s+\w+|^(?:export\s+)?const\s+\w+(?:\s*:[^=]+)?\s*=\s*new\s+(?:Weak)?(?:Map|Set)\b/;

describe('module-level state in db/', () => {
  const found = files(join(ROOT, 'db')).flatMap((f) => {
    const rel = relative(ROOT, f);
    return readFileSync(f, 'utf8')
      .split('\n')
      .map((line, i) => ({ rel, line: i + 1, text: line }))
      .filter((l) => MUTABLE.test(l.text));
  });

  it('lives only in the Store (and the exempt worker entry modules)', () => {
    expect(found.filter((f) => !(f.rel in EXEMPT)).map((f) => `${f.rel}:${f.line}: ${f.text.trim()}`)).toEqual([]);
  });

  it('finds what it looks for (the registry in db/store.ts is seen)', () => {
    expect(found.some((f) => f.rel === 'db/store.ts' && /new WeakMap/.test(f.text))).toBe(true);
    expect(MUTABLE.test('let nextUndo = 1;')).toBe(true);
    expect(MUTABLE.test('const builtTables = new WeakMap<Db, Map<string, string>>();')).toBe(true);
    expect(MUTABLE.test('const LIMIT = 5;')).toBe(false);
  });

  it('every exemption is still needed', () => {
    for (const rel of Object.keys(EXEMPT)) expect(found.some((f) => f.rel === rel), rel).toBe(true);
  });
});
