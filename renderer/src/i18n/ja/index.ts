/** Japanese for every English text of the interface, gathered from one file per area. */
import { ANALYSIS } from './analysis';
import { COMMON } from './common';
import { EXPORT_TAGS } from './export-tags';
import { HOLDINGS_IMPORT } from './holdings-import';
import { THEMES_COMPARE } from './themes-compare';

export const JAPANESE: Record<string, string> = { ...COMMON, ...ANALYSIS, ...EXPORT_TAGS, ...HOLDINGS_IMPORT, ...THEMES_COMPARE };
