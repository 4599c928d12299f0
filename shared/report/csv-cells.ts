/**
 * CSV cells made safe for spreadsheets (formula-safe text, quoting, numbers) and the exposure's lines
 * in them: shared by the report's CSV (report-csv.ts), the tag file and the window's copied summary.
 */
import { plainAmount } from './amount';
import type { Exposure } from '../exposure/model';
import { rateUsers } from './breakdowns';
import { fixedShare, storedQuantity } from './format';

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell for spreadsheets: one that starts with = + - @, tab or CR gets a leading
 * apostrophe so Excel, LibreOffice and Sheets show it as text instead of running it.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Undoes neutraliseFormula for a cell read back from our own export: exactly one apostrophe comes off,
 * and only before a character that made it necessary (an apostrophe the user typed stays).
 */
export function unneutraliseFormula(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A text cell: neutralised, then quoted as CSV needs. */
export const textCell = (s: string | null | undefined): string => quote(neutraliseFormula(s ?? ''));

/** A number cell: plain digits, so a negative number stays a number. */
export const numberCell = (n: number | null): string => (n === null ? '' : String(n));


/**
 * The exposure's lines of the CSV report (no BOM, no line ends): a summary block (one row per theme,
 * untagged, the cash inside untagged ("of which cash"), total), then one row per position, the rates
 * used and tag changes. renderReportCsv (report-csv.ts) adds the adviser, fingerprint and warnings
 * and writes the file.
 */
export function csvLines(report: Exposure): string[] {
  const lines: string[] = [];
  const row = (...cells: string[]) => lines.push(cells.join(','));
  const base = (n: number) => plainAmount(n, report.baseCurrency);
  row('Portfolio', textCell(report.portfolio));
  row('Client', textCell(report.clientName));
  row('As of', report.asOf);
  row('Base currency', report.baseCurrency);
  lines.push('');
  row('Theme', 'Theme id', `Value (${report.baseCurrency})`, `Gross (${report.baseCurrency})`, 'Share of portfolio', 'Positions');
  for (const t of report.themes) {
    row(textCell(t.name), textCell(t.id), base(t.value), base(t.grossValue), fixedShare(t.share), String(t.positionCount));
  }
  row('Untagged', '', base(report.untaggedValue), '', fixedShare(report.totalValue === 0 ? 0 : report.untaggedValue / report.totalValue), '');
  // A part of Untagged, not an addend: the rows above it add up to the total without it.
  row('of which cash', '', base(report.cashValue), '', '', '');
  row('Total', '', base(report.totalValue), '', report.totalValue === 0 ? '0' : '1.000000', '');
  lines.push('');
  row('Account', 'Symbol', 'Description', 'Quantity', 'Currency', 'Local value', `Value (${report.baseCurrency})`, 'Themes');
  for (const p of report.positions) {
    const themes = p.themes.map((t) => `${t.id} ${(t.weight * 100).toFixed(2).replace(/\.?0+$/, '')}%`).join('; ');
    row(
      textCell(p.account),
      textCell(p.symbol),
      textCell(p.description),
      storedQuantity(p) ?? numberCell(p.quantity), // as stored: exact past a double's 16 digits
      textCell(p.currency),
      plainAmount(p.localValue, p.currency),
      plainAmount(p.value, report.baseCurrency),
      textCell(themes),
    );
  }
  // Every rate the figures used, with its date (or "valued by the broker"), as in the other formats.
  if (report.fxRates.length > 0) {
    lines.push('');
    // A client's report: which portfolios (at their dates) each rate valued, a column added at the end.
    const client = report.portfolios !== undefined;
    row('Currency', 'Exchange rate used', 'As of', ...(client ? ['Used for (portfolio, as of)'] : []));
    for (const f of report.fxRates) row(textCell(f.currency), textCell(f.rate), f.asOf, ...(client ? [textCell(rateUsers(report, f))] : []));
  }
  if (report.tagChanges.length > 0) {
    lines.push('');
    row('Tag changed at', 'Symbol', 'Theme', 'Weight before', 'Weight after', 'Source');
    for (const c of report.tagChanges) row(c.at, textCell(c.symbolKey), textCell(c.themeId), c.oldWeight === null ? '' : String(c.oldWeight), c.newWeight === null ? '' : String(c.newWeight), textCell(c.source));
  }
  // Warnings are the report's to add (renderReportCsv), with their codes: here they were a second copy.
  return lines;
}
