import { decimalToString, parseDecimal } from '../money/parse-number';
import { CsvReader } from '../import/tokenize';
import type { RowIssue } from '../import/types';
import { isIsin } from '../securities/identifiers';
import { isinFromFundCusip, tickerKey } from './fund-identifiers';
import { FUND_ROW_TEXT } from '../api/error-text';
import { said } from '../text/fill';

/** One constituent of a fund, weight in parts per million of the fund (6.83% -> 68300). */
export interface FundConstituent {
  line: number;
  key: string;
  name: string;
  weightPpm: number;
  /** When the file gives both: the constituent's ticker, ISIN and trading currency. */
  ticker?: string;
  isin?: string;
  currency?: string;
}

export interface FundHoldings {
  asOf: string | null;
  constituents: FundConstituent[];
  errors: RowIssue[];
}

/** A cell as the parser reads it: "-" (or "--") is empty, as iShares writes a missing value. */
const dash = (c: string | undefined): string => (c === undefined || /^-+$/.test(c) ? '' : c);

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** "as of Nov 21, 2026", "As of 11/21/2026", "2026-11-21": the holdings date written above the table. */
export function findAsOf(text: string): string | null {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const named = /\b([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})\b/.exec(text);
  if (named && MONTHS[named[1]!.toLowerCase()]) return `${named[3]}-${MONTHS[named[1]!.toLowerCase()]}-${named[2]!.padStart(2, '0')}`;
  // SPDR: "As of 21-Nov-2026".
  const dmy = /\b(\d{1,2})-([A-Za-z]{3})-(\d{4})\b/.exec(text);
  if (dmy && MONTHS[dmy[2]!.toLowerCase()]) return `${dmy[3]}-${MONTHS[dmy[2]!.toLowerCase()]}-${dmy[1]!.padStart(2, '0')}`;
  const us = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return null;
}

/**
 * Reads an ETF issuer's holdings file (iShares, SPDR, Invesco, Global X): fund information lines,
 * then a header with Ticker (or Symbol/ISIN) and Weight (%), then constituents until a blank line
 * or the disclaimers (which also ends an iShares file that repeats its table). Cash and derivatives
 * lines without a ticker are kept under their name; "-" is an empty cell, as iShares writes one.
 * Each constituent carries the ISIN its identifier columns give (ISIN, or a CUSIP with or without
 * its check digit), which the import matches first; tickers in Bloomberg form become listing keys.
 */
export function parseFundHoldings(text: string): FundHoldings {
  const clean = text.replace(/^\uFEFF/, '');
  const delimiter = clean.split('\n', 20).some((l) => l.split(';').length > l.split(',').length) ? ';' : ',';
  const reader = new CsvReader(clean, delimiter);
  const errors: RowIssue[] = [];
  const constituents: FundConstituent[] = [];
  let asOf: string | null = null;
  let header: string[] | null = null;
  let ticker = -1;
  let isin = -1;
  let name = -1;
  let weight = -1;
  let currency = -1;
  let cusip = -1;
  for (let row = reader.next(); row; row = reader.next()) {
    const cells = row.cells.map((c) => c.trim());
    if (!header) {
      const lower = cells.map((c) => c.toLowerCase());
      const w = lower.findIndex((c) => c.startsWith('weight') || c === '% of net assets' || c === 'percent of fund');
      const t = lower.findIndex((c) => c === 'ticker' || c === 'symbol' || c === 'holding ticker');
      const i = lower.indexOf('isin');
      if (w >= 0 && (t >= 0 || i >= 0)) {
        header = cells;
        weight = w;
        ticker = t;
        isin = i;
        name = lower.findIndex((c) => c === 'name' || c === 'security name' || c === 'holding' || c === 'description');
        currency = lower.findIndex((c) => c === 'market currency' || c === 'currency' || c === 'local currency');
        // SPDR's "Identifier" and Invesco's "Security Identifier" are CUSIPs.
        cusip = lower.findIndex((c) => c === 'cusip' || c === 'identifier' || c === 'security identifier');
      } else asOf ??= findAsOf(cells.join(' '));
      continue;
    }
    if (cells.every((c) => c === '')) break; // the table ends at the first blank line
    if (cells.filter((c) => c !== '').length === 1) break; // a disclaimer paragraph
    const key = dash(ticker >= 0 ? cells[ticker] : '') || dash(isin >= 0 ? cells[isin] : '') || dash(name >= 0 ? cells[name] : '') || '';
    const weightText = dash(cells[weight]);
    if (weightText === '') continue;
    const w = parseDecimal(weightText);
    if (!w.ok) {
      if (w.empty) continue;
      errors.push({ line: row.line, column: weight + 1, header: header[weight] ?? null, cell: cells[weight] ?? '', ...said(FUND_ROW_TEXT.weight, { cell: cells[weight] ?? '' }) });
      continue;
    }
    // Weights are percentages (6.83 = 6.83%): ppm = percent x 10,000, exactly, rounded once.
    const ppm = Math.round(Number(decimalToString(w.value)) * 10_000);
    if (!key || ppm === 0) continue;
    // A holding over the whole fund is a misread column (shares, a market value), never a weight.
    if (Math.abs(ppm) > 1_000_000) {
      errors.push({ line: row.line, column: weight + 1, header: header[weight] ?? null, cell: cells[weight] ?? '', ...said(FUND_ROW_TEXT.weightOver100, { cell: weightText }) });
      continue;
    }
    const tickerText = ticker >= 0 ? tickerKey(dash(cells[ticker])) : '';
    const isinCell = isin >= 0 ? dash(cells[isin]).toUpperCase() : '';
    const isinText = isIsin(isinCell) ? isinCell : cusip >= 0 ? (isinFromFundCusip(dash(cells[cusip])) ?? '') : '';
    constituents.push({
      line: row.line,
      key: tickerText || key.toUpperCase(),
      name: name >= 0 ? (cells[name] ?? '') : '',
      weightPpm: ppm,
      // The ISIN is matched first; with a plain ticker (and the currency its market trades in) it also teaches the security master.
      ...(isinText ? { isin: isinText } : {}),
      ...(tickerText && isinText ? { ticker: tickerText, currency: currency >= 0 ? (cells[currency] ?? '').toUpperCase() : '' } : {}),
    });
  }
  if (!header) errors.push({ line: 1, column: null, header: null, cell: '', ...said(FUND_ROW_TEXT.noHeader) });
  return { asOf, constituents, errors };
}
