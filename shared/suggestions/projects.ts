/**
 * The program's projects behind the default themes: what was announced, by whom, where, how large
 * and when, with the public sources that state it (us-japan-2026.json). The Themes screen shows
 * them and a report's methodology cites them.
 */
import starter from './us-japan-2026.json';

export interface ProjectSource {
  url: string;
  title: string;
}

export interface ProgramProject {
  /** The default theme the project stands behind. */
  themeId: string;
  name: string;
  sponsor: string;
  location: string;
  size: string;
  /** YYYY-MM-DD. */
  announced: string;
  summary: string;
  sources: readonly ProjectSource[];
  /** The same facts in Japanese (the program is Japan's; its investors read about it in Japanese). */
  ja?: ProjectText;
}

/** The words of a project that a language changes (dates and sources stay as they are). */
export type ProjectText = Pick<ProgramProject, 'name' | 'sponsor' | 'location' | 'size' | 'summary'>;

/** A project's words in `language`, English where the pack gives no translation. */
export function projectText(p: ProgramProject, language: 'en' | 'ja'): ProjectText {
  return language === 'ja' && p.ja ? p.ja : { name: p.name, sponsor: p.sponsor, location: p.location, size: p.size, summary: p.summary };
}

export const PROGRAM_PROJECTS: readonly ProgramProject[] = starter.projects.map((p) => ({
  themeId: p.theme,
  name: p.name,
  sponsor: p.sponsor,
  location: p.location,
  size: p.size,
  announced: p.announced,
  summary: p.summary,
  sources: p.sources,
  ...(p.ja ? { ja: p.ja } : {}),
}));

/** The program's projects behind the given themes, in the pack's order (none for the user's own themes). */
export const projectsFor = (themes: readonly { id: string }[]): ProgramProject[] => PROGRAM_PROJECTS.filter((p) => themes.some((t) => t.id === p.themeId));
