import { basename } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { diffPacks, parsePack, type Pack, type PackImport } from '../../shared/suggestions/pack';
import { STARTER_PACK, STARTER_SUGGESTIONS, type Suggestion } from '../../shared/suggestions/suggestions';
import type { Db } from '../connection';
import { readTextInput } from '../files/read-text-input';
import { getPreference, setPreference } from './preference-values';
import { getTheme, listThemes } from './themes';

const KEY = 'pack.active';

/** The pack in use: one imported later than the app's own, if its version is higher; else the app's. */
export function activePack(db: Db): Pick<Pack, 'name' | 'version' | 'asOf' | 'suggestions'> {
  const stored = getPreference(db, KEY);
  const pack = stored ? (JSON.parse(stored) as Pack) : null;
  if (pack && pack.name === STARTER_PACK.name && pack.version > STARTER_PACK.version) return pack;
  return { name: STARTER_PACK.name, version: STARTER_PACK.version, asOf: STARTER_PACK.asOf, suggestions: [...STARTER_SUGGESTIONS] };
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
  const themesAdded = pack.themes.filter((t) => !getTheme(db, t.id)).map((t) => t.id);
  const unknown = pack.suggestions.filter((s) => !getTheme(db, s.themeId) && !pack.themes.some((t) => t.id === s.themeId));
  const clash = pack.themes.find((t) => themesAdded.includes(t.id) && listThemes(db).some((x) => x.name.toLowerCase() === t.name.toLowerCase()));
  if (clash) throw new AppError('CONFLICT', `${basename(path)} brings the theme "${clash.name}", and a theme of that name already exists. Rename yours first. Nothing was changed.`);
  if (unknown.length > 0) throw new AppError('VALIDATION', `${basename(path)}: ${unknown[0]!.symbolKey} is suggested for "${unknown[0]!.themeId}", a theme neither this database nor the pack has. Nothing was changed.`);
  const result = { name: pack.name, version: pack.version, asOf: pack.asOf, fromVersion: current.version, diff: diffPacks(current.suggestions, pack.suggestions), themesAdded, applied: !dryRun };
  if (dryRun) return result;
  db.transaction(() => {
    // A pack's themes keep the ids its suggestions name, after the user's own in the list.
    const add = db.prepare('INSERT INTO themes (id, pack, name, color, description, sort_order, is_default, parent_id) VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM themes), 0, NULL)');
    for (const t of pack.themes) if (!getTheme(db, t.id)) add.run(t.id, pack.name, t.name, t.color, t.description);
    setPreference(db, KEY, JSON.stringify(pack));
  })();
  return result;
}
