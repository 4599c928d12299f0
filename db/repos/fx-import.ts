import { basename } from 'node:path';
import type { FxRatesImport } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { FILE_TEXT, fileRefusal } from '../../shared/api/file-text';
import { parseRatesFile } from '../../shared/fx/rates-file';
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
  setFxRates(db, parsed.rates, file);
  const dates = parsed.rates.map((r) => r.asOf).sort();
  const latest = new Map<string, (typeof parsed.rates)[number]>();
  for (const r of parsed.rates) {
    const key = `${r.currency}/${r.quote}`;
    const held = latest.get(key);
    if (!held || r.asOf > held.asOf) latest.set(key, r);
  }
  return {
    file,
    layout: parsed.layout,
    imported: parsed.rates.length,
    skipped: parsed.skipped,
    firstDate: dates[0] as string,
    lastDate: dates.at(-1) as string,
    latest: [...latest.values()].map((r) => ({ currency: r.currency, quote: r.quote, rate: r.rate, asOf: r.asOf, source: file })),
  };
}
