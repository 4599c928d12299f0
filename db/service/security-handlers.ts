import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import type { BackendHandlers } from '../../shared/api/contract';
import { canonicalKey, linkKeys, unlinkKey } from '../securities/links';
import { keyForText } from '../securities/keys';
import { decideReview, listReviews, listSecurities, showSecurity, snapshotSecurities } from '../securities/queries';
import type { HandlerContext } from './handler-context';
import { isCashKey } from '../repos/tags';

/** The security master: what is held, Needs review, one security, and links made or removed by the user. */
export function securityHandlers({ db, now, withLookThrough }: HandlerContext) {
  return {
    listSecurities: (input) => {
      const securities = listSecurities(db);
      return { securities: input.unresolved ? securities.filter((s) => s.unresolved) : securities, reviews: listReviews(db) };
    },
    showSecurity: (input) => showSecurity(db, input.text),
    listSnapshotSecurities: (input) => snapshotSecurities(db, input.snapshotId),
    linkSecurities: (input) => {
      const key = keyForText(db, input.key);
      const canonical = canonicalKey(db, keyForText(db, input.canonical));
      // Cash takes no tags (tags.ts): linked either way, the account's cash was counted in a theme.
      for (const k of [key, canonical]) if (isCashKey(k)) throw saidError('VALIDATION', ERROR_TEXT.cashLinked, { key: k });
      // The security whose tags are taken must be known (held, tagged or in the reference list), and
      // is asked for before anything is written: a misspelt one was linked (VRT to ZZZ, tags of
      // nothing), or written and then refused (FOO to BAR). The key may be new: a ticker yet to come.
      showSecurity(db, input.canonical);
      if (key === canonical) throw saidError('CONFLICT', ERROR_TEXT.alreadyOne, { key: input.key, canonical: input.canonical, one: canonical });
      withLookThrough(() => linkKeys(db, key, canonical, 'user', 'linked by the user', now()));
      return showSecurity(db, canonical);
    },
    unlinkSecurities: (input) => ({ unlinked: withLookThrough(() => unlinkKey(db, keyForText(db, input.key), input.canonical === undefined ? undefined : keyForText(db, input.canonical))) }),
    decideSecurityReview: (input) => withLookThrough(() => decideReview(db, input.id, input.decision, input.candidate, now())),
  } satisfies Pick<BackendHandlers, 'listSecurities' | 'showSecurity' | 'listSnapshotSecurities' | 'linkSecurities' | 'unlinkSecurities' | 'decideSecurityReview'>;
}
