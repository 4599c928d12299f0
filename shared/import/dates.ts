/** Reading the as-of date that brokers write in title and footer lines. */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, januar: 1, janv: 1, janvier: 1, jän: 1, jänner: 1,
  feb: 2, february: 2, februar: 2, févr: 2, fevr: 2, février: 2, fevrier: 2,
  mar: 3, march: 3, märz: 3, maerz: 3, mars: 3, mär: 3,
  apr: 4, april: 4, avr: 4, avril: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juni: 6, juin: 6,
  jul: 7, july: 7, juli: 7, juil: 7, juillet: 7,
  aug: 8, august: 8, août: 8, aout: 8,
  sep: 9, sept: 9, september: 9, septembre: 9,
  oct: 10, october: 10, okt: 10, oktober: 10, octobre: 10,
  nov: 11, november: 11, novembre: 11,
  dec: 12, december: 12, dez: 12, dezember: 12, déc: 12, décembre: 12, decembre: 12,
};

const MONTH_NAME = '([A-Za-zÀ-ÿ]{3,9})\\.?';
const PATTERNS: { re: RegExp; order: 'ymd' | 'mdy-name' | 'dmy-name' | 'dmy' | 'slash' }[] = [
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, order: 'ymd' },
  { re: new RegExp(MONTH_NAME + '[- ](\\d{1,2}),?[- ](\\d{4})(?!\\d)', 'g'), order: 'mdy-name' },
  { re: new RegExp('(?<!\\d)(\\d{1,2})\\.?[- ]' + MONTH_NAME + '[- ](\\d{4})(?!\\d)', 'g'), order: 'dmy-name' },
  { re: /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g, order: 'dmy' },
  { re: /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/g, order: 'slash' },
];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whether `text` is a real day written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && iso(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/**
 * The last date written in a line of text, as YYYY-MM-DD: `2025/05/04`, `Nov-24-2026`,
 * `November 24, 2026`, `24.11.2026`, `24 novembre 2026`, `07/30/2021`. Slash dates are
 * month-first unless `dayFirst` (or the first number is over 12).
 */
export function findDate(text: string, dayFirst = false): string | null {
  let best: { at: number; date: string } | null = null;
  for (const { re, order } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const a = m[1] ?? '';
      const b = m[2] ?? '';
      const c = m[3] ?? '';
      let date: string | null = null;
      if (order === 'ymd') date = iso(+a, +b, +c);
      else if (order === 'mdy-name') {
        const month = MONTHS[a.toLowerCase()];
        if (month !== undefined) date = iso(+c, month, +b);
      } else if (order === 'dmy-name') {
        const month = MONTHS[b.toLowerCase()];
        if (month !== undefined) date = iso(+c, month, +a);
      } else if (order === 'dmy') date = iso(+c, +b, +a);
      else {
        const x = +a;
        const y = +b;
        const day = x > 12 || (dayFirst && y <= 12) ? x : y;
        const month = day === x ? y : x;
        date = iso(+c, month, day);
      }
      if (date !== null && (best === null || m.index >= best.at)) best = { at: m.index, date };
    }
  }
  return best?.date ?? null;
}

/** A compact date such as IBKR's `20261124`, or any date findDate reads. */
export function readDateCell(text: string, dayFirst = false): string | null {
  const t = text.trim();
  if (/^\d{8}$/.test(t)) return iso(+t.slice(0, 4), +t.slice(4, 6), +t.slice(6, 8));
  return findDate(t, dayFirst);
}
