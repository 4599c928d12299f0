/** Japanese for every English text of the interface, gathered from one file per area. */
import { ANALYSIS } from './analysis';
import { COMMON } from './common';
import { EXPORT_TAGS } from './export-tags';
import { POSITIONS_IMPORT } from './positions-import';
import { THEMES_COMPARE } from './themes-compare';
import { WARNING_JAPANESE } from '../../../../shared/exposure/warnings';
import { FATAL_JAPANESE } from '../../../../shared/import/fatal-japanese';
import { ROW_JAPANESE } from '../../../../shared/import/row-japanese';
import { TAG_FILE_JAPANESE } from '../../../../shared/tags/tag-file-text';
import { ERROR_JAPANESE } from '../../../../shared/api/error-text';
import { FILE_JAPANESE } from '../../../../shared/api/file-text';
import { RESOLVE_JAPANESE } from '../../../../shared/securities/resolve-text';

export const JAPANESE: Record<string, string> = { ...COMMON, ...ANALYSIS, ...EXPORT_TAGS, ...POSITIONS_IMPORT, ...THEMES_COMPARE, ...WARNING_JAPANESE, ...FATAL_JAPANESE, ...ROW_JAPANESE, ...TAG_FILE_JAPANESE, ...ERROR_JAPANESE, ...FILE_JAPANESE, ...RESOLVE_JAPANESE };
