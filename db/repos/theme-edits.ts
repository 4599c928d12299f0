import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { DEFAULT_THEMES } from '../../shared/domain/default-themes';
import type { Theme } from '../../shared/domain/types';
import type { Db } from '../connection';
import { getTheme, listThemes } from './themes';

/** "Space launch & satellites" -> "space-launch-satellites": a stable id from a name. */
export function themeIdFromName(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return id || 'theme';
}

const PALETTE = ['#0891b2', '#16a34a', '#db2777', '#ea580c', '#4f46e5', '#65a30d', '#c026d3', '#0d9488'];

/** A parent must exist, be top-level itself, and not be the theme; a theme with sub-themes stays top-level. */
function checkParent(db: Db, themeId: string | null, parentId: string | null | undefined): void {
  if (!parentId) return;
  const parent = getTheme(db, parentId);
  if (!parent) throw saidError('NOT_FOUND', ERROR_TEXT.parentGone, { themeId: parentId });
  if (parent.parentId) throw saidError('VALIDATION', ERROR_TEXT.subThemeDeep, { name: parent.name });
  if (themeId === parentId) throw saidError('VALIDATION', ERROR_TEXT.ownParent, {});
  if (themeId && listThemes(db).some((t) => t.parentId === themeId)) throw saidError('VALIDATION', ERROR_TEXT.hasSubThemes, {});
}

/** Adds a user theme; its id comes from the name (made unique), its color from a palette unless given. */
export function createTheme(
  db: Db,
  input: { name: string; pack?: string | undefined; color?: string | undefined; description?: string | undefined; parentId?: string | null | undefined },
): Theme {
  const name = input.name.trim();
  checkParent(db, null, input.parentId);
  if (listThemes(db).some((t) => t.name.toLowerCase() === name.toLowerCase())) {
    throw saidError('CONFLICT', ERROR_TEXT.themeExists, { name });
  }
  let id = themeIdFromName(name);
  for (let n = 2; getTheme(db, id); n++) id = `${themeIdFromName(name).slice(0, 44)}-${n}`;
  const count = listThemes(db).length;
  db.prepare('INSERT INTO themes (id, pack, name, color, description, sort_order, is_default, parent_id) VALUES (?, ?, ?, ?, ?, ?, 0, ?)').run(
    id,
    input.pack?.trim() || 'My themes',
    name,
    input.color ?? PALETTE[count % PALETTE.length],
    input.description?.trim() ?? '',
    ((db.prepare('SELECT max(sort_order) FROM themes').pluck().get() as number | null) ?? 0) + 1,
    input.parentId ?? null,
  );
  return getTheme(db, id) as Theme;
}

/** Renames, recolors, re-describes or moves a theme to another pack. */
export function updateTheme(
  db: Db,
  input: { id: string; name?: string | undefined; color?: string | undefined; description?: string | undefined; pack?: string | undefined; parentId?: string | null | undefined },
): Theme {
  const theme = getTheme(db, input.id);
  if (!theme) throw saidError('NOT_FOUND', ERROR_TEXT.themeGone, { themeId: input.id });
  if (input.parentId !== undefined) checkParent(db, theme.id, input.parentId);
  const name = input.name?.trim() ?? theme.name;
  if (name !== theme.name && listThemes(db).some((t) => t.id !== theme.id && t.name.toLowerCase() === name.toLowerCase())) {
    throw saidError('CONFLICT', ERROR_TEXT.themeExists, { name });
  }
  db.prepare('UPDATE themes SET name = ?, color = ?, description = ?, pack = ?, parent_id = ? WHERE id = ?').run(
    name,
    input.color ?? theme.color,
    input.description ?? theme.description,
    input.pack?.trim() || theme.pack,
    input.parentId === undefined ? (theme.parentId ?? null) : input.parentId,
    theme.id,
  );
  return getTheme(db, theme.id) as Theme;
}

/** Puts the themes in the given order (ids not listed keep their place after them). */
export function reorderThemes(db: Db, ids: readonly string[]): Theme[] {
  const all = listThemes(db);
  const known = new Set(all.map((t) => t.id));
  for (const id of ids) if (!known.has(id)) throw saidError('NOT_FOUND', ERROR_TEXT.themeGone, { themeId: id });
  const order = [...ids, ...all.map((t) => t.id).filter((id) => !ids.includes(id))];
  const set = db.prepare('UPDATE themes SET sort_order = ? WHERE id = ?');
  db.transaction(() => order.forEach((id, i) => set.run(i + 1, id)))();
  return listThemes(db);
}

/** Deletes a theme with its sub-themes and their tags (each recorded in the tag history), rules and targets; a default can be restored later. */
export function deleteTheme(db: Db, id: string, now: string): { deletedTags: number; deletedRules: number; deletedTargets: number; deletedSubThemes: string[] } {
  const theme = getTheme(db, id);
  if (!theme) throw saidError('NOT_FOUND', ERROR_TEXT.themeGone, { themeId: id });
  return db.transaction(() => {
    // Its sub-themes go with it (the schema cascades): each of their tags, too, goes into the history,
    // where before only the theme's own did; and what went is counted, so it can be said.
    const subs = db.prepare('SELECT id, name FROM themes WHERE parent_id = ? ORDER BY sort_order, name').all(id) as { id: string; name: string }[];
    const ids = [id, ...subs.map((t) => t.id)];
    const tagsOf = db.prepare('SELECT symbol_key, weight_bp FROM tags WHERE theme_id = ?');
    const event = db.prepare("INSERT INTO tag_events (symbol_key, theme_id, old_weight_bp, new_weight_bp, source, at) VALUES (?, ?, ?, NULL, 'manual', ?)");
    const count = (query: string) => {
      const st = db.prepare(query).pluck();
      return ids.reduce((n, themeId) => n + (st.get(themeId) as number), 0);
    };
    let deletedTags = 0;
    for (const themeId of ids) {
      for (const t of tagsOf.all(themeId) as { symbol_key: string; weight_bp: number }[]) {
        event.run(t.symbol_key, themeId, t.weight_bp, now);
        deletedTags++;
      }
    }
    const deletedRules = count('SELECT count(*) FROM rules WHERE theme_id = ?');
    const deletedTargets = count('SELECT count(*) FROM theme_targets WHERE theme_id = ?') + count('SELECT count(*) FROM client_targets WHERE theme_id = ?');
    const drop = db.prepare('DELETE FROM themes WHERE id = ?');
    for (const themeId of [...ids].reverse()) drop.run(themeId);
    return { deletedTags, deletedRules, deletedTargets, deletedSubThemes: subs.map((t) => t.name) };
  })();
}

/** Brings back any of the three default themes that were deleted, as they shipped. */
export function restoreDefaultThemes(db: Db): Theme[] {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO themes (id, pack, name, color, description, sort_order, is_default) VALUES (@id, @pack, @name, @color, @description, @sortOrder, 1)',
  );
  db.transaction(() => DEFAULT_THEMES.forEach((t) => insert.run(t)))();
  return listThemes(db);
}
