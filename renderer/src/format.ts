/** Number formatting in the user's locale; one cache of formatters per currency. */
const locale = (): string => (typeof navigator !== 'undefined' && navigator.language) || 'en-US';

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: number, currency: string): string {
  const key = `${locale()}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale(), { style: 'currency', currency });
    } catch {
      f = new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, f);
  }
  return f.format(value);
}

/** Compact money for chart axes: $12K, $1.2M. */
export function formatMoneyShort(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  } catch {
    return String(value);
  }
}

export function formatShare(share: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

export function formatQuantity(q: number | null): string {
  return q === null ? '' : new Intl.NumberFormat(locale(), { maximumFractionDigits: 6 }).format(q);
}

/** A weight fraction as a percent without needless decimals: 0.6 -> "60%", 0.333 -> "33.3%". */
export function formatWeight(weight: number): string {
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(weight * 100)}%`;
}

export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00`);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(d);
}
