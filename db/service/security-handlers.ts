import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import type { BackendHandlers } from '../../shared/api/contract';
import { canonicalKey, linkKeys, unlinkKey } from '../securities/links';
import { keyForText } from '../securities/keys';
import { decideReview, listReviews, listSecurities, showSecurity, snapshotSecurities } from '../securities/queries';
import type { HandlerContext } from './handler-context';

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
      if (key === canonical) throw saidError('CONFLICT', ERROR_TEXT.alreadyOne, { key: input.key, canonical: input.canonical, one: canonical });
      withLookThrough(() => linkKeys(db, key, canonical, 'user', 'linked by the user', now()));
      return showSecurity(db, canonical);
    },
    unlinkSecurities: (input) => ({ unlinked: withLookThrough(() => unlinkKey(db, keyForText(db, input.key), input.canonical === undefined ? undefined : keyForText(db, input.canonical))) }),
    decideSecurityReview: (input) => withLookThrough(() => decideReview(db, input.id, input.decision, input.candidate, now())),
  } satisfies Pick<BackendHandlers, 'listSecurities' | 'showSecurity' | 'listSnapshotSecurities' | 'linkSecurities' | 'unlinkSecurities' | 'decideSecurityReview'>;
}
