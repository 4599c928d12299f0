import { basename } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { diffPacks, parsePack, type Pack, type PackImport, type PackTheme } from '../../shared/suggestions/pack';
import { STARTER_PACK, STARTER_SUGGESTIONS, STARTER_THEMES, type Suggestion } from '../../shared/suggestions/suggestions';
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

/**
 * The theme a suggestion of the pack in use goes to, as it is or would be: an existing theme, or a
 * sub-theme the pack declares whose parent exists (a deleted parent takes its sub-themes' suggestions
 * with it). Null when there is none.
 */
export function suggestionTheme(db: Db, themeId: string): { id: string; name: string; parentId: string | null; exists: boolean } | null {
  const existing = getTheme(db, themeId);
  if (existing) return { id: existing.id, name: existing.name, parentId: existing.parentId ?? null, exists: true };
  const declared = activePack(db).themes.find((t) => t.id === themeId && t.parentId !== null);
  const parent = declared?.parentId ? getTheme(db, declared.parentId) : null;
  return declared && parent && !parent.parentId ? { id: declared.id, name: declared.name, parentId: parent.id, exists: false } : null;
}

/**
 * Creates the pack's sub-theme a suggestion goes to, under its parent, the first time one is accepted.
 * A theme of the user's with the same name is never merged into: the accept is refused, with why.
 */
export function ensureSuggestionTheme(db: Db, themeId: string): void {
  const theme = suggestionTheme(db, themeId);
  if (!theme) throw new AppError('NOT_FOUND', `There is no theme "${themeId}" for this suggestion: its theme was deleted.`);
  if (theme.exists) return;
  const declared = activePack(db).themes.find((t) => t.id === themeId) as PackTheme;
  if (listThemes(db).some((t) => t.name.toLowerCase() === declared.name.toLowerCase())) {
    throw new AppError('CONFLICT', `The pack's sub-theme "${declared.name}" has the name of a theme you already have. Rename yours first.`);
  }
  db.prepare('INSERT INTO themes (id, pack, name, color, description, sort_order, is_default, parent_id) VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM themes), 0, ?)').run(
    declared.id,
    activePack(db).name,
    declared.name,
    declared.color,
    declared.description,
    declared.parentId,
  );
}

export const activeSuggestions = (db: Db): readonly Suggestion[] => activePack(db).suggestions;

/**
 * Reads a pack file and says what it changes against the pack in use; unless `dryRun`, makes it the
 * pack in use (with any themes it brings). Tags are never touched: a re-weighted suggestion the user
 * accepted is offered again at its new weight (db/repos/suggestions.ts).
 */
export function importPack(db: Db, path: string, dryRun: boolean): PackImport {
  let text: string;
  try {
    // Under the same limits as any file the user gives (size, text, line length).
    text = readTextInput(path, 'pack file');
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
    // A pack's themes keep the ids its suggestions name, after the user's own in the list.
    const add = db.prepare('INSERT INTO themes (id, pack, name, color, description, sort_order, is_default, parent_id) VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM themes), 0, NULL)');
    for (const t of pack.themes) if (themesAdded.includes(t.id)) add.run(t.id, pack.name, t.name, t.color, t.description);
    setPreference(db, KEY, JSON.stringify(pack));
  })();
  return result;
}
