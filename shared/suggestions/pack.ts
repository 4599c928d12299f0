/**
 * A suggestion pack as a versioned file (the shape of us-japan-2026.json): validated before it is
 * used, and compared with the pack in use so an update says what it adds, removes and re-weights.
 */
import { isinCheckDigit } from '../securities/identifiers';
import { listingKey, type Suggestion } from './suggestions';

export interface PackTheme {
  id: string;
  name: string;
  color: string;
  description: string;
  /**
   * The theme it rolls up into, when it is a sub-theme ("parent" in the file). A sub-theme is created
   * when its first suggestion is accepted, so screens and reports list only sub-themes that hold something.
   */
  parentId: string | null;
}

export interface Pack {
  name: string;
  version: number;
  asOf: string;
  suggestions: Suggestion[];
  /** Themes the pack brings: later projects of the program (created on import) and sub-themes. */
  themes: PackTheme[];
}

export interface PackDiff {
  added: Suggestion[];
  removed: Suggestion[];
  reweighted: { suggestion: Suggestion; fromBp: number }[];
}

/** What importing a pack file changes (or would, in a dry run). */
export interface PackImport {
  name: string;
  version: number;
  asOf: string;
  fromVersion: number;
  diff: PackDiff;
  themesAdded: string[];
  applied: boolean;
}

const EXCHANGES = ['XNAS', 'XNYS', 'XTKS', 'XLON', 'XPAR', 'XAMS', 'XETR', 'XMIL', 'XTSE', 'XHKG', 'XKRX', 'XASX', 'XSWX'];

/** Reads a pack file's JSON; every problem names where it is (the entry and the field) and what is expected. */
export function parsePack(json: unknown, file: string): Pack {
  const fail = (where: string, what: string): never => {
    throw new Error(`${file}: ${where}: ${what}`);
  };
  if (typeof json !== 'object' || json === null) return fail('the file', 'is not a JSON object');
  const o = json as Record<string, unknown>;
  const str = (v: unknown, where: string): string => (typeof v === 'string' && v.trim() !== '' ? v.trim() : fail(where, 'must be a non-empty text'));
  const name = str(o['pack'], '"pack"');
  const version = Number.isInteger(o['version']) && (o['version'] as number) > 0 ? (o['version'] as number) : fail('"version"', 'must be a whole number above 0');
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(String(o['asOf'])) ? String(o['asOf']) : fail('"asOf"', 'must be a date YYYY-MM-DD');
  if (!Array.isArray(o['suggestions'])) return fail('"suggestions"', 'must be a list');
  const seen = new Set<string>();
  const suggestions = (o['suggestions'] as unknown[]).map((raw, i): Suggestion => {
    const at = `suggestion ${i + 1}`;
    if (typeof raw !== 'object' || raw === null) return fail(at, 'is not an object');
    const s = raw as Record<string, unknown>;
    const symbol = str(s['symbol'], `${at} "symbol"`);
    const exchange = str(s['exchange'], `${at} "exchange"`);
    if (!EXCHANGES.includes(exchange)) fail(`${at} "exchange"`, `"${exchange}" is not one of ${EXCHANGES.join(', ')}`);
    const isin = str(s['isin'], `${at} "isin"`);
    if (!/^[A-Z]{2}[A-Z0-9]{9}\d$/.test(isin) || isinCheckDigit(isin.slice(0, 11)) !== Number(isin[11])) fail(`${at} "isin"`, `${isin} is not a valid ISIN (check digit)`);
    const weight = s['weight'];
    if (typeof weight !== 'number' || !(weight > 0 && weight <= 1)) fail(`${at} "weight"`, 'must be a number above 0, at most 1');
    const source = str(s['source'], `${at} "source"`);
    if (!/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//i.test(source)) fail(`${at} "source"`, 'must be an https address');
    const asOfEntry = /^\d{4}-\d{2}-\d{2}$/.test(String(s['asOf'])) ? String(s['asOf']) : fail(`${at} "asOf"`, 'must be a date YYYY-MM-DD');
    const themeId = str(s['theme'], `${at} "theme"`);
    const symbolKey = listingKey(exchange, symbol);
    if (seen.has(`${symbolKey}\u0000${themeId}`)) fail(at, `${symbolKey} is suggested for ${themeId} twice`);
    seen.add(`${symbolKey}\u0000${themeId}`);
    return {
      symbolKey,
      symbol,
      exchange,
      isin,
      name: str(s['name'], `${at} "name"`),
      themeId,
      weightBp: Math.round((weight as number) * 10_000),
      rationale: str(s['rationale'], `${at} "rationale"`),
      source,
      asOf: asOfEntry,
    };
  });
  const themes = Array.isArray(o['themes'])
    ? (o['themes'] as unknown[]).map((raw, i): PackTheme => {
        const t = (raw ?? {}) as Record<string, unknown>;
        const at = `theme ${i + 1}`;
        const color = str(t['color'], `${at} "color"`);
        if (!/^#[0-9a-fA-F]{6}$/.test(color)) fail(`${at} "color"`, 'must be #rrggbb');
        const parentId = t['parent'] === undefined ? null : str(t['parent'], `${at} "parent"`);
        return { id: str(t['id'], `${at} "id"`), name: str(t['name'], `${at} "name"`), color, description: typeof t['description'] === 'string' ? t['description'] : '', parentId };
      })
    : [];
  // Sub-themes go one level deep, as in the app: a parent is never itself a sub-theme of the pack.
  const nested = themes.find((t) => t.parentId !== null && themes.some((p) => p.id === t.parentId && p.parentId !== null));
  if (nested) fail(`theme "${nested.id}" "parent"`, `"${nested.parentId}" is itself a sub-theme; sub-themes go one level deep`);
  return { name, version, asOf, suggestions, themes };
}

const keyOf = (s: Suggestion) => `${s.symbolKey}\u0000${s.themeId}`;

/** What a newer pack adds, removes and re-weights against the one in use. */
export function diffPacks(current: readonly Suggestion[], next: readonly Suggestion[]): PackDiff {
  const before = new Map(current.map((s) => [keyOf(s), s]));
  const after = new Map(next.map((s) => [keyOf(s), s]));
  return {
    added: next.filter((s) => !before.has(keyOf(s))),
    removed: current.filter((s) => !after.has(keyOf(s))),
    reweighted: next.flatMap((s) => {
      const old = before.get(keyOf(s));
      return old && old.weightBp !== s.weightBp ? [{ suggestion: s, fromBp: old.weightBp }] : [];
    }),
  };
}
