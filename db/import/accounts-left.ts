import type { ImportCheck } from '../../shared/import/checks';
import type { Db } from '../connection';
import { listSnapshots } from '../repos/snapshots';

/** Accounts named in the check; past these, it says how many in all. */
const ACCOUNTS_NAMED = 5;

/**
 * A portfolio's figures are its latest snapshot's. A user with two accounts in two files who imports
 * the second into the same portfolio expects the two added up, and gets the second alone: the
 * first account silently leaves every figure. So an import that becomes the latest snapshot says
 * which accounts of the snapshot it replaces it does not hold (only when both files name their
 * accounts: a file without an account column cannot be compared). An account closed since is said
 * too; the user knows which it is.
 */
export function accountsLeftOut(db: Db, portfolioId: number, snapshotId: number): Extract<ImportCheck, { kind: 'accountsLeft' }> | null {
  const [latest, before] = listSnapshots(db, portfolioId);
  if (latest?.id !== snapshotId || !before) return null;
  const accounts = db.prepare('SELECT account_list FROM position_index WHERE snapshot_id = ?').pluck();
  const named = (id: number) => new Set((JSON.parse((accounts.get(id) as string | undefined) ?? '[]') as string[]).filter((a) => a.trim() !== ''));
  const now = named(snapshotId);
  if (now.size === 0) return null;
  const left = [...named(before.id)].filter((a) => !now.has(a));
  if (left.length === 0) return null;
  return { kind: 'accountsLeft', count: left.length, accounts: left.slice(0, ACCOUNTS_NAMED), snapshotId: before.id, asOf: before.asOf, sourceFile: before.sourceFile };
}
