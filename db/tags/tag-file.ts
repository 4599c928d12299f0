import { readTextInput } from '../files/read-text-input';
import { basename, extname } from 'node:path';
import type { TagImportPreview } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { textCell } from '../../shared/report/csv-cells';
import { parseTagCsv, parseTagJson, TAG_CSV_HEADER, type TagFile } from '../../shared/tags/tag-file-format';
import { bpToFraction } from '../../shared/tags/weight';
import { TAG_FILE_TEXT, tagFileSaid } from '../../shared/tags/tag-file-text';
import type { Said } from '../../shared/text/fill';
import { isIsin } from '../../shared/securities/identifiers';
import { tickerId } from '../../shared/securities/market';
import type { Db } from '../connection';
import { canonicalKey } from '../securities/links';
import { keyForText, securityByIsin, securityByListing } from '../securities/keys';
import { applyTagChanges, isCashKey, listTags, normaliseSymbolKey } from '../repos/tags';
import { suggestionThemes } from '../repos/packs';
import { getTheme, listThemes } from '../repos/themes';
import { describeLocation } from '../import/import-errors';

/** The themes and tags as a file colleagues can import: JSON (with the themes) or CSV. */
export function exportTags(db: Db, format: 'json' | 'csv'): string {
  // Linked copies are not tags of their own: the security's tag travels, with its ISIN and market.
  const tags = listTags(db).filter((t) => t.source !== 'linked');
  const where = identity(db);
  if (format === 'json') {
    const themes = listThemes(db).map(({ id, name, color, description, pack, parentId }) => ({ id, name, color, description, pack, ...(parentId ? { parent: parentId } : {}) }));
    const rows = tags.map((t) => ({ symbol: where(t.symbolKey).symbol, isin: where(t.symbolKey).isin, exchange: where(t.symbolKey).exchange, theme: t.themeId, weight: Number(bpToFraction(t.weightBp)), rationale: t.rationale, source: t.sourceUrl }));
    return `${JSON.stringify({ format: 'themelens-tags', version: 2, themes, tags: rows }, null, 2)}\n`;
  }
  const lines = [TAG_CSV_HEADER.join(',')];
  for (const t of tags) {
    const w = where(t.symbolKey);
    lines.push([textCell(w.symbol), textCell(w.isin), textCell(w.exchange), t.themeId, bpToFraction(t.weightBp), textCell(t.rationale), textCell(t.sourceUrl)].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

type TagImportRow = TagImportPreview['rows'][number];

/** A key's ticker, ISIN and market as the master knows them ("XTKS:9984" is 9984 on XTKS). */
function identity(db: Db): (key: string) => { symbol: string; isin: string | null; exchange: string | null } {
  const isin = db.prepare("SELECT value FROM security_identifiers WHERE security_key = ? AND kind = 'isin'").pluck();
  const ticker = db.prepare("SELECT value FROM security_identifiers WHERE security_key = ? AND kind = 'ticker' ORDER BY source = 'reference' DESC, value LIMIT 1").pluck();
  return (key) => {
    const t = ticker.get(key) as string | undefined;
    const cut = t ? t.indexOf(':') : -1;
    return { symbol: t ? t.slice(cut + 1) : key, isin: (isin.get(key) as string | undefined) ?? null, exchange: t ? t.slice(0, cut) : null };
  };
}

/**
 * The security a tag file's tag is for: by its ISIN when it has one, else by ticker on its exchange,
 * else (files before version 2) by the symbol as tag takes it. An ISIN and a ticker that name two
 * securities, or an ISIN whose check digit fails, make the row a conflict: never applied.
 */
function fileTagKey(db: Db, t: { symbol: string; isin: string | null; exchange: string | null }): { key: string } | { conflict: Said } {
  if (t.isin !== null && !isIsin(t.isin)) return { conflict: tagFileSaid(TAG_FILE_TEXT.badIsin, { isin: t.isin }) };
  const byIsin = t.isin ? securityByIsin(db, t.isin) : undefined;
  const byTicker = t.exchange ? securityByListing(db, tickerId(t.exchange, t.symbol)) : undefined;
  if (byIsin && byTicker && byIsin !== byTicker) return { conflict: tagFileSaid(TAG_FILE_TEXT.isinElsewhere, { symbol: t.symbol, exchange: t.exchange ?? '', byTicker, isin: t.isin ?? '', byIsin }) };
  try {
    const key = byIsin ?? byTicker ?? (t.exchange ? (t.exchange === 'US' ? normaliseSymbolKey(t.symbol) : tickerId(t.exchange, t.symbol)) : keyForText(db, t.symbol));
    return { key: canonicalKey(db, key) };
  } catch (err) {
    // The security layer's own refusal (an ambiguous ticker), in its English.
    return { conflict: { message: (err as Error).message } };
  }
}

function readTagFile(path: string): TagFile {
  const text = readTextInput(path, 'tags');
  return extname(path).toLowerCase() === '.json' || text.trimStart().startsWith('{') ? parseTagJson(text) : parseTagCsv(text);
}

/**
 * What importing a tag file would change, written nowhere: each tag is new, the same, a
 * change of weight, or a conflict (unknown theme, or the symbol would go over 100%).
 */
export function previewTagImport(db: Db, path: string): TagImportPreview {
  return previewOf(db, basename(path), readTagFile(path));
}

/** The preview of a file already read: importTags applies exactly the file it previewed. */
function previewOf(db: Db, name: string, file: TagFile): TagImportPreview {
  const themeIds = new Set(listThemes(db).map((t) => t.id));
  // A theme the file brings, or a sub-theme of the pack in use that a tag names (created on import, under its theme).
  const packThemes = suggestionThemes(db);
  const fromPack = [...new Set(file.tags.map((t) => t.themeId))].filter((id) => !themeIds.has(id) && !file.themes.some((t) => t.id === id) && packThemes.resolve(id));
  const newThemes = [...file.themes.filter((t) => !themeIds.has(t.id)).map((t) => t.id), ...fromPack];
  const available = new Set([...themeIds, ...newThemes]);
  // Final weights per symbol after the import, to check the 100% cap the way the import will.
  const weights = new Map<string, Map<string, number>>();
  // Tags set by hand: an import never changes them (their source stays "manual", so rules leave them alone too).
  const byHand = new Set<string>();
  for (const t of listTags(db)) {
    if (t.source === 'linked') continue;
    const m = weights.get(t.symbolKey) ?? new Map<string, number>();
    m.set(t.themeId, t.weightBp);
    weights.set(t.symbolKey, m);
    if (t.source === 'manual') byHand.add(`${t.symbolKey}\u0000${t.themeId}`);
  }
  // Where each security's tag for a theme was first given: a second row for it is a conflict (the
  // last row silently won, where the rates and prices files refuse the same duplicate).
  const firstLine = new Map<string, number>();
  // Each row's security's theme weights as they stand after it, in file order, for blaming the row
  // that takes a security over 100% (not the security's first row).
  const totalAfter: number[] = [];
  const rows: TagImportRow[] = file.tags.map((t) => {
    const found = fileTagKey(db, t);
    if ('conflict' in found) {
      totalAfter.push(0);
      return { line: t.line, symbolKey: normaliseSymbolKey(t.symbol), themeId: t.themeId, oldWeightBp: null, newWeightBp: t.weightBp, status: 'conflict' as const, ...found.conflict };
    }
    const key = found.key;
    const m = weights.get(key) ?? new Map<string, number>();
    weights.set(key, m);
    const old = m.get(t.themeId) ?? null;
    m.set(t.themeId, t.weightBp);
    totalAfter.push([...m.values()].reduce((a, b) => a + b, 0));
    const base = { line: t.line, symbolKey: key, themeId: t.themeId, oldWeightBp: old, newWeightBp: t.weightBp };
    const pair = `${key}\u0000${t.themeId}`;
    const first = firstLine.get(pair);
    if (first !== undefined) return { ...base, status: 'conflict' as const, ...tagFileSaid(TAG_FILE_TEXT.twice, { key, theme: t.themeId, first: String(first) }) };
    firstLine.set(pair, t.line);
    if (!available.has(t.themeId)) return { ...base, status: 'conflict' as const, ...tagFileSaid(TAG_FILE_TEXT.noTheme, { theme: t.themeId }) };
    // As applyTagChanges refuses it (repos/tags.ts), said on its line.
    if (isCashKey(key) && t.weightBp > 0) return { ...base, status: 'conflict' as const, ...tagFileSaid(TAG_FILE_TEXT.cash, { key }) };
    if (old !== null && old !== t.weightBp && byHand.has(`${key}\u0000${t.themeId}`)) {
      return { ...base, status: 'conflict' as const, ...tagFileSaid(TAG_FILE_TEXT.taggedByHand, { key, theme: t.themeId, old: String(old / 100), new: String(t.weightBp / 100) }) };
    }
    return { ...base, status: old === null ? ('new' as const) : old === t.weightBp ? ('same' as const) : ('changed' as const), message: null };
  });
  // A security over 100% in the end: its rows from the one after which it stays over 100% are the
  // conflicts (the row that pushed it over, and any after), not its rows that fitted.
  // Walked from the end (a tag file may hold 30,000 rows): where each security's run over 100% starts.
  const overFrom = new Map<string, number>();
  const fitsLater = new Set<string>();
  for (let j = rows.length - 1; j >= 0; j--) {
    const r = rows[j] as TagImportRow;
    if (r.status === 'conflict' || fitsLater.has(r.symbolKey)) continue;
    if ((totalAfter[j] as number) > 10_000) overFrom.set(r.symbolKey, j);
    else fitsLater.add(r.symbolKey);
  }
  rows.forEach((r, i) => {
    const total = [...(weights.get(r.symbolKey)?.values() ?? [])].reduce((a, b) => a + b, 0);
    if (r.status === 'conflict' || total <= 10_000) return;
    if (i >= (overFrom.get(r.symbolKey) ?? 0)) Object.assign(r, { status: 'conflict' }, tagFileSaid(TAG_FILE_TEXT.over100, { key: r.symbolKey, total: (total / 100).toFixed(2).replace(/\.?0+$/, '') }));
  });
  const counts = { new: 0, same: 0, changed: 0, conflict: 0 };
  for (const r of rows) counts[r.status]++;
  return { file: name, newThemes, rows, errors: file.errors, counts };
}

/** Imports a tag file in one transaction; refused as a whole while it has errors or conflicts. */
export function importTags(db: Db, path: string, now: string): TagImportPreview {
  // Read once: the rows applied are the rows previewed, matched by place (a file read twice could
  // change in between, and a row would take another row's security).
  const file = readTagFile(path);
  const preview = previewOf(db, basename(path), file);
  const first = preview.errors[0] ?? null;
  if (first) throw new AppError('IMPORT_INVALID_ROWS', `${describeLocation(preview.file, first.line, first.column, first.header)}: ${first.message} Nothing was imported.`, { issues: preview.errors });
  const conflict = preview.rows.find((r) => r.status === 'conflict');
  if (conflict) throw new AppError('CONFLICT', `${preview.file} line ${conflict.line}: ${conflict.message} Nothing was imported.`, { conflicts: preview.rows.filter((r) => r.status === 'conflict') });
  db.transaction(() => {
    const insertTheme = db.prepare('INSERT INTO themes (id, pack, name, color, description, sort_order, is_default, parent_id) VALUES (?, ?, ?, ?, ?, ?, 0, ?)');
    // Top-level themes first, so a sub-theme finds its parent; one whose parent is not here (deleted,
    // or itself a sub-theme here) comes in top-level: its own figures are the same, it only does not roll up.
    for (const t of [...file.themes].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null))) {
      if (getTheme(db, t.id)) continue;
      const parent = t.parentId ? getTheme(db, t.parentId) : null;
      const order = ((db.prepare('SELECT max(sort_order) FROM themes').pluck().get() as number | null) ?? 0) + 1;
      insertTheme.run(t.id, t.pack, t.name, t.color, t.description, order, parent && !parent.parentId ? parent.id : null);
    }
    const packThemes = suggestionThemes(db);
    for (const id of new Set(file.tags.map((t) => t.themeId))) if (!getTheme(db, id)) packThemes.ensure(id);
    // Shrinking tags first, so they make room before others grow (the final state fits: previewed).
    const old = new Map(preview.rows.map((r) => [`${r.symbolKey}\u0000${r.themeId}`, r.oldWeightBp ?? 0]));
    const keyOf = new Map(file.tags.map((t, i) => [t, preview.rows[i]!.symbolKey]));
    const delta = (t: (typeof file.tags)[number]) => t.weightBp - (old.get(`${keyOf.get(t)}\u0000${t.themeId}`) ?? 0);
    // A row at the weight already there changes nothing, not even the tag's source.
    const same = new Set(preview.rows.filter((r) => r.status === 'same').map((r) => `${r.symbolKey}\u0000${r.themeId}`));
    const ordered = [...file.tags].filter((t) => !same.has(`${keyOf.get(t)}\u0000${t.themeId}`)).sort((a, b) => delta(a) - delta(b));
    // One bulk edit, its statements prepared once, under the keys the preview resolved (as it showed
    // them). Tag by tag through setTag, each row resolved its key again and prepared its statements
    // again: 30,000 tags took 5.6 s.
    applyTagChanges(
      db,
      ordered.map((t) => ({ symbolKey: keyOf.get(t) as string, themeId: t.themeId, weightBp: t.weightBp, source: 'imported' as const, rationale: t.rationale ?? undefined, sourceUrl: t.sourceUrl ?? undefined })),
      now,
    );
  })();
  return preview;
}
