/** Number and date formatting in the user's locale and the portfolio's currency. */
import { formatPoints as pointsIn } from '../../shared/report/html-extras';
import { storedQuantity } from '../../shared/report/format';
import { currentLanguage, msg, t } from './i18n';

/**
 * The system's locale (navigator.language: "de-DE" keeps its "1.234,56" in the English interface),
 * except that the Japanese interface formats as Japan does ("2026/11/24") on any system.
 */
export function locale(): string {
  const system = (typeof navigator !== 'undefined' && navigator.language) || 'en-US';
  return currentLanguage() === 'ja' && !system.toLowerCase().startsWith('ja') ? 'ja-JP' : system;
}

// Building an Intl.NumberFormat is slow next to using one, and a table formats thousands of cells.
const cache = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();
/** Each money formatter's smallest unit, as a scale (100 for cents): resolvedOptions() took 3-4 µs a call, eight times the formatting. */
const scales = new WeakMap<Intl.NumberFormat, number>();

/** A cached date formatter for the current locale (building one took 26 ms of the profiled view switches). */
function dateFormatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale()}|${key}`;
  let f = dates.get(id);
  if (!f) dates.set(id, (f = new Intl.DateTimeFormat(locale(), options)));
  return f;
}

/** A cached formatter for the current locale; `fallback` when the options are refused (unknown currency code). */
function formatter(key: string, options: Intl.NumberFormatOptions, fallback: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale()}|${key}`;
  let f = cache.get(id);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale(), options);
    } catch {
      f = new Intl.NumberFormat(locale(), fallback);
    }
    cache.set(id, f);
  }
  return f;
}

/** The currency's formatter: its own decimals (none for yen); two where the code is unknown. */
const moneyFormatter = (currency: string) => formatter(`money|${currency}`, { style: 'currency', currency }, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in a currency, to the cent: "$21,630.00", "21.630,00 €". */
export function formatMoney(value: number, currency: string): string {
  return moneyFormatter(currency).format(value);
}

/**
 * An amount of change with its sign, as formatMoney writes it: "+$1,050.00", "-¥1,200". A change
 * that rounds to nothing in the currency's smallest unit (a residue of adding fractions of a cent,
 * 0.4 yen) is no change: "$0.00", never "+$0.00" or "-¥0".
 */
export function formatSignedMoney(value: number, currency: string): string {
  const f = moneyFormatter(currency);
  let scale = scales.get(f);
  if (scale === undefined) scales.set(f, (scale = 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2)));
  const units = Math.round(value * scale);
  return `${units > 0 ? '+' : ''}${f.format(units === 0 ? 0 : units / scale)}`;
}

/**
 * Compact money for chart axes and bar labels: "$12K", "$1.2M". Grouped always: Japanese compacts
 * from 10,000 (万), and below it wrote "$1200" beside the table's "$1,200.00".
 */
export function formatMoneyShort(value: number, currency: string): string {
  return formatter(
    `short|${currency}`,
    { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1, useGrouping: 'always' },
    { notation: 'compact', maximumFractionDigits: 1, useGrouping: 'always' },
  ).format(value);
}

/** A share of the portfolio (a fraction) as a percent with one decimal: 0.32 -> "32.0%". */
export function formatShare(share: number): string {
  const f = formatter('share', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }, {});
  // A share that rounds to zero is 0.0%: Intl writes a tiny negative one (cash of -0.01) as "-0.0%".
  // Compared with how the locale writes -0, so it holds for any locale's digits.
  // A positive share too small to show is "<0.1%": "0.0%" beside $1,633.80 reads as none.
  const text = f.format(share);
  if (share > 0 && text === f.format(0)) return `<${f.format(0.001)}`;
  // Its mirror: a share short of all that rounds to all is ">99.9%" (Untagged "100.0%" beside themes of "<0.1%" read as nothing tagged).
  if (share < 1 && text === f.format(1)) return `>${f.format(0.999)}`;
  return share < 0 && text === f.format(-0) ? f.format(0) : text;
}

/** A difference of shares in percentage points, signed, in the window's language: 0.052 -> "+5.2 pts"; none -> "0.0 pts". */
export function formatPoints(f: number): string {
  return pointsIn(f, t);
}
// The key formatPoints asks `t` for (in shared/report/html-extras.ts), named here so the window's
// translations of it are known to be used.
msg('{{points}} pts');

/** Significant digits a double holds without its noise (0.1 + 0.2 is 0.30000000000000004). */
const QUANTITY_DIGITS = 15;

/**
 * A quantity of shares or units known only as a number (a sum, as Compare shows): to 15 significant
 * digits, every decimal of a quantity as a file writes it (0.12345678, which 6 decimals cut to
 * 0.123457), without a sum's noise; empty when the file gave none.
 */
export function formatQuantity(q: number | null): string {
  return q === null ? '' : formatter('quantity', { maximumFractionDigits: 20 }, {}).format(Number(q.toPrecision(QUANTITY_DIGITS)));
}

/**
 * A position's quantity on screen: as stored, every decimal kept and grouped in the interface's
 * locale ("0.12345678", "123,456,789,012,345,678"), as the reports show it; the number as
 * formatQuantity writes it where no plain decimal text is known.
 */
export function formatStoredQuantity(p: { quantity: number | null; quantityText?: string | null }): string {
  const text = storedQuantity(p);
  return text !== null ? formatDecimalText(text) : formatQuantity(p.quantity);
}

/** A weight fraction as a percent without needless decimals: 0.6 -> "60%", 0.333 -> "33.3%". */
export function formatWeight(weight: number): string {
  return `${formatter('weight', { maximumFractionDigits: 2 }, {}).format(weight * 100)}%`;
}

/**
 * A YYYY-MM-DD date in the locale's medium style ("Nov 24, 2026"), or a moment (an ISO timestamp)
 * as its day where the user is (before 09:00 in Tokyo is still the day before in UTC); the text
 * itself if it is neither.
 */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso.length > 10 ? iso : `${iso}T00:00:00`);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormatter('date', { dateStyle: 'medium' }).format(d);
}

/** A moment (a backup taken, a tag changed), dated as formatDate dates: "Dec 7, 2026, 3:57:37 AM". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormatter('time', { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}

/** An amount in cents, to the cent, without a currency (a file's own figures): -1,500.00. */
export function formatAmount(cents: number): string {
  return formatter('amount', { minimumFractionDigits: 2, maximumFractionDigits: 2 }, {}).format(cents / 100);
}

/**
 * A decimal the parser read, exactly as read, in the interface's locale: "15842" -> "15,842",
 * "-1231.5" -> "-1,231.5" (digits grouped through BigInt, so none is rounded; the fraction as given,
 * padded with zeros to `minFractionDigits`: an amount of money reads "15,842.00", which no reader
 * takes for 15.842).
 */
export function formatDecimalText(text: string, minFractionDigits = 0): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  if (minFractionDigits > 0) m[3] = (m[3] ?? '').padEnd(minFractionDigits, '0');
  // The count's formatter (formatCount) groups the digits; it takes a BigInt as well as a number.
  const whole = formatter('count', { maximumFractionDigits: 0 }, {});
  const grouped = whole.format(BigInt(m[2] as string));
  const point = formatter('one-decimal', { minimumFractionDigits: 1 }, {}).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const sign = m[1] ? (whole.formatToParts(-1).find((p) => p.type === 'minusSign')?.value ?? '-') : '';
  return `${sign}${grouped}${m[3] ? `${point}${m[3]}` : ''}`;
}

/** A count in the interface's locale: 12,345. */
export function formatCount(n: number): string {
  return formatter('count', { maximumFractionDigits: 0 }, {}).format(n);
}
