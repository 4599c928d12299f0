/**
 * SQL text built in code, the way Signal Desktop builds it (its `sqlFragment` and `sqlJoin`): a
 * `sql` template may interpolate only another `sql` fragment or a name from the allow-lists
 * below (a table chosen at run time, a column list defined once), never a value. Values are bound
 * as parameters, so nothing a user typed or a file held can become SQL text.
 * test/unit/lint/sql-template.test.ts finds SQL built from plain template strings in db/.
 */
/** Held only by this module: a fragment can be made nowhere else. */
const MAKER = Symbol('sql fragment');

export class Sql {
  constructor(
    maker: symbol,
    readonly text: string,
  ) {
    if (maker !== MAKER) throw new Error('SQL fragments are made by sql`...`, table(), columns() and the like (db/sql.ts).');
  }

  toString(): string {
    return this.text;
  }
}

const make = (text: string): Sql => new Sql(MAKER, text);

/** Tables a query chooses at run time: the live or trash copy of a portfolio, tags now or as of a moment. */
const TABLES: readonly string[] = [
  'tags',
  'main.tags',
  'temp.tags_from',
  'temp.tags_to',
  'main.portfolios',
  'main.snapshots',
  'main.positions',
  'main.import_issues',
  'temp.trash_portfolios',
  'temp.trash_snapshots',
  'temp.trash_positions',
  'temp.trash_import_issues',
  // The exposure's temp tables: weights per symbol, and one row per tag (db/exposure/weight-tables.ts).
  'temp.expo_w_live',
  'temp.expo_w_from',
  'temp.expo_w_to',
  'temp.expo_t_live',
  'temp.expo_t_from',
  'temp.expo_t_to',
  // A comparison's sides (db/exposure/compare.ts): each a table, its contributions and their indexes.
  ...['cmp_a', 'cmp_b', 'cmp_ba'].flatMap((side) => [side, `${side}_c`, `temp.${side}`, `temp.${side}_c`, `temp.${side}_key`, `temp.${side}_c_key`]),
];

/** Columns a query lists from a list defined once (shared/import/position-columns.ts and the like). */
const COLUMN = /^[a-z][a-z0-9_]*$/;

/** A table name from the allow-list. */
export function table(name: string): Sql {
  if (!TABLES.includes(name)) throw new Error(`Not a table ThemeLens builds SQL with: ${name}`);
  return make(name);
}

/** A list of column names ("a, b, c"): each a plain lower-case name. */
export function columns(names: readonly string[]): Sql {
  for (const n of names) if (!COLUMN.test(n)) throw new Error(`Not a column name: ${n}`);
  return make(names.join(', '));
}

/** A name made from an index: a column per theme (`w0`, `w.r2`) or a parameter's name (`@t3`). */
export function indexed(prefix: string, i: number): Sql {
  if (!/^(?:@|[a-z]\.)?[a-z]{1,3}$/.test(prefix) || !Number.isSafeInteger(i) || i < 0) throw new Error(`Not an indexed name: ${prefix}${i}`);
  return make(`${prefix}${i}`);
}

/** `n` positional parameters: "?, ?, ?". */
export function placeholders(n: number): Sql {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`Not a number of parameters: ${n}`);
  return make(new Array<string>(n).fill('?').join(', '));
}

/** A whole number written into SQL (a row's id repeated in a multi-row INSERT). */
export function integer(n: number): Sql {
  if (!Number.isSafeInteger(n)) throw new Error(`Not an integer: ${n}`);
  return make(String(n));
}

/** Fragments joined by a separator written in code. */
export function join(parts: readonly Sql[], separator: Sql = make(', ')): Sql {
  return make(parts.map((p) => p.text).join(separator.text));
}

/** The empty fragment (an optional clause left out). */
export const empty = make('');

/** SQL text with only fragments and allow-listed names interpolated. */
export function sql(strings: TemplateStringsArray, ...parts: readonly Sql[]): Sql {
  let text = strings[0] ?? '';
  parts.forEach((p, i) => {
    // A value typed as Sql by a cast still stops here.
    if (!(p instanceof Sql)) throw new Error('Only sql fragments, table(), columns() and placeholders() go into SQL text; bind values as parameters.');
    text += p.text + (strings[i + 1] ?? '');
  });
  return make(text);
}

/**
 * Named parameters from several sources, as one object: a name given twice is refused, never
 * overwritten. A scan's currency factors (@n0, @d0...) merged with another part's own @n0 would
 * otherwise silently value positions at the wrong rate (it happened once, in a test's reference).
 */
export function params(...parts: readonly Readonly<Record<string, string | number | bigint>>[]): Record<string, string | number | bigint> {
  const out: Record<string, string | number | bigint> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(out, name)) throw new Error(`The SQL parameter @${name} is given twice.`);
      out[name] = value;
    }
  }
  return out;
}
