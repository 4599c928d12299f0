import { basename } from 'node:path';
import type { FxRatesImport } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { FILE_TEXT, fileRefusal } from '../../shared/api/file-text';
import { pairDayKey, parseRatesFile } from '../../shared/fx/rates-file';
import type { Db } from '../connection';
import { readTextInput } from '../files/read-text-input';
import { setFxRates } from './fx';

/**
 * Imports a file of dated rates (`themelens fx import`, the app's "Import rates…"): every rate or,
 * when any cell cannot be read, none, with the line and column named. Each rate records the file it
 * came from; a rate already stored for the same pair and day is replaced by the file's.
 */
export function importFxRatesFile(db: Db, path: string, base: string | null): FxRatesImport {
  const file = basename(path);
  const parsed = parseRatesFile(readTextInput(path, 'rates'), base);
  if (!parsed.ok) {
    const where = `line ${parsed.line}${parsed.column ? `, column ${parsed.column}` : ''}`;
    throw new AppError('IMPORT_FATAL', `${file}, ${where}: ${parsed.message.replace(/\.$/, '')}. Nothing was imported.`, { file, line: parsed.line, ...(parsed.column ? { column: parsed.column } : {}) });
  }
  if (parsed.rates.length === 0) throw fileRefusal('IMPORT_FATAL', FILE_TEXT.noRates, { file });
  // One rate per pair and day (the file may say one twice, the same both times: rates-file.ts refuses two different).
  const rates = [...new Map(parsed.rates.map((r) => [pairDayKey(r), r])).values()];
  const replaced = ratesReplaced(db, rates);
  setFxRates(db, rates, file);
  const dates = rates.map((r) => r.asOf).sort();
  const latest = new Map<string, (typeof parsed.rates)[number]>();
  for (const r of rates) {
    const key = `${r.currency}/${r.quote}`;
    const held = latest.get(key);
    if (!held || r.asOf > held.asOf) latest.set(key, r);
  }
  return {
    file,
    layout: parsed.layout,
    imported: rates.length,
    replaced,
    skipped: parsed.skipped,
    firstDate: dates[0] as string,
    lastDate: dates.at(-1) as string,
    latest: [...latest.values()].map((r) => ({ currency: r.currency, quote: r.quote, rate: r.rate, asOf: r.asOf, source: file })),
  };
}

/** Said of rates replaced, at most: the rest are counted. */
const REPLACED_LISTED = 5;

/**
 * The stored rates a file's replace with another figure (either way round: a file's 1 USD = 0.5 EUR
 * replaces 1 EUR = 1.2 USD), which changes every snapshot valued with it: the import says them, where
 * it replaced them without a word. The same rate again, or its inverse to within rounding, is no change.
 */
function ratesReplaced(db: Db, rates: readonly { currency: string; quote: string; rate: string; asOf: string }[]): FxRatesImport['replaced'] {
  const stored = db.prepare('SELECT rate FROM fx_rates WHERE currency = ? AND quote = ? AND as_of = ?').pluck();
  const listed: FxRatesImport['replaced']['listed'] = [];
  let count = 0;
  for (const r of rates) {
    const same = stored.get(r.currency, r.quote, r.asOf) as string | undefined;
    const reverse = stored.get(r.quote, r.currency, r.asOf) as string | undefined;
    const now = Number(r.rate);
    const differs = same !== undefined ? Number(same) !== now : reverse !== undefined && Math.abs(now * Number(reverse) - 1) > 1e-4;
    if (!differs) continue;
    count++;
    if (listed.length < REPLACED_LISTED) listed.push({ asOf: r.asOf, was: same !== undefined ? `1 ${r.currency} = ${same} ${r.quote}` : `1 ${r.quote} = ${reverse} ${r.currency}`, now: `1 ${r.currency} = ${r.rate} ${r.quote}` });
  }
  return { count, listed };
}
