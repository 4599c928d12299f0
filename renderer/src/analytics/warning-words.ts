import type { TFunction } from 'i18next';
import type { ExposureWarning } from '../../../shared/exposure/model';
import { warningIn } from '../../../shared/exposure/warnings';

/**
 * An exposure warning in the interface's language, from its figures (shared/exposure/warnings.ts),
 * without a command to type: the window has buttons and views for that.
 */
export function warningWords(t: TFunction, w: ExposureWarning): string {
  return warningIn(w, (english, params) => t(english, params), true);
}
