/** Number and text formatting shared by the HTML, SVG and PDF renderings of a report. */

// One formatter per currency, made once: a report formats every position and tag, and building an
// Intl.NumberFormat costs far more than using one. null: a code Intl does not know.
const MONEY = new Map<string, Intl.NumberFormat | null>();
const PLAIN_2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 });

/** Money as "USD 12,978.00"; a code Intl does not know is written before a plain number. */
export function formatMoney(value: number, currency: string): string {
  let f = MONEY.get(currency);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' });
    } catch {
      f = null;
    }
    MONEY.set(currency, f);
  }
  return f ? f.format(value) : `${currency} ${PLAIN_2.format(value)}`;
}

/**
 * A fixed-point number whose digits all round to zero is written without a sign: a cash share of
 * -0.01 in a large portfolio is "0.0", never "-0.0" (toFixed keeps the sign of what it rounded).
 */
export const unsignedZero = (text: string): string => (text.startsWith('-') && !/[1-9]/.test(text) ? text.slice(1) : text);

/** A fraction with `digits` decimals, as the CSV reports write shares: -0.0000001 -> "0.000000". */
export const fixedShare = (share: number, digits = 6): string => unsignedZero(share.toFixed(digits));

/**
 * A share (fraction) as a percentage with one decimal: 0.3201 -> "32.0%". A holding too small to
 * show is "<0.1%", not "0.0%", which reads as none (USD 1,633.80 of 9.2 million); a negative one
 * that rounds to zero (cash of -0.01) is "0.0%"; a share short of all that rounds to all is ">99.9%".
 */
export const formatShare = (share: number): string => {
  const text = unsignedZero((share * 100).toFixed(1));
  if (share > 0 && text === '0.0') return '<0.1%';
  // Its mirror: Untagged "100.0%" beside themes of "<0.1%" read as nothing tagged.
  return share < 1 && text === '100.0' ? '>99.9%' : `${text}%`;
};

/** A weight (fraction 0..1) as a percentage without trailing zeros: 0.125 -> "12.5%". */
export const formatWeight = (weight: number): string => `${Number((weight * 100).toFixed(2))}%`;

/** A quantity as written, with thousands separators and up to 8 decimals. */
export const formatQuantity = (q: number | null): string => (q === null ? '' : QUANTITY.format(q));

/** A position's quantity as stored, when it is plain decimal text ("-12.5", "123456789012345678"): exact, where the number is a double's. */
export const storedQuantity = (p: { quantityText?: string | null }): string | null =>
  p.quantityText != null && /^-?\d+(\.\d+)?$/.test(p.quantityText) ? p.quantityText : null;

/**
 * A position's quantity for a page: the stored text with thousands separators and every decimal it
 * has (123,456,789,012,345,678; 0.12345678901234567), else the number as formatQuantity writes it.
 */
export function formatPositionQuantity(p: { quantity: number | null; quantityText?: string | null }): string {
  const text = storedQuantity(p);
  if (text === null) return formatQuantity(p.quantity);
  const [whole, fraction] = text.split('.') as [string, string | undefined];
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Only #rrggbb colors reach a style or SVG attribute; anything else falls back to gray. */
export const safeColor = (c: string): string => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : '#9ca3af');

/** A logo is used only as a base64 PNG or JPEG data: URL, so a report never fetches anything. */
export const safeLogo = (url: string | null): string | null =>
  url !== null && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/.test(url) ? url : null;
