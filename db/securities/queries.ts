import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { AppError } from '../../shared/api/errors';
import type { SecurityDetail, SecurityReview, SecuritySummary, SnapshotSecurity } from '../../shared/api/contract';
import type { Db } from '../connection';
import { canonicalKey, linkKeys } from './links';
import { keyForText } from './keys';
import { cached } from '../exposure/cache';
import { empty, placeholders, sql } from '../sql';

/** Every key that takes `key`'s tags, itself included. */
const keysOf = (db: Db, key: string): string[] => [key, ...(db.prepare('SELECT key FROM security_links WHERE canonical_key = ? ORDER BY key').pluck().all(key) as string[])];

/** The securities held in the latest snapshot of some portfolio, with how many positions; `unresolved`: only those waiting in Needs review. */
export function listSecurities(db: Db): SecuritySummary[] {
  return db
    .prepare(
      `WITH latest AS (SELECT s.id FROM snapshots s WHERE s.id = (SELECT id FROM snapshots WHERE portfolio_id = s.portfolio_id ORDER BY as_of DESC, id DESC LIMIT 1)),
            held AS (SELECT r.symbol_key AS key, sum(r.position_count) AS n, count(DISTINCT s.portfolio_id) AS portfolios
                     FROM position_resolutions r JOIN snapshots s ON s.id = r.snapshot_id WHERE r.snapshot_id IN (SELECT id FROM latest) AND r.detail <> 'cash' GROUP BY r.symbol_key)
       SELECT h.key, coalesce(sec.name, '') AS name, sec.kind, coalesce(l.canonical_key, h.key) AS canonicalKey,
              (SELECT value FROM security_identifiers i WHERE i.security_key = coalesce(l.canonical_key, h.key) AND i.kind = 'isin') AS isin,
              h.n AS positions, h.portfolios, (SELECT count(*) FROM security_reviews r WHERE r.symbol_key = h.key AND r.status = 'open') > 0 AS unresolved
       FROM held h LEFT JOIN security_links l ON l.key = h.key LEFT JOIN securities sec ON sec.key = coalesce(l.canonical_key, h.key)
       ORDER BY h.key`,
    )
    .all()
    .map((r) => ({ ...(r as SecuritySummary), unresolved: Boolean((r as { unresolved: number }).unresolved), kind: (r as { kind: string | null }).kind ?? null }));
}

export function listReviews(db: Db, openOnly = true): SecurityReview[] {
  return (
    db
      .prepare(sql`SELECT id, symbol_key AS symbolKey, candidates, message, source, status, created_at AS createdAt FROM security_reviews ${openOnly ? sql`WHERE status = 'open'` : empty} ORDER BY id`.text)
      .all() as (Omit<SecurityReview, 'candidates'> & { candidates: string })[]
  ).map((r) => ({ ...r, candidates: r.candidates ? r.candidates.split(',') : [] }));
}

/** Confirms a review (its key becomes the chosen security's, by a user link) or rejects it (left as it is). */
export function decideReview(db: Db, id: number, decision: 'confirm' | 'reject', candidate: string | undefined, now: string): SecurityReview[] {
  const r = listReviews(db, false).find((x) => x.id === id);
  if (!r) throw saidError('NOT_FOUND', ERROR_TEXT.reviewGone, { id: String(id) });
  if (r.status !== 'open') throw new AppError('CONFLICT', `Review item ${id} was already ${r.status}.`);
  db.transaction(() => {
    if (decision === 'confirm') {
      const chosen = candidate ?? (r.candidates.length === 1 ? r.candidates[0] : undefined);
      if (!chosen || !r.candidates.includes(chosen)) throw new AppError('VALIDATION', `Choose which security ${r.symbolKey} is: ${r.candidates.join(' or ')}.`);
      linkKeys(db, r.symbolKey, chosen, 'user', `confirmed in Needs review (${r.message})`, now);
    }
    db.prepare('UPDATE security_reviews SET status = ? WHERE id = ?').run(decision === 'confirm' ? 'confirmed' : 'rejected', id);
  })();
  return listReviews(db);
}

/** One security as the user names it (ticker, key or ISIN): identifiers, links, where it is held, how it was resolved. */
export function showSecurity(db: Db, text: string): SecurityDetail {
  const named = keyForText(db, text);
  const key = canonicalKey(db, named);
  const sec = db.prepare('SELECT key, name, kind, country, currency, source FROM securities WHERE key = ?').get(key) as
    | { key: string; name: string; kind: string; country: string | null; currency: string | null; source: string }
    | undefined;
  const keys = keysOf(db, key);
  const held = keys.length === 0 ? { n: 0, portfolios: 0 } : securityReach(db, key);
  if (!sec && held.n === 0 && db.prepare('SELECT 1 FROM tags WHERE symbol_key = ?').get(key) === undefined) {
    throw new AppError('NOT_FOUND', `No security is known as ${text.trim()}: it is neither held, tagged nor in the reference list. "themelens securities" lists the held ones.`);
  }
  return {
    key,
    named,
    name: sec?.name ?? '',
    kind: sec?.kind ?? null,
    country: sec?.country ?? null,
    currency: sec?.currency ?? null,
    source: sec?.source ?? null,
    identifiers: db.prepare('SELECT kind, value, source FROM security_identifiers WHERE security_key = ? ORDER BY kind, value').all(key) as SecurityDetail['identifiers'],
    links: db.prepare('SELECT key, canonical_key AS canonicalKey, reason, source FROM security_links WHERE canonical_key = ? OR key = ? ORDER BY key').all(key, named) as SecurityDetail['links'],
    resolutions: db
      .prepare(sql`SELECT DISTINCT r.symbol_key AS key, r.method, r.detail FROM position_resolutions r WHERE r.symbol_key IN (${placeholders(keys.length)}) ORDER BY r.symbol_key`.text)
      .all(...keys) as SecurityDetail['resolutions'],
    positions: held.n,
    portfolios: held.portfolios,
  };
}

/** How many positions of the portfolios' latest snapshots are this security (under any key linked to it), in how many portfolios. */
export function securityReach(db: Db, key: string): { n: number; portfolios: number } {
  const keys = keysOf(db, canonicalKey(db, key));
  return db
    .prepare(
      sql`SELECT coalesce(sum(r.position_count), 0) AS n, count(DISTINCT s.portfolio_id) AS portfolios FROM position_resolutions r JOIN snapshots s ON s.id = r.snapshot_id
       WHERE r.symbol_key IN (${placeholders(keys.length)})
         AND s.id = (SELECT id FROM snapshots WHERE portfolio_id = s.portfolio_id ORDER BY as_of DESC, id DESC LIMIT 1)`.text,
    )
    .get(...keys) as { n: number; portfolios: number };
}

/**
 * Each key of a snapshot with the security it is and how it was resolved (the positions table's
 * tooltips). Kept until data changes (exposure/cache.ts): the Positions view asks each time it is
 * shown, and 5,000 keys take 30-40 ms to look up.
 */
export function snapshotSecurities(db: Db, snapshotId: number): SnapshotSecurity[] {
  return cached(db, `securities:${snapshotId}`, () => lookUpSnapshotSecurities(db, snapshotId));
}

function lookUpSnapshotSecurities(db: Db, snapshotId: number): SnapshotSecurity[] {
  return db
    .prepare(
      `SELECT r.symbol_key AS key, coalesce(l.canonical_key, r.symbol_key) AS canonicalKey, coalesce(sec.name, '') AS name,
              (SELECT value FROM security_identifiers i WHERE i.security_key = coalesce(l.canonical_key, r.symbol_key) AND i.kind = 'isin') AS isin,
              (SELECT substr(value, 1, instr(value, ':') - 1) FROM security_identifiers i WHERE i.security_key = coalesce(l.canonical_key, r.symbol_key) AND i.kind = 'ticker' ORDER BY i.source = 'reference' DESC LIMIT 1) AS market,
              r.method, r.detail, l.reason AS linkReason
       FROM position_resolutions r LEFT JOIN security_links l ON l.key = r.symbol_key LEFT JOIN securities sec ON sec.key = coalesce(l.canonical_key, r.symbol_key)
       WHERE r.snapshot_id = ? ORDER BY r.symbol_key`,
    )
    .all(snapshotId) as SnapshotSecurity[];
}
