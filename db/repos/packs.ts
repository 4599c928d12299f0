import { basename } from 'node:path';
import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { AppError } from '../../shared/api/errors';
import { diffPacks, parsePack, type Pack, type PackImport, type PackTheme } from '../../shared/suggestions/pack';
import { STARTER_PACK, STARTER_SUGGESTIONS, STARTER_THEMES } from '../../shared/suggestions/suggestions';
import type { Db } from '../connection';
import { readTextInput } from '../files/read-text-input';
import { getPreference, setPreference } from './preference-values';
import { getTheme, listThemes } from './themes';

const KEY = 'pack.active';

/** The pack in use: one imported later than the app's own, if its version is higher; else the app's. */
export function activePack(db: Db): Pick<Pack, 'name' | 'version' | 'asOf' | 'suggestions' | 'themes'> {
  const stored = getPreference(db, KEY);
  const pack = stored ? (JSON.parse(stored) as Pack) : null;
  // A pack stored before sub-themes had no parent field: its themes are top-level.
  if (pack && pack.name === STARTER_PACK.name && pack.version > STARTER_PACK.version) return { ...pack, themes: pack.themes.map((t) => ({ ...t, parentId: t.parentId ?? null })) };
  return { name: STARTER_PACK.name, version: STARTER_PACK.version, asOf: STARTER_PACK.asOf, suggestions: [...STARTER_SUGGESTIONS], themes: [...STARTER_THEMES] };
}

type ActivePack = ReturnType<typeof activePack>;

/** Adds one of a pack's themes (a later project, or a sub-theme under its parent), after the user's own in the list. */
function insertPackTheme(db: Db, packName: string, t: PackTheme): void {
  db.prepare('INSERT INTO themes (id, pack, name, color, description, sort_order, is_default, parent_id) VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM themes), 0, ?)').run(
    t.id,
    packName,
    t.name,
    t.color,
    t.description,
    t.parentId,
  );
}

/**
 * The themes a pack's suggestions go to, read once per call site (a list of suggestions asks for
 * every one of them). `resolve`: an existing theme, or a sub-theme the pack declares whose parent
 * exists (a deleted parent takes its sub-themes' suggestions with it); null when there is none.
 * `ensure`: creates that sub-theme under its parent the first time it is needed; a theme of the
 * user's with the same name is never merged into: refused, with why.
 */
export function suggestionThemes(db: Db, pack: ActivePack = activePack(db)) {
  const declared = new Map(pack.themes.filter((t) => t.parentId !== null).map((t) => [t.id, t]));
  const resolve = (themeId: string): { id: string; name: string; parentId: string | null; exists: boolean } | null => {
    const existing = getTheme(db, themeId);
    if (existing) return { id: existing.id, name: existing.name, parentId: existing.parentId ?? null, exists: true };
    const sub = declared.get(themeId);
    const parent = sub?.parentId ? getTheme(db, sub.parentId) : null;
    return sub && parent && !parent.parentId ? { id: sub.id, name: sub.name, parentId: parent.id, exists: false } : null;
  };
  const ensure = (themeId: string): void => {
    const theme = resolve(themeId);
    if (!theme) throw saidError('NOT_FOUND', ERROR_TEXT.suggestionThemeGone, { themeId });
    if (theme.exists) return;
    const sub = declared.get(themeId) as PackTheme;
    if (listThemes(db).some((t) => t.name.toLowerCase() === sub.name.toLowerCase())) {
      throw saidError('CONFLICT', ERROR_TEXT.subThemeNameTaken, { name: sub.name });
    }
    insertPackTheme(db, pack.name, sub);
  };
  return { resolve, ensure };
}

/**
 * Reads a pack file and says what it changes against the pack in use; unless `dryRun`, makes it the
 * pack in use (with any themes it brings). Tags are never touched: a re-weighted suggestion the user
 * accepted is offered again at its new weight (db/repos/suggestions.ts).
 */
export function importPack(db: Db, path: string, dryRun: boolean): PackImport {
  let text: string;
  try {
    // Under the same limits as any file the user gives (size, text, line length).
    text = readTextInput(path, 'pack');
  } catch (err) {
    if (err instanceof AppError && err.code === 'IO') throw new AppError('NOT_FOUND', `${basename(path)} cannot be read: check that the file exists and that you may read it. Nothing was changed.`);
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('VALIDATION', `${basename(path)}: not a pack file (${(err as Error).message}). A pack is JSON: {"pack", "version", "asOf", "suggestions": [...]}.`);
  }
  let pack: Pack;
  try {
    pack = parsePack(json, basename(path));
  } catch (err) {
    throw new AppError('VALIDATION', `${(err as Error).message}. Nothing was changed.`);
  }
  const current = activePack(db);
  if (pack.name !== current.name) throw new AppError('VALIDATION', `${basename(path)} is the pack "${pack.name}"; the one in use is "${current.name}". Nothing was changed.`);
  if (pack.version <= current.version) throw new AppError('CONFLICT', `${basename(path)} is version ${pack.version}; version ${current.version} is already in use. Nothing was changed.`);
  // New top-level themes (later projects) are created now; sub-themes when their first suggestion is accepted.
  const themesAdded = pack.themes.filter((t) => t.parentId === null && !getTheme(db, t.id)).map((t) => t.id);
  const orphan = pack.themes.find((t) => t.parentId !== null && !getTheme(db, t.parentId) && !pack.themes.some((p) => p.id === t.parentId));
  if (orphan) throw new AppError('VALIDATION', `${basename(path)}: the sub-theme "${orphan.id}" goes under "${orphan.parentId}", a theme neither this database nor the pack has. Nothing was changed.`);
  const unknown = pack.suggestions.filter((s) => !getTheme(db, s.themeId) && !pack.themes.some((t) => t.id === s.themeId));
  const clash = pack.themes.find((t) => themesAdded.includes(t.id) && listThemes(db).some((x) => x.name.toLowerCase() === t.name.toLowerCase()));
  if (clash) throw new AppError('CONFLICT', `${basename(path)} brings the theme "${clash.name}", and a theme of that name already exists. Rename yours first. Nothing was changed.`);
  if (unknown.length > 0) throw new AppError('VALIDATION', `${basename(path)}: ${unknown[0]!.symbolKey} is suggested for "${unknown[0]!.themeId}", a theme neither this database nor the pack has. Nothing was changed.`);
  const result = { name: pack.name, version: pack.version, asOf: pack.asOf, fromVersion: current.version, diff: diffPacks(current.suggestions, pack.suggestions), themesAdded, applied: !dryRun };
  if (dryRun) return result;
  db.transaction(() => {
    // A pack's themes keep the ids its suggestions name.
    for (const t of pack.themes) if (themesAdded.includes(t.id)) insertPackTheme(db, pack.name, t);
    setPreference(db, KEY, JSON.stringify(pack));
  })();
  return result;
}
