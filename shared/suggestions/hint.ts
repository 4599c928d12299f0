/**
 * After an import: how many holdings the pack has suggestions for, said once in words the app and
 * the command line share. They fit the projects' themes; they are not the projects' sponsors, so
 * the words say "fit the themes of", not "relate to" the projects. Null when there is nothing to say.
 */
export function programHint(held: readonly { symbolKey: string; themeId: string; parentThemeId?: string | null }[]): { holdings: number; themes: number; text: string } | null {
  const holdings = new Set(held.map((s) => s.symbolKey)).size;
  if (holdings === 0) return null;
  // Themes as the program's projects: a sub-theme counts as the theme it rolls up into.
  const themes = new Set(held.map((s) => s.parentThemeId ?? s.themeId)).size;
  const [fit, them] = holdings === 1 ? ['fits', 'it'] : ['fit', 'them'];
  return {
    holdings,
    themes,
    text: `${holdings} of your holdings ${fit} the themes of Japan's first US investment projects (${themes} theme${themes === 1 ? '' : 's'}): the pack suggests how to tag ${them}.`,
  };
}
