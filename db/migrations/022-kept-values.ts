import type { Db } from '../connection';

/**
 * A repriced snapshot's `checks` (migration 19) may hold a new kind: the positions that kept their
 * earlier values (db/import/reprice.ts, the warning KEPT_LAST_VALUE). No table changes; the version
 * is what matters: an older ThemeLens, whose reading of the checks fails on a kind it does not know,
 * refuses the file as one written by a newer version rather than failing on every such snapshot.
 */
export function migration022(_db: Db): void {}
