import { isIsoDate } from '../import/dates';
import { columnNamed, readSmallTable } from '../import/small-table';
import { rateProblem } from './rate-text';

/** One dated rate read from a file: 1 `currency` = `rate` `quote` on `asOf`. */
export interface DatedRate {
  currency: string;
  quote: string;
  rate: string;
  asOf: string;
  line: number;
}

export type RatesFileResult =
  | { ok: true; layout: 'long' | 'wide'; rates: DatedRate[]; skipped: number }
  | { ok: false; line: number; column: number | null; message: string };

const CODE = /^[A-Z]{3}$/;
const DATE_HEADERS = ['date', 'as of', 'as_of', 'asof', 'time_period', 'time period'];
const CURRENCY_HEADERS = ['currency', 'ccy', 'from'];
const RATE_HEADERS = ['rate', 'obs_value', 'value'];
const BASE_HEADERS = ['base', 'quote', 'to'];
/** How a central bank marks a day without a rate (a discontinued currency, a holiday). */
const NO_RATE = /^(|n\/a|na|-|—|\.)$/i;

/**
 * Reads a file of exchange rates in one of two layouts:
 * - long: a header with date, currency, rate and optionally base; each row says 1 currency = rate base
 *   (the `themelens fx` convention). Without a base column, `base` applies to every row.
 * - wide: a central bank's reference-rate download (the ECB's eurofxref-hist.csv): a Date column, then
 *   one column per currency; each cell says 1 base = cell currency (1 EUR = 1.0845 USD), as the bank
 *   publishes it. Cells such as "N/A" (no rate that day) are skipped and counted.
 * Any other unreadable cell refuses the whole file, naming its line and column: a rate must never be guessed.
 */
export function parseRatesFile(text: string, base: string | null): RatesFileResult {
  const table = readSmallTable(text);
  if (!table.ok) return table;
  const body = table.rows;
  const headerRow = body[0];
  if (!headerRow) return { ok: false, line: 1, column: null, message: 'the file is empty' };
  const header = headerRow.cells.map((c) => c.trim());
  const dateCol = columnNamed(header, DATE_HEADERS);
  if (dateCol < 0) return { ok: false, line: headerRow.line, column: null, message: 'no Date column: the first line should name the columns, e.g. date,currency,rate,base' };
  const currencyCol = columnNamed(header, CURRENCY_HEADERS);
  const rateCol = columnNamed(header, RATE_HEADERS);
  const baseCol = columnNamed(header, BASE_HEADERS);
  const rates: DatedRate[] = [];
  let skipped = 0;

  if (currencyCol >= 0 && rateCol >= 0) {
    if (baseCol < 0 && !base) return { ok: false, line: headerRow.line, column: null, message: 'no base column: say which currency the rates are in with --base, e.g. --base USD' };
    for (const row of body.slice(1)) {
      const cell = (i: number) => (row.cells[i] ?? '').trim();
      const asOf = cell(dateCol);
      if (!isIsoDate(asOf)) return { ok: false, line: row.line, column: dateCol + 1, message: `"${asOf}" is not a date: write it YYYY-MM-DD` };
      const currency = cell(currencyCol).toUpperCase();
      if (!CODE.test(currency)) return { ok: false, line: row.line, column: currencyCol + 1, message: `"${cell(currencyCol)}" is not a currency code such as EUR` };
      const quote = baseCol >= 0 ? cell(baseCol).toUpperCase() : (base as string);
      if (!CODE.test(quote)) return { ok: false, line: row.line, column: baseCol + 1, message: `"${cell(baseCol)}" is not a currency code such as USD` };
      if (quote === currency) return { ok: false, line: row.line, column: currencyCol + 1, message: `a rate from ${currency} to itself` };
      const problem = rateProblem(cell(rateCol));
      if (problem) return { ok: false, line: row.line, column: rateCol + 1, message: problem };
      rates.push({ currency, quote, rate: cell(rateCol), asOf, line: row.line });
    }
    return conflictsChecked({ ok: true, layout: 'long', rates, skipped });
  }

  // Wide: every other named column must be a currency code, so a file of another shape is refused
  // rather than read as rates.
  const quoteCols = header.map((h, i) => ({ code: h.toUpperCase(), i })).filter((c) => c.i !== dateCol && c.code !== '');
  const notCodes = quoteCols.filter((c) => !CODE.test(c.code));
  if (quoteCols.length === 0 || notCodes.length > 0) {
    return {
      ok: false,
      line: headerRow.line,
      column: notCodes[0] ? notCodes[0].i + 1 : null,
      message: 'the columns are neither date,currency,rate[,base] nor Date followed by currency codes (a central bank reference-rate file)',
    };
  }
  const from = base ?? 'EUR';
  for (const row of body.slice(1)) {
    const asOf = (row.cells[dateCol] ?? '').trim();
    if (!isIsoDate(asOf)) return { ok: false, line: row.line, column: dateCol + 1, message: `"${asOf}" is not a date: write it YYYY-MM-DD` };
    for (const c of quoteCols) {
      const text = (row.cells[c.i] ?? '').trim();
      if (NO_RATE.test(text)) {
        skipped += 1;
        continue;
      }
      if (c.code === from) continue;
      const problem = rateProblem(text);
      if (problem) return { ok: false, line: row.line, column: c.i + 1, message: problem };
      rates.push({ currency: from, quote: c.code, rate: text, asOf, line: row.line });
    }
  }
  return conflictsChecked({ ok: true, layout: 'wide', rates, skipped });
}

/** One pair on one day, either way round ("EUR/USD@2026-11-01"): where a file may hold one rate. */
export const pairDayKey = (r: { currency: string; quote: string; asOf: string }): string => [r.currency, r.quote].sort().join('/') + `@${r.asOf}`;

/** Two different rates for one pair on one day (either way round) cannot both be right: refused. */
function conflictsChecked(result: RatesFileResult & { ok: true }): RatesFileResult {
  const seen = new Map<string, DatedRate>();
  for (const r of result.rates) {
    const key = pairDayKey(r);
    const before = seen.get(key);
    if (before && !(before.currency === r.currency && Number(before.rate) === Number(r.rate))) {
      return { ok: false, line: r.line, column: null, message: `a second rate for ${key.replace('@', ' on ')} (line ${before.line} has 1 ${before.currency} = ${before.rate} ${before.quote}); keep one` };
    }
    seen.set(key, r);
  }
  return result;
}
