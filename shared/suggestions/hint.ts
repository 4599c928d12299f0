/**
 * After an import: how many holdings the pack has suggestions for, said once in words the app and
 * the command line share. Null when there is nothing to say.
 */
export function programHint(held: readonly { symbolKey: string; themeId: string; parentThemeId?: string | null }[]): { holdings: number; themes: number; text: string } | null {
  const holdings = new Set(held.map((s) => s.symbolKey)).size;
  if (holdings === 0) return null;
  // Themes as the program's projects: a sub-theme counts as the theme it rolls up into.
  const themes = new Set(held.map((s) => s.parentThemeId ?? s.themeId)).size;
  const [relate, them] = holdings === 1 ? ['relates', 'it'] : ['relate', 'them'];
  return {
    holdings,
    themes,
    text: `${holdings} of your holdings ${relate} to the first projects of Japan's US investment program (${themes} theme${themes === 1 ? '' : 's'}): the pack suggests how to tag ${them}.`,
  };
}
