/** Japanese for the readable parts of a report (English text -> Japanese), one file per part. */
import { ANSWER } from './answer';
import { SECTIONS } from './sections';
import { WARNING_JAPANESE } from '../../exposure/warnings';

export const REPORT_JAPANESE: Record<string, string> = { ...ANSWER, ...SECTIONS, ...WARNING_JAPANESE };
