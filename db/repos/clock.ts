/** The current time as stored in the database (ISO 8601, UTC). Injectable for tests. */
export type Clock = () => string;
export const systemClock: Clock = () => new Date().toISOString();

/** Today's date in the user's time zone, as YYYY-MM-DD. */
export function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
