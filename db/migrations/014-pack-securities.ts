import { REFERENCE_SECURITIES } from '../../shared/securities/reference';
import type { Db } from '../connection';
import { linkKeys } from '../securities/links';
import { seedReference } from './012-securities';

/**
 * The securities a newer pack brings into the master, new rows only, and positions held so far
 * under one of their ISINs alone (a DEGIRO or bank file) linked to them, so the pack's suggestions
 * and tags reach them without a new import. Migration 14 brought version 3's (53, up from 14),
 * migration 15 version 4's (62): each runs what the app's pack holds then, and only adds.
 */
export function migration014(db: Db): void {
  const now = new Date().toISOString();
  seedReference(db, now);
  const heldByIsin = db.prepare('SELECT 1 FROM positions WHERE symbol_key = ? LIMIT 1').pluck();
  const linked = db.prepare('SELECT 1 FROM security_links WHERE key = ?').pluck();
  for (const s of REFERENCE_SECURITIES) {
    if (!s.isin || s.isin === s.key || !heldByIsin.get(s.isin) || linked.get(s.isin)) continue;
    try {
      linkKeys(db, s.isin, s.key, 'identifier', `migration: ${s.isin} is ${s.key} (the pack's reference)`, now);
    } catch {
      // Both keys have tags of their own: left apart, as the user made them; "securities link" joins them.
    }
  }
}
