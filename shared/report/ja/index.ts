/** Japanese for the readable parts of a report (English text -> Japanese), one file per part. */
import { ANSWER } from './answer';
import { SECTIONS } from './sections';

export const REPORT_JAPANESE: Record<string, string> = { ...ANSWER, ...SECTIONS };
