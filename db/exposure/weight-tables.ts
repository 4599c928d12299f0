import type { Theme } from '../../shared/domain/types';
import type { Db } from '../connection';
import { storeOf } from '../store';
import { listThemes } from '../repos/themes';
import { dataStamp, ownWrites } from './cache';
import { checkTagTable, type TagTable } from './tag-tables';
import { empty, indexed, integer, join, sql, table, type Sql } from '../sql';

/**
 * The small temp tables a scan joins each position to (db/exposure/scan.ts): one row per tagged
 * symbol with its weight in every theme as columns, and one row per positive tag. Built from the
 * tag table in one grouped read and kept while no data changed (the connection's Store).
 */

/** The themes as the weight table lays them out: column `w{i}` per theme, `r{j}` per top-level theme. */
export interface WeightLayout {
  table: string;
  themes: Theme[];
  /** Top-level themes in the user's order. */
  roots: Theme[];
  /** Index in `roots` of the top-level theme each theme rolls into (by index in `themes`), -1 for none. */
  rootOf: number[];
  /** The tag table the weights were read from. */
  source: TagTable;
}

const WEIGHT_TABLES: Record<TagTable, string> = { tags: 'expo_w_live', 'temp.tags_from': 'expo_w_from', 'temp.tags_to': 'expo_w_to' };

/**
 * Fills a temp table with one row per tagged symbol: its weight (bp) in each theme as a column
 * (`w{i}`, NULL where untagged) and a 1 per top-level theme it counts in (`r{j}`). Built from the
 * tag table in one grouped read (a few milliseconds for thousands of tags), so a scan joins one
 * row per position.
 */
export function weightTable(db: Db, tagTable: TagTable = 'tags', themes: Theme[] = listThemes(db)): WeightLayout {
  const source = checkTagTable(tagTable);
  const name = WEIGHT_TABLES[source];
  const roots = themes.filter((t) => !t.parentId);
  const rootIndex = new Map(roots.map((r, j) => [r.id, j]));
  // A sub-theme rolls into its parent (one level), as coalesce(parent_id, id) does.
  const rootOf = themes.map((t) => rootIndex.get(t.parentId ?? t.id) ?? -1);
  const params: Record<string, string> = {};
  themes.forEach((t, i) => (params[`t${i}`] = t.id));
  const theme = (i: number) => indexed('@t', i);
  const cols: [Sql, Sql][] = [
    ...themes.map((_, i): [Sql, Sql] => [indexed('w', i), sql`sum(t.weight_bp) FILTER (WHERE t.theme_id = ${theme(i)})`]),
    ...roots.map((_, j): [Sql, Sql] => {
      const members = themes.map((_, i) => i).filter((i) => rootOf[i] === j);
      return [indexed('r', j), sql`max(1) FILTER (WHERE t.theme_id IN (${join(members.map(theme))}))`];
    }),
  ];
  const layout = { table: `temp.${name}`, themes, roots, rootOf, source };
  if (reusable(db, name, source, themes)) return layout;
  const target = table(layout.table);
  ownWrites(db, () => {
    db.exec(sql`DROP TABLE IF EXISTS ${target}`.text);
    db.exec(sql`CREATE TABLE ${target} (k TEXT PRIMARY KEY NOT NULL${join(cols.map(([c]) => sql`, ${c} INTEGER`), empty)}) WITHOUT ROWID`.text);
    if (themes.length > 0) {
      db.prepare(
        sql`INSERT INTO ${target}
            SELECT t.symbol_key AS k${join(cols.map(([c, e]) => sql`, ${e} AS ${c}`), empty)}
            FROM ${table(source)} t WHERE t.weight_bp > 0 AND t.theme_id IN (${join(themes.map((_, i) => theme(i)))})
            GROUP BY t.symbol_key`.text,
      ).run(params);
    }
  });
  built(db, name, source, themes);
  return layout;
}

/**
 * Tables built from the live tags are kept while no data changed (cache.ts) and the themes are
 * the same; tables built from a temp tag table (tags as of a date), or inside a transaction, are
 * built afresh every time.
 */
const signature = (db: Db, themes: readonly Theme[]) => `${dataStamp(db)}|${themes.map((t) => `${t.id}>${t.parentId ?? ''}`).join(',')}`;

function reusable(db: Db, name: string, source: TagTable, themes: readonly Theme[]): boolean {
  if (source !== 'tags' || db.inTransaction) return false;
  const exists = db.prepare("SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
  return exists && storeOf(db).builtTables.get(name) === signature(db, themes);
}

function built(db: Db, name: string, source: TagTable, themes: readonly Theme[]): void {
  const map = storeOf(db).builtTables;
  // Inside a transaction the build may yet be rolled back: not kept.
  if (source === 'tags' && !db.inTransaction) map.set(name, signature(db, themes));
  else map.delete(name);
}

const TAG_ROW_TABLES: Record<TagTable, string> = { tags: 'expo_t_live', 'temp.tags_from': 'expo_t_from', 'temp.tags_to': 'expo_t_to' };

/**
 * One row per positive tag of a theme in the layout: symbol, theme index (`ti`, as in the layout),
 * weight and source. For the views that list contributions one by one (top contributors).
 */
export function tagRowTable(db: Db, layout: WeightLayout, tagTable: TagTable = 'tags'): Sql {
  const source = checkTagTable(tagTable);
  const name = TAG_ROW_TABLES[source];
  const params: Record<string, string> = {};
  layout.themes.forEach((t, i) => (params[`t${i}`] = t.id));
  const target = table(`temp.${name}`);
  if (reusable(db, name, source, layout.themes)) return target;
  ownWrites(db, () => {
    db.exec(sql`DROP TABLE IF EXISTS ${target}`.text);
    db.exec(sql`CREATE TABLE ${target} (k TEXT NOT NULL, ti INTEGER NOT NULL, w INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (k, ti)) WITHOUT ROWID`.text);
    if (layout.themes.length > 0) {
      const index = join(layout.themes.map((_, i) => sql`WHEN ${indexed('@t', i)} THEN ${integer(i)}`), sql` `);
      db.prepare(
        sql`INSERT INTO ${target} SELECT t.symbol_key, CASE t.theme_id ${index} END AS ti, t.weight_bp, t.source
            FROM ${table(source)} t WHERE t.weight_bp > 0 AND ti IS NOT NULL`.text,
      ).run(params);
    }
  });
  built(db, name, source, layout.themes);
  return target;
}
