/**
 * `template` with each {{name}} replaced by its value (a name without one stays as written); the
 * template's own words go through `escape` (a report's HTML escapes them, values arrive escaped).
 * One filler for the backend's English (warnings, import errors) and a report's language.
 */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>, escape: (words: string) => string = (words) => words): string {
  return mapTemplate(template, (name, part) => (name in params ? String(params[name]) : part), escape);
}

/**
 * `template` rewritten part by part: each {{name}} by `placeholder` (given the name and the
 * placeholder as written), the words between by `words`. The one reading of a template, for filling
 * it and for reading a filled text back (shared/securities/resolve-text.ts).
 */
export function mapTemplate(template: string, placeholder: (name: string, part: string) => string, words: (words: string) => string): string {
  return template.replace(/\{\{(\w+)\}\}|[^{]+|\{/g, (part, name: string | undefined) => (name !== undefined ? placeholder(name, part) : words(part)));
}

/** A message said from a template: its English, and the template and figures it came from (for the app to say it in its language). */
export interface Said {
  message: string;
  text?: string;
  params?: Record<string, string>;
}

/** `text` filled with `params` in English, the template and figures kept beside it. */
export function said<T extends string>(text: T, params: Record<string, string> = {}): { message: string; text: T; params: Record<string, string> } {
  return { message: fillTemplate(text, params), text, params };
}
