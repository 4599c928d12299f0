/**
 * The interface's language. English is the default and the keys: every string is written in English
 * where it is shown, wrapped in `t()`, and each language file maps the English text to its own
 * (test/unit/renderer/i18n.test.ts checks that none is missing). The language follows the system
 * until the user picks one in View › Language or the toolbar; the choice is remembered on this computer.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { JAPANESE } from './ja';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ja', label: '日本語' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'themelens.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** The user's choice if they made one, else the system's language when we have it, else English. */
export function initialLanguage(stored: string | null, systemLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function storedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage refused (private mode): the system language decides
  }
}

function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: {} }, ja: { translation: JAPANESE } },
  lng: initialLanguage(storedLanguage(), systemLanguages()),
  fallbackLng: 'en',
  // Keys are English sentences: they hold ".", ":" and "›", which are not separators here.
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
  initAsync: false,
});
// Screen readers pick their voice from <html lang>, and axe checks it: kept with every switch, wherever it comes from.
syncDocumentLanguage();
i18n.on('languageChanged', syncDocumentLanguage);

/** The language shown now. */
export function currentLanguage(): Language {
  const lng = i18n.language;
  return isLanguage(lng) ? lng : 'en';
}

/** Switches the interface and remembers the choice. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered, but still switched for this session
  }
  await i18n.changeLanguage(language);
}

function syncDocumentLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage();
}

/** For code outside components (view models, labels built in plain functions). */
export const t = (key: string, options: Record<string, unknown> = {}): string => i18n.t(key, options);

/** Marks a text as a key where it is written (a table of labels) and translated where it is shown: `t(label)`. */
export const msg = (key: string): string => key;
