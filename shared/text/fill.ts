/**
 * `template` with each {{name}} replaced by its value (a name without one stays as written); the
 * template's own words go through `escape` (a report's HTML escapes them, values arrive escaped).
 * One filler for the backend's English (warnings, import errors) and a report's language.
 */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>, escape: (words: string) => string = (words) => words): string {
  return template.replace(/\{\{(\w+)\}\}|[^{]+|\{/g, (part, name: string | undefined) => (name !== undefined ? (name in params ? String(params[name]) : part) : escape(part)));
}
