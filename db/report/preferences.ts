import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { logoType, MAX_LOGO_BYTES } from '../../shared/report/logo';
import { DEFAULT_PREFERENCES, type ReportPreferences } from '../../shared/report/document';
import { isReportLanguage } from '../../shared/report/i18n';
import type { Db } from '../connection';

const KEYS = Object.keys(DEFAULT_PREFERENCES) as (keyof ReportPreferences)[];
const PREFIX = 'report.';

/** The adviser's report preferences; a key never set has its default. */
export function getReportPreferences(db: Db): ReportPreferences {
  const rows = db.prepare(`SELECT key, value FROM preferences WHERE key LIKE 'report.%'`).all() as { key: string; value: string }[];
  const prefs: ReportPreferences = { ...DEFAULT_PREFERENCES };
  for (const r of rows) {
    const key = r.key.slice(PREFIX.length) as keyof ReportPreferences;
    if (key === 'language') prefs.language = isReportLanguage(r.value) ? r.value : DEFAULT_PREFERENCES.language;
    else if (KEYS.includes(key)) (prefs as unknown as Record<string, string>)[key] = r.value;
  }
  return prefs;
}

/** A patch as validated input gives it: an absent field and an undefined one both mean "leave as is". */
type PreferencesPatch = { [K in keyof ReportPreferences]?: ReportPreferences[K] | undefined };

/** A logo's bytes must be the image its data: URL claims (the schema checks only the URL's shape). */
function checkLogo(dataUrl: string): void {
  const m = /^data:image\/(png|jpeg);base64,(.*)$/s.exec(dataUrl);
  const bytes = m ? Buffer.from(m[2] as string, 'base64') : Buffer.alloc(0);
  if (!m || logoType(bytes) !== m[1]) throw saidError('VALIDATION', ERROR_TEXT.logoNotImage, {});
  if (bytes.length > MAX_LOGO_BYTES) throw saidError('VALIDATION', ERROR_TEXT.logoTooLarge, { size: String(Math.ceil(bytes.length / 1024)), limit: String(MAX_LOGO_BYTES / 1024) });
}

/** Saves the given preferences (the others are kept); null removes the logo; returns them all. */
export function setReportPreferences(db: Db, patch: PreferencesPatch): ReportPreferences {
  if (typeof patch.logoDataUrl === 'string') checkLogo(patch.logoDataUrl);
  const upsert = db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM preferences WHERE key = ?');
  db.transaction(() => {
    for (const key of KEYS) {
      if (!(key in patch) || patch[key] === undefined) continue;
      const value = patch[key];
      if (value === null) remove.run(PREFIX + key);
      else upsert.run(PREFIX + key, value);
    }
  })();
  return getReportPreferences(db);
}
