/** The current time as stored in the database (ISO 8601, UTC). Injectable for tests. */
export type Clock = () => string;
export const systemClock: Clock = () => new Date().toISOString();

/** Today's date in the user's time zone, as YYYY-MM-DD (shared with the window, which warns of a date after it). */
export { localDate } from '../../shared/import/future-date';
