/** The markup every report section builds its tables from; cells take HTML their caller escaped. */
import { brokerColumnOf } from '../fx/broker-valued';
import { escapeHtml } from './escape';
import { safeColor } from './format';
import type { Tr } from './i18n';

/**
 * A table with a header row (numeric columns right-aligned) and an optional <tfoot>. Header cells say
 * they head a column (scope): screen readers need not guess, and Chromium's tagged PDF, which would
 * otherwise work out each cell's headers, prints a 200-position report about 10% faster.
 */
export const table = (head: string[], rows: string[], numeric: number[] = [], foot = ''): string =>
  `<table><thead><tr>${head.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>${foot}</table>`;

export const td = (html: string, num = false): string => `<td${num ? ' class="num"' : ''}>${html}</td>`;

/** A theme's color as an SVG fill, not a style attribute: the app's preview runs under a CSP that drops inline styles. */
export const swatch = (color: string): string => `<svg class="swatch" viewBox="0 0 9 9" aria-hidden="true"><rect width="9" height="9" rx="2" fill="${safeColor(color)}"/></svg>`;

/**
 * A rate's text as a cell's HTML: a currency the broker valued in the report's language, with its
 * column (the rate list carries it in English, for the JSON and the command line); any other rate
 * ("1 EUR = 1.0845 USD") as written.
 */
export function rateWords(rate: string, html: Tr): string {
  const column = brokerColumnOf(rate);
  return column === null ? escapeHtml(rate) : html('valued by the broker ("{{column}}")', { column: escapeHtml(column) });
}
