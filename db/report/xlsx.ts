import ExcelJS from 'exceljs';
import { totalChange } from '../../shared/exposure/compare-total';
import type { UntaggedChange } from '../../shared/exposure/analytics';
import { comparedWith, contributionsByTheme, type ReportDocument } from '../../shared/report/document';
import { spreadsheetMoneyFormat } from '../../shared/report/amount';
import { rateUsers, reportBreakdowns } from '../../shared/report/breakdowns';
import { storedQuantity } from '../../shared/report/format';

const MONEY = '#,##0.00;-#,##0.00';
const PERCENT = '0.00%';

// XML 1.0 cannot carry most control characters; a cell holding one would make the file unreadable.
const text = (s: string | null | undefined): string => (s ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

type Cell = string | number | null;
/** A column's number format: one for every cell, or one made for each cell's value. */
type Column = { header: string; width: number; numFmt?: string | ((value: number) => string) };

/** Adds a sheet with a bold header row (frozen, filterable) and typed rows: strings stay text, never formulas. */
function addTable(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][], preamble: Cell[][] = []): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  for (const r of preamble) ws.addRow(r.map((c) => (typeof c === 'string' ? text(c) : c)));
  if (preamble.length) ws.addRow([]);
  const headerRow = ws.addRow(columns.map((c) => c.header));
  headerRow.font = { bold: true };
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  for (const r of rows) {
    const row = ws.addRow(r.map((c) => (typeof c === 'string' ? text(c) : c)));
    columns.forEach((c, i) => {
      const v = r[i];
      if (c.numFmt && typeof v === 'number') row.getCell(i + 1).numFmt = typeof c.numFmt === 'string' ? c.numFmt : c.numFmt(v);
    });
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow.number }];
  if (rows.length) ws.autoFilter = { from: { row: headerRow.number, column: 1 }, to: { row: headerRow.number + rows.length, column: columns.length } };
  return ws;
}

/**
 * "1 EUR = 1.0845 USD" as units of base per unit of currency: one direct or inverse pair, or a chain
 * of them through other currencies ("1 EUR = 162.37 JPY; 1 EUR = 1.08453 USD", as resolveRate
 * describes a cross rate), followed leg by leg from the currency to the base.
 */
function unitsOfBase(description: string, currency: string, base: string): number | null {
  let at = currency;
  let units = 1;
  for (const leg of description.split('; ')) {
    const m = /^1 ([A-Z]{3}) = ([\d.]+) ([A-Z]{3})$/.exec(leg);
    if (!m) return null;
    const rate = Number(m[2]);
    if (!(rate > 0)) return null;
    if (m[1] === at) [at, units] = [m[3] as string, units * rate];
    else if (m[3] === at) [at, units] = [m[1] as string, units / rate];
    else return null;
  }
  return at === base && at !== currency ? units : null;
}

/**
 * A rate's number format: 15 significant digits (all a spreadsheet keeps), trailing zeros hidden, so
 * the rate shown redoes the report's figures by hand. Six decimals showed 0.006160 EUR per JPY for
 * 1 EUR = 162.35 JPY: JPY 123,400 x 0.006160 = 760.14, the report's 760.09.
 */
export function rateFormat(value: number): string {
  const decimals = value === 0 || !Number.isFinite(value) ? 2 : Math.min(30, Math.max(2, 14 - Math.floor(Math.log10(Math.abs(value)))));
  return `0.00${'#'.repeat(decimals - 2)}`;
}

/**
 * A position's quantity for a cell: the number where a spreadsheet keeps it exactly (15 significant
 * digits at most), else the stored text itself ("123456789012345678" would be kept as
 * 123456789012345000). quantityFormat shows a number with every decimal it was stored with.
 */
function quantityCell(p: { quantity: number | null; quantityText?: string | null }): Cell {
  const text = storedQuantity(p);
  if (text === null) return p.quantity;
  return text.replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '').length <= 15 ? Number(text) : text;
}

/** A quantity's number format: its decimals, as few as show it exactly (0.1 as 0.1, 1e-7 as 0.0000001). */
export function quantityFormat(value: number): string {
  for (let d = 0; d <= 30; d++) if (Number(value.toFixed(d)) === value) return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
  return 'General';
}

/** The report as an XLSX workbook: sheets Summary, Themes, Positions, Tags, FX, Changes, Accounts, Currencies, Overlap (and Attribution, Portfolios, Benchmark, Scenario when the report has them). */
export async function renderXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const r = doc.exposure;
  const byTheme = contributionsByTheme(r);
  const p = doc.preferences;
  const cur = r.baseCurrency;
  // Amounts in the base currency in its own minor unit (yen without decimals); local values mix currencies.
  const BASE_MONEY = spreadsheetMoneyFormat(cur);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThemeLens';
  wb.created = wb.modified = new Date(r.generatedAt);
  const share = (v: number) => (r.totalValue === 0 ? 0 : v / r.totalValue);

  const cover: Cell[][] = [
    ['Report', p.reportTitle], ['Client', r.clientName ?? ''], r.portfolios ? ['Portfolios', r.portfolios.map((x) => x.name).join(', ')] : ['Portfolio', r.portfolio], ['Prepared by', p.adviserName], ['Firm', p.adviserFirm],
    ['As of', r.asOf], ['Base currency', cur], ['Holdings file', r.sourceFile], ['Generated', r.generatedAt], ['Fingerprint', doc.fingerprint],
    ...r.warnings.map((w): Cell[] => ['Warning', w.message]),
  ];
  const summary = addTable(
    wb, 'Summary',
    [{ header: 'Theme', width: 34 }, { header: `Net (${cur})`, width: 16, numFmt: BASE_MONEY }, { header: 'Share', width: 10, numFmt: PERCENT }, { header: `Long (${cur})`, width: 16, numFmt: BASE_MONEY }, { header: `Short (${cur})`, width: 16, numFmt: BASE_MONEY }, { header: `Gross (${cur})`, width: 16, numFmt: BASE_MONEY }, { header: 'Positions', width: 10 }],
    [
      ...r.themes.map((t): Cell[] => [t.parentId ? `  ${t.name}` : t.name, t.value, t.share, t.longValue, t.shortValue, t.grossValue, t.positionCount]),
      ['Untagged', r.untaggedValue, share(r.untaggedValue), null, null, null, null],
      ['of which cash', r.cashValue, share(r.cashValue), null, null, null, null],
      ['Total', r.totalValue, r.totalValue === 0 ? 0 : 1, null, null, null, r.positionCount],
    ],
    cover,
  );
  // Cash is a part of Untagged, not a row that adds: indented under it and in italics (the label stays plain text for scripts).
  const cashRow = summary.getRow(summary.rowCount - 1);
  cashRow.font = { italic: true };
  cashRow.getCell(1).alignment = { indent: 1 };
  addTable(
    wb, 'Themes',
    [{ header: 'Theme id', width: 22 }, { header: 'Theme', width: 30 }, { header: 'Account', width: 14 }, { header: 'Symbol', width: 12 }, { header: 'Description', width: 36 }, { header: 'Weight', width: 9, numFmt: PERCENT }, { header: 'Source', width: 12 }, { header: `Contribution (${cur})`, width: 18, numFmt: BASE_MONEY }],
    r.themes.flatMap((t) => (byTheme.get(t.id) ?? []).map(({ position: pos, theme: pt }): Cell[] => [t.id, t.name, pos.account, pos.symbol, pos.description, pt.weight, pt.source ?? 'manual', pt.value])),
  );
  addTable(
    wb, 'Positions',
    [{ header: 'Account', width: 14 }, { header: 'Symbol', width: 12 }, { header: 'Description', width: 36 }, { header: 'Quantity', width: 14, numFmt: quantityFormat }, { header: 'Currency', width: 9 }, { header: 'Local value', width: 16, numFmt: MONEY }, { header: `Value (${cur})`, width: 16, numFmt: BASE_MONEY }, { header: 'Cash', width: 6 }, { header: 'Themes', width: 40 }],
    r.positions.map((pos): Cell[] => [pos.account, pos.symbol, pos.description, quantityCell(pos), pos.currency, pos.localValue, pos.value, pos.isCash ? 'yes' : '', pos.themes.map((t) => `${t.id} ${Number((t.weight * 100).toFixed(2))}%`).join('; ')]),
  );
  addTable(
    wb, 'Tags',
    [{ header: 'Symbol', width: 12 }, { header: 'Theme id', width: 22 }, { header: 'Weight', width: 9, numFmt: PERCENT }, { header: 'Source', width: 12 }, { header: 'Rationale', width: 50 }, { header: 'Reference', width: 40 }],
    doc.tagNotes.map((n): Cell[] => [n.symbolKey, n.themeId, n.weight, n.source, n.rationale ?? '', n.sourceUrl ?? '']),
  );
  // A client's report: each rate with the portfolios (at their dates) valued at it, a column added at the end.
  const client = r.portfolios !== undefined;
  addTable(
    wb, 'FX',
    [{ header: 'Currency', width: 10 }, { header: 'Rate used', width: 40 }, { header: `${cur} per unit`, width: 22, numFmt: rateFormat }, { header: 'As of', width: 12 }, ...(client ? [{ header: 'Used for (portfolio, as of)', width: 40 }] : [])],
    r.fxRates.map((f): Cell[] => [f.currency, f.rate, unitsOfBase(f.rate, f.currency, cur), f.asOf, ...(client ? [rateUsers(r, f)] : [])]),
  );
  addTable(
    wb, 'Changes',
    [{ header: 'Change', width: 10 }, { header: 'Account', width: 14 }, { header: 'Symbol', width: 12 }, { header: 'Description', width: 36 }, { header: 'Currency', width: 9 }, { header: 'Quantity before', width: 14, numFmt: 'General' }, { header: 'Quantity after', width: 14, numFmt: 'General' }, { header: 'Value before', width: 16, numFmt: MONEY }, { header: 'Value after', width: 16, numFmt: MONEY }],
    doc.positionChanges.map((c): Cell[] => [c.kind, c.account, c.symbolKey, c.description, c.currency, c.quantityBefore, c.quantityAfter, c.localValueBefore, c.localValueAfter]),
    [['Compared with', comparedWith(doc) ?? 'nothing: this is the first snapshot']],
  );
  const b = reportBreakdowns(r);
  const themeCols = (width: number) => b.themes.map((t): Column => ({ header: t.name, width, numFmt: BASE_MONEY }));
  addTable(
    wb, 'Accounts',
    [{ header: 'Account', width: 18 }, { header: 'Positions', width: 10 }, { header: `Value (${cur})`, width: 18, numFmt: BASE_MONEY }, ...themeCols(18), { header: 'Untagged', width: 16, numFmt: BASE_MONEY }, { header: 'Without a rate', width: 14 }],
    b.accounts.map((a): Cell[] => [a.account, a.positionCount, a.value, ...b.themes.map((t) => a.themes[t.id] ?? 0), a.untaggedValue, a.withoutRate]),
  );
  addTable(
    wb, 'Currencies',
    [{ header: 'Currency', width: 10 }, { header: 'Positions', width: 10 }, { header: 'Local value', width: 18, numFmt: MONEY }, { header: `Value (${cur})`, width: 18, numFmt: BASE_MONEY }, { header: 'Share', width: 10, numFmt: PERCENT }, { header: 'Rate used', width: 36 }],
    b.currencies.map((c): Cell[] => [c.currency, c.positionCount, c.localValue, c.value, c.share, c.rate === null ? 'missing' : c.rate === '' ? 'base currency' : c.rate]),
  );
  const names = new Map(b.themes.map((t) => [t.id, t.name]));
  addTable(
    wb, 'Overlap',
    [{ header: 'Theme', width: 30 }, { header: 'With theme', width: 30 }, { header: `Value in both (${cur})`, width: 20, numFmt: BASE_MONEY }, { header: 'Share', width: 10, numFmt: PERCENT }, { header: 'Positions', width: 10 }],
    b.overlap.map((o): Cell[] => [names.get(o.a) ?? o.a, names.get(o.b) ?? o.b, o.value, o.share, o.positionCount]),
  );
  if (doc.attribution) {
    const a = doc.attribution;
    addTable(
      wb, 'Attribution',
      [{ header: 'Theme', width: 30 }, { header: `Before (${cur})`, width: 16, numFmt: BASE_MONEY }, { header: `Now (${cur})`, width: 16, numFmt: BASE_MONEY }, { header: 'Quantity effect', width: 16, numFmt: BASE_MONEY }, { header: 'Price effect', width: 16, numFmt: BASE_MONEY }, { header: 'Tag effect', width: 16, numFmt: BASE_MONEY }, { header: 'Share before', width: 12, numFmt: PERCENT }, { header: 'Share now', width: 12, numFmt: PERCENT }],
      // Untagged and the total after the themes, as the Compare view and the HTML report have them (a report recorded before has no Untagged).
      [...a.themes.map((t): [string, UntaggedChange] => [t.name, t]), ...(a.untagged ? ([['Untagged', a.untagged], ['Total', totalChange({ ...a, untagged: a.untagged })]] as const) : [])].map(([name, t]): Cell[] => [name, t.fromValue, t.toValue, t.quantityEffect, t.priceEffect, t.tagEffect, t.fromShare, t.toShare]),
      [['From', a.from.asOf], ['To', a.to.asOf]],
    );
  }
  if (r.portfolios) {
    addTable(
      wb, 'Portfolios',
      [{ header: 'Portfolio', width: 30 }, { header: 'Snapshot', width: 10 }, { header: 'As of', width: 12 }, { header: 'Holdings file', width: 36 }, { header: 'Positions', width: 10 }, { header: `Value (${cur})`, width: 18, numFmt: BASE_MONEY }, { header: 'Share', width: 10, numFmt: PERCENT }],
      r.portfolios.map((x): Cell[] => [x.name, x.snapshotId, x.asOf, x.sourceFile, x.positionCount, x.totalValue, share(x.totalValue)]),
    );
  }
  if (r.benchmark) {
    addTable(
      wb, 'Benchmark',
      [{ header: 'Theme', width: 34 }, { header: 'Share', width: 10, numFmt: PERCENT }, { header: `Benchmark (${r.benchmark.symbol})`, width: 18, numFmt: PERCENT }, { header: 'Active', width: 10, numFmt: PERCENT }],
      r.themes.map((t): Cell[] => [t.parentId ? `  ${t.name}` : t.name, t.share, t.benchmark?.share ?? 0, t.benchmark?.active ?? 0]),
      [['Benchmark', r.benchmark.symbol], ['Holdings file', r.benchmark.sourceFile], ['As of', r.benchmark.asOf ?? ''], ['Coverage', r.benchmark.coverage]],
    );
  }
  if (doc.scenario) {
    const s = doc.scenario;
    addTable(
      wb, 'Scenario',
      [{ header: 'Theme id', width: 22 }, { header: 'Shock', width: 10, numFmt: PERCENT }, { header: `Exposure (${cur})`, width: 18, numFmt: BASE_MONEY }, { header: `Move (${cur})`, width: 18, numFmt: BASE_MONEY }],
      [...s.themes.map((t): Cell[] => [t.id, t.shock / 100, t.value, t.impact]), ['Total', null, s.totalValue, s.impact]],
      [['Shocks applied', s.shocks.map((x) => `${x.themeId} ${x.shockBp / 100}%`).join(', ')]],
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
