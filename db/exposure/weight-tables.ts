import type { Theme } from '../../shared/domain/types';
import type { Db } from '../connection';
import { storeOf } from '../store';
import { listThemes } from '../repos/themes';
import { dataStamp, ownWrites } from './cache';
import { FIELD_BITS, PER_PACK, packs } from './scan';
import { checkTagTable, type TagTable } from './tag-tables';

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
  /** The tag table the weights were read from (the scan thread builds the same table from it). */
  source: TagTable;
}

const WEIGHT_TABLES: Record<TagTable, string> = { tags: 'expo_w_live', 'temp.tags_from': 'expo_w_from', 'temp.tags_to': 'expo_w_to' };

/**
 * Fills a temp table with one row per tagged symbol: its weight (bp) in each theme as a column
 * (`w{i}`, NULL where untagged), a 1 per top-level theme it counts in (`r{j}`), and the packed
 * count fields (`nb{q}` for themes, `rb{q}` for top-level themes). Built from the tag table in one
 * grouped read (a few milliseconds for thousands of tags), so a scan joins one row per position.
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
  const field = (i: number) => String(2 ** (FIELD_BITS * (i % PER_PACK)));
  const cols = [
    ...themes.map((_, i) => [`w${i}`, `sum(t.weight_bp) FILTER (WHERE t.theme_id = @t${i})`]),
    ...roots.map((_, j) => {
      const members = themes.map((_, i) => i).filter((i) => rootOf[i] === j);
      return [`r${j}`, `max(1) FILTER (WHERE t.theme_id IN (${members.map((i) => `@t${i}`).join(', ')}))`];
    }),
    ...Array.from({ length: packs(themes.length) }, (_, q) => {
      const members = themes.map((_, i) => i).filter((i) => Math.floor(i / PER_PACK) === q);
      return [`nb${q}`, `sum(CASE t.theme_id ${members.map((i) => `WHEN @t${i} THEN ${field(i)}`).join(' ')} END)`];
    }),
  ];
  const rootPacks = Array.from({ length: packs(roots.length) }, (_, q) => {
    const members = roots.map((_, j) => j).filter((j) => Math.floor(j / PER_PACK) === q);
    return [`rb${q}`, members.map((j) => `coalesce(r${j}, 0) * ${field(j)}`).join(' + ')];
  });
  const layout = { table: `temp.${name}`, themes, roots, rootOf, source };
  if (reusable(db, name, source, themes)) return layout;
  ownWrites(db, () => {
    db.exec(`DROP TABLE IF EXISTS temp.${name}`);
    db.exec(`CREATE TEMP TABLE ${name} (k TEXT PRIMARY KEY NOT NULL${[...cols, ...rootPacks].map(([c]) => `, ${c} INTEGER`).join('')}) WITHOUT ROWID`);
    if (themes.length > 0) {
      db.prepare(
        `INSERT INTO temp.${name} SELECT *${rootPacks.map(([, e]) => `, ${e}`).join('')} FROM (
           SELECT t.symbol_key AS k${cols.map(([c, e]) => `, ${e} AS ${c}`).join('')}
           FROM ${source} t WHERE t.weight_bp > 0 AND t.theme_id IN (${themes.map((_, i) => `@t${i}`).join(', ')})
           GROUP BY t.symbol_key)`,
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
export function tagRowTable(db: Db, layout: WeightLayout, tagTable: TagTable = 'tags'): string {
  const source = checkTagTable(tagTable);
  const name = TAG_ROW_TABLES[source];
  const params: Record<string, string> = {};
  layout.themes.forEach((t, i) => (params[`t${i}`] = t.id));
  if (reusable(db, name, source, layout.themes)) return `temp.${name}`;
  ownWrites(db, () => {
    db.exec(`DROP TABLE IF EXISTS temp.${name}`);
    db.exec(`CREATE TEMP TABLE ${name} (k TEXT NOT NULL, ti INTEGER NOT NULL, w INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (k, ti)) WITHOUT ROWID`);
    if (layout.themes.length > 0) {
      db.prepare(
        `INSERT INTO temp.${name} SELECT t.symbol_key, CASE t.theme_id ${layout.themes.map((_, i) => `WHEN @t${i} THEN ${i}`).join(' ')} END AS ti, t.weight_bp, t.source
         FROM ${source} t WHERE t.weight_bp > 0 AND ti IS NOT NULL`,
      ).run(params);
    }
  });
  built(db, name, source, layout.themes);
  return `temp.${name}`;
}
