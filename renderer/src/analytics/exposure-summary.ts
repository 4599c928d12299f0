import { neutraliseFormula } from '../../../shared/report/csv-cells';
import type { Exposure } from '../../../shared/exposure/model';
import { escapeHtml } from '../../../shared/report/escape';
import { t } from '../i18n';

/** One line of the exposure summary: a theme, Untagged, Cash or Total. */
export interface SummaryLine {
  key: string;
  label: string;
  color: string | null;
  net: number;
  long: number | null;
  short: number | null;
  gross: number | null;
  share: number;
  positions: number | null;
  kind: 'theme' | 'sub-theme' | 'untagged' | 'cash' | 'total';
}

/** The summary's lines in table order: themes (sub-themes after their parent), Untagged, then cash and the total. */
export function summaryLines(exposure: Exposure, untaggedColor: string): SummaryLine[] {
  const share = (v: number) => (exposure.totalValue === 0 ? 0 : v / exposure.totalValue);
  return [
    ...exposure.themes.map(
      (t): SummaryLine => ({
        key: t.id,
        label: t.name,
        color: t.color,
        net: t.value,
        long: t.longValue,
        short: t.shortValue,
        gross: t.grossValue,
        share: t.share,
        positions: t.positionCount,
        kind: t.parentId ? 'sub-theme' : 'theme',
      }),
    ),
    { key: 'untagged', label: t('Untagged'), color: untaggedColor, net: exposure.untaggedValue, long: null, short: null, gross: null, share: share(exposure.untaggedValue), positions: null, kind: 'untagged' },
    { key: 'cash', label: t('of which cash'), color: null, net: exposure.cashValue, long: null, short: null, gross: null, share: share(exposure.cashValue), positions: null, kind: 'cash' },
    { key: 'total', label: t('Total'), color: null, net: exposure.totalValue, long: null, short: null, gross: null, share: exposure.totalValue === 0 ? 0 : 1, positions: exposure.positionCount, kind: 'total' },
  ];
}

/**
 * A number as a spreadsheet in the user's locale reads it when pasted: the locale's decimal mark,
 * no grouping, no currency sign ("1234.56" in en-US, "1234,56" in de-DE), so it lands as a number.
 */
export function plainNumber(value: number, digits: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

const HEADERS = (currency: string) => [
  t('Theme'),
  t('Net ({{currency}})', { currency }),
  t('Long ({{currency}})', { currency }),
  t('Short ({{currency}})', { currency }),
  t('Gross ({{currency}})', { currency }),
  t('Share (%)'),
  t('Positions'),
];

function cellsOf(line: SummaryLine, locale: string): string[] {
  const money = (v: number | null) => (v === null ? '' : plainNumber(v, 2, locale));
  // A theme name is user text: one that starts like a formula is neutralised, as in every export.
  return [neutraliseFormula(line.label), money(line.net), money(line.long), money(line.short), money(line.gross), plainNumber(line.share * 100, 1, locale), line.positions === null ? '' : String(line.positions)];
}

/** Tab-separated text with a header row. A tab or line break in a theme name becomes a space, so columns stay aligned. */
export function summaryTsv(lines: SummaryLine[], currency: string, locale: string): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return [HEADERS(currency), ...lines.map((l) => cellsOf(l, locale))].map((row) => row.map(clean).join('\t')).join('\r\n') + '\r\n';
}

/** The same table as HTML for programs that paste rich text (Word, Outlook, spreadsheets); every text escaped. */
export function summaryHtml(lines: SummaryLine[], currency: string, locale: string): string {
  const row = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${row(HEADERS(currency), 'th')}</thead><tbody>${lines.map((l) => row(cellsOf(l, locale), 'td')).join('')}</tbody></table>`;
}
