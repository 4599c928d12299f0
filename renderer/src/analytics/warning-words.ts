import type { TFunction } from 'i18next';
import type { ExposureWarning } from '../../../shared/exposure/model';
import { warningIn } from '../../../shared/exposure/warnings';
import { formatDate } from '../format';

/** A warning's figures that are dates (YYYY-MM-DD, as the backend fills them in); a label or a symbol never is, whatever it looks like. */
const DATE_FIGURES = new Set(['asOf', 'fromAsOf', 'rateDate', 'fundAsOf']);

/**
 * An exposure warning in the interface's language, from its figures (shared/exposure/warnings.ts),
 * without a command to type: the window has buttons and views for that. Its dates are written as
 * the window writes every other date ("Dec 7, 2026"), not as the command line's 2026-12-07.
 */
export function warningWords(t: TFunction, w: ExposureWarning): string {
  const dated = w.params && { ...w, params: Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, DATE_FIGURES.has(k) ? formatDate(v) : v])) };
  return warningIn(dated || w, (english, params) => t(english, params), true);
}
