import type { Decimal } from '../money/decimal';
import { parseDecimal } from '../money/parse-number';
import { isIsoDate } from '../import/dates';
import { columnNamed, readSmallTable } from '../import/small-table';

/** One price read from a file: a symbol (or ISIN) at a price in a currency on a date. */
export interface PriceRow {
  /** Upper-case symbol or ISIN, as positions are keyed. */
  key: string;
  price: Decimal;
  priceText: string;
  currency: string;
  date: string;
  line: number;
}

export type PricesFileResult = { ok: true; prices: PriceRow[] } | { ok: false; line: number; column: number | null; message: string };

const KEY_HEADERS = ['symbol', 'ticker', 'isin', 'symbol/isin', 'code', 'security'];
const PRICE_HEADERS = ['price', 'close', 'close price', 'closing price', 'last', 'last price', 'market price', 'kurs', 'cours'];
const CURRENCY_HEADERS = ['currency', 'ccy', 'währung', 'devise'];
const DATE_HEADERS = ['date', 'as of', 'as_of', 'price date', 'datum'];

/**
 * Reads a prices file: a header naming a symbol (or ISIN) column, a price, a currency and a date
 * (`asOf` stands in for a missing date column). Every price must be a plain number greater than 0 and
 * every currency a three-letter code; any cell that is not is refused with its line and column, and
 * nothing is used: a wrong price would silently revalue a holding.
 */
export function parsePricesFile(text: string, asOf: string | null): PricesFileResult {
  const table = readSmallTable(text);
  if (!table.ok) return table;
  const rows = table.rows;
  const head = rows[0];
  if (!head) return { ok: false, line: 1, column: null, message: 'the file is empty' };
  const header = head.cells.map((c) => c.trim());
  const keyCol = columnNamed(header, KEY_HEADERS);
  const priceCol = columnNamed(header, PRICE_HEADERS);
  const currencyCol = columnNamed(header, CURRENCY_HEADERS);
  const dateCol = columnNamed(header, DATE_HEADERS);
  const need = [
    [keyCol, 'Symbol (or ISIN) column'],
    [priceCol, 'Price column'],
    [currencyCol, 'Currency column (a price without its currency cannot be used)'],
  ] as const;
  for (const [col, what] of need) if (col < 0) return { ok: false, line: head.line, column: null, message: `no ${what}: the first line should read symbol,price,currency,date` };
  if (dateCol < 0 && !asOf) return { ok: false, line: head.line, column: null, message: 'no Date column: add one, or give the date of every price with --as-of' };

  const prices: PriceRow[] = [];
  for (const row of rows.slice(1)) {
    const cell = (i: number) => (row.cells[i] ?? '').trim();
    const key = cell(keyCol).toUpperCase();
    if (key === '') return { ok: false, line: row.line, column: keyCol + 1, message: 'the symbol is empty' };
    const priceText = cell(priceCol);
    const parsed = parseDecimal(priceText, { decimal: '.' });
    if (!parsed.ok || parsed.percent || parsed.value.units <= 0n) {
      return { ok: false, line: row.line, column: priceCol + 1, message: `"${priceText}" is not a price: write a plain number greater than 0, e.g. 183.60` };
    }
    const currency = cell(currencyCol).toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return { ok: false, line: row.line, column: currencyCol + 1, message: `"${cell(currencyCol)}" is not a currency code such as USD` };
    const date = dateCol >= 0 ? cell(dateCol) : (asOf as string);
    if (!isIsoDate(date)) return { ok: false, line: row.line, column: dateCol + 1, message: `"${date}" is not a date: write it YYYY-MM-DD` };
    prices.push({ key, price: parsed.value, priceText, currency, date, line: row.line });
  }
  if (prices.length === 0) return { ok: false, line: head.line, column: null, message: 'the file holds no prices' };
  return { ok: true, prices };
}

/**
 * The price of each symbol to use as of `asOf`: the latest on or before it (prices after it are not
 * used); without `asOf`, the latest of all. Two different prices for one symbol on one day are refused.
 */
export function latestPrices(prices: readonly PriceRow[], asOf: string | null): { ok: true; byKey: Map<string, PriceRow> } | { ok: false; line: number; message: string } {
  const byKey = new Map<string, PriceRow>();
  for (const p of prices) {
    if (asOf && p.date > asOf) continue;
    const held = byKey.get(p.key);
    if (held && held.date === p.date && (held.priceText !== p.priceText || held.currency !== p.currency)) {
      return { ok: false, line: p.line, message: `a second price for ${p.key} on ${p.date} (line ${held.line} has ${held.priceText} ${held.currency}); keep one` };
    }
    if (!held || p.date > held.date) byKey.set(p.key, p);
  }
  return { ok: true, byKey };
}
