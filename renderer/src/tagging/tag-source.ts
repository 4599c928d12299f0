import type { TagSource } from '../../../shared/domain/types';
import { msg } from '../i18n';

/** How a tag was set (its source code), as the Source columns say it; translated where shown. */
const SOURCE_WORDS: Record<TagSource, string> = {
  manual: msg('manual'),
  rule: msg('rule'),
  suggestion: msg('suggestion'),
  'look-through': msg('look-through'),
  imported: msg('imported'),
  linked: msg('linked'),
};

/** A tag's source in the interface's language; one the app does not know (a shared file's) as written. */
export function tagSourceLabel(source: string, t: (key: string) => string): string {
  const words = SOURCE_WORDS[source as TagSource] as string | undefined;
  return words ? t(words) : source;
}
