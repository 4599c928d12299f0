import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Sql} from '../../../db/sql';
import { columns, params, placeholders, sql, table } from '../../../db/sql';

/**
 * SQL in db/ is built with the `sql` template (db/sql.ts): it interpolates only fragments and
 * allow-listed names, never a value. This finds plain template strings that hold SQL and
 * interpolate something, anywhere in db/ but the migrations.
 */
const ROOT = resolve(__dirname, '../../..');

/** Never converted: fixed history, which interpolates one constant (the weight-cap triggers' SQL). */
const MIGRATIONS = /^db\/migrations\//;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const SQL_WORDS = /\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|WHERE|VALUES|JOIN)\b/;

/** Untagged template strings with an interpolation whose literal text reads as SQL. */
function plainSqlTemplates(path: string, text: string): { line: number; head: string }[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: { line: number; head: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTemplateExpression(node) && !ts.isTaggedTemplateExpression(node.parent)) {
      const literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (SQL_WORDS.test(literal)) found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, head: node.head.text.trim().slice(0, 60) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('SQL built with the sql template', () => {
  const found = files(join(ROOT, 'db')).flatMap((f) => plainSqlTemplates(f, readFileSync(f, 'utf8')).map((x) => ({ rel: relative(ROOT, f), ...x })));

  it('everywhere in db/ but the migrations', () => {
    expect(found.filter((f) => !MIGRATIONS.test(f.rel)).map((f) => `${f.rel}:${f.line}: \`${f.head}...`)).toEqual([]);
  });

  it('finds what it looks for', () => {
    expect(plainSqlTemplates('x.ts', 'db.prepare(`SELECT * FROM ${table} WHERE id = ?`);')).toHaveLength(1);
    expect(plainSqlTemplates('x.ts', 'db.prepare(sql`SELECT * FROM ${t} WHERE id = ?`.text);')).toHaveLength(0);
    expect(plainSqlTemplates('x.ts', 'throw new Error(`No snapshot ${id} here`);')).toHaveLength(0);
  });

  it('the template takes fragments and allow-listed names only', () => {
    expect(sql`SELECT ${columns(['a', 'b'])} FROM ${table('temp.trash_positions')} WHERE id IN (${placeholders(2)})`.text).toBe('SELECT a, b FROM temp.trash_positions WHERE id IN (?, ?)');
    expect(() => table('users; DROP TABLE tags')).toThrow(/Not a table/);
    expect(() => columns(['a; --'])).toThrow(/Not a column/);
    expect(() => sql`SELECT ${"1; DROP TABLE tags" as unknown as Sql}`).toThrow(/bind values as parameters/);
  });
});

describe('named parameters from several sources (params)', () => {
  it('are merged, and a name given twice is refused rather than overwritten', () => {
    expect(params({ sid: 1, first: 10 }, { c0: 'EUR', n0: 10845n }, {})).toEqual({ sid: 1, first: 10, c0: 'EUR', n0: 10845n });
    // A second @n0 would have valued positions at another rate, silently.
    expect(() => params({ c0: 'EUR', n0: 10845n }, { n0: 5n })).toThrow('The SQL parameter @n0 is given twice.');
  });
});
