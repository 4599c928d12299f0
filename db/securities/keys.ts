import { AppError } from '../../shared/api/errors';
import { isIsin } from '../../shared/securities/identifiers';
import type { Db } from '../connection';
import { preparedOnce } from '../store';

/**
 * The security key a user's text names, as `tag`, `untag` and `securities show` take it: an ISIN the
 * master knows is its security; a key in use (held, tagged or known) is itself; a ticker the master
 * knows on one exchange only is that listing ("9984" is XTKS:9984). A ticker known on several
 * exchanges is refused with the keys to choose from, never picked.
 */
export function keyForText(db: Db, text: string): string {
  const st = preparedOnce(db, 'security-lookups', prepareKeyLookups);
  const t = text.trim().toUpperCase();
  if (isIsin(t)) return securityByIsin(db, t) ?? t;
  const inUse = st.security.get(t) !== undefined || st.tag.get(t) !== undefined || st.link.get(t) !== undefined || st.resolution.get(t) !== undefined;
  if (inUse) return t;
  const listed = st.listings.all(t) as string[];
  if (listed.length === 1) return listed[0] as string;
  if (listed.length > 1) throw new AppError('VALIDATION', `${t} is listed on several exchanges: ${listed.join(', ')}. Name the one you mean (or its ISIN).`);
  return t;
}

/** The security the master knows by this ISIN, if any. */
export function securityByIsin(db: Db, isin: string): string | undefined {
  return preparedOnce(db, 'security-lookups', prepareKeyLookups).byIsin.get(isin) as string | undefined;
}

/** The security the master knows by this listing (a ticker id, "XTKS:9984"), if any. */
export function securityByListing(db: Db, listing: string): string | undefined {
  return preparedOnce(db, 'security-lookups', prepareKeyLookups).byListing.get(listing) as string | undefined;
}

/**
 * The master's lookups, prepared once per connection: a tag file names every row's security
 * through them, and preparing the statements again for each of 30,000 rows was a third of the
 * import's time.
 */
function prepareKeyLookups(db: Db) {
  return {
    byIsin: db.prepare("SELECT security_key FROM security_identifiers WHERE kind = 'isin' AND value = ?").pluck(),
    byListing: db.prepare("SELECT security_key FROM security_identifiers WHERE kind = 'ticker' AND value = ?").pluck(),
    security: db.prepare('SELECT 1 FROM securities WHERE key = ?'),
    tag: db.prepare('SELECT 1 FROM tags WHERE symbol_key = ? LIMIT 1'),
    link: db.prepare('SELECT 1 FROM security_links WHERE key = ?'),
    resolution: db.prepare('SELECT 1 FROM position_resolutions WHERE symbol_key = ? LIMIT 1'),
    listings: db.prepare("SELECT DISTINCT security_key FROM security_identifiers WHERE kind = 'ticker' AND substr(value, instr(value, ':') + 1) = ?").pluck(),
  };
}
