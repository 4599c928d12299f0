import type { ImportCheck } from './checks';

/** A day's date on this computer (its time zone), as YYYY-MM-DD. */
export function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Days a snapshot's date may run ahead of this computer's without a word: a file written where the
 * day has begun already (a Tokyo broker's, for a user in New York) is dated tomorrow here.
 */
const DAYS_AHEAD_ALLOWED = 1;

/** Whether a snapshot dated `asOf` (YYYY-MM-DD) is later than tomorrow on this computer at `now`. */
export function isFutureDate(asOf: string, now: Date): boolean {
  // By the calendar, not 24 hours on: the night a clock goes back, 24 hours on is still today.
  return asOf > localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() + DAYS_AHEAD_ALLOWED));
}

/**
 * A snapshot dated later than that: 2062 typed for 2026, or a file's date read wrong. Its portfolio's
 * figures are its latest snapshot's, so until that date every later import of a true date would
 * be history, not the figures, without a word. Kept (the user may mean it), and said: by the import
 * (db/import/import-file.ts) and, before it, beside the date in the import dialog.
 */
export function futureDateCheck(asOf: string, now: string): Extract<ImportCheck, { kind: 'futureDate' }> | null {
  const at = new Date(now);
  return isFutureDate(asOf, at) ? { kind: 'futureDate', asOf, today: localDate(at) } : null;
}
