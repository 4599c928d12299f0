import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { currentLanguage, setLanguage } from '.';

/**
 * Keeps the shell in step with the interface's language: View › Language switches it, and every
 * switch (menu, toolbar, system default at start) rebuilds the menu in the same language.
 */
export function useLanguageSync(): void {
  // The hook re-renders this component on every switch, so the effect below sees each language.
  useTranslation();
  const language = currentLanguage();
  useEffect(() => {
    // A shell without a menu (the browser harness) answers too; a refusal must not break the page.
    api()
      .setMenuLanguage({ language })
      .catch(() => undefined);
  }, [language]);
  useEffect(
    () =>
      api().on('menuCommand', (command) => {
        if (command === 'language-en') void setLanguage('en');
        else if (command === 'language-ja') void setLanguage('ja');
      }),
    [],
  );
}
