import type { TFunction } from 'i18next';
import type { ExposureWarning } from '../../../shared/exposure/model';
import { warningIn } from '../../../shared/exposure/warnings';
import { formatDate } from '../format';

/** A date among a warning's figures (asOf, rateDate, fromAsOf…), as the backend fills it in. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An exposure warning in the interface's language, from its figures (shared/exposure/warnings.ts),
 * without a command to type: the window has buttons and views for that. Its dates are written as
 * the window writes every other date ("Dec 7, 2026"), not as the command line's 2026-12-07.
 */
export function warningWords(t: TFunction, w: ExposureWarning): string {
  const dated = w.params && { ...w, params: Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, ISO_DATE.test(v) ? formatDate(v) : v])) };
  return warningIn(dated || w, (english, params) => t(english, params), true);
}
