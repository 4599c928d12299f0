import { createVerifiedBackup } from '../backup/backups';
import { AppError } from '../../shared/api/errors';
import type { Db } from '../connection';
import { migration001 } from './001-initial';
import { migration002 } from './002-saved-mappings';
import { migration003 } from './003-rules-and-suggestions';
import { migration004 } from './004-look-through';
import { migration005 } from './005-sub-themes';
import { migration006 } from './006-reports';
import { migration007 } from './007-file-totals';
import { migration008 } from './008-dated-fx';
import { migration009 } from './009-broker-base-values';
import { migration010 } from './010-theme-targets';
import { migration011 } from './011-client-targets';
import { migration012 } from './012-securities';
import { migration013 } from './013-pack-versions';
import { migration014 } from './014-pack-securities';
import { migration016 } from './016-position-groups';
import { migration017 } from './017-position-index';
import { migration018 } from './018-issue-templates';
import { migration019 } from './019-snapshot-checks';
import { migration020 } from './020-written-files';
import { migration021 } from './021-saved-mapping-decimal';
import { migration022 } from './022-kept-values';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

/** Every migration, in order. Versions are 1, 2, 3... with no gaps. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: migration001 },
  { version: 2, name: 'saved column mappings', up: migration002 },
  { version: 3, name: 'rules and suggestion decisions', up: migration003 },
  { version: 4, name: 'fund look-through', up: migration004 },
  { version: 5, name: 'sub-themes', up: migration005 },
  { version: 6, name: 'report records and preferences', up: migration006 },
  { version: 7, name: 'file totals kept with snapshots', up: migration007 },
  { version: 8, name: 'dated exchange rates', up: migration008 },
  { version: 9, name: 'broker base values; repriced snapshots', up: migration009 },
  { version: 10, name: 'theme targets', up: migration010 },
  { version: 11, name: 'client targets', up: migration011 },
  { version: 12, name: 'security master, links and reviews', up: migration012 },
  { version: 13, name: 'suggestion decisions keep their weight (versioned packs)', up: migration013 },
  { version: 14, name: "the pack's securities in the master", up: migration014 },
  { version: 15, name: "the pack's version 4 securities in the master (Noritake, Tokyo Seimitsu, Williams...)", up: migration014 },
  { version: 16, name: 'positions grouped per security for the exposure', up: migration016 },
  { version: 17, name: "each snapshot's position index: every position's group and account", up: migration017 },
  { version: 18, name: 'rows left out of an import keep the template of their reason', up: migration018 },
  { version: 19, name: "a snapshot keeps its import's checks (values' signs, values computed)", up: migration019 },
  { version: 20, name: 'files written, so the command line replaces only its own', up: migration020 },
  { version: 21, name: 'a saved column mapping keeps its decimal separator', up: migration021 },
  { version: 22, name: "a repriced snapshot's checks name the positions that kept their earlier values", up: migration022 },
];

export const LATEST_VERSION = MIGRATIONS.length;

/** The schema version stored in the file. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to `target`, all steps in ONE transaction so a failure leaves the file at
 * its old version. A file written by a newer ThemeLens is refused rather than guessed at.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, target = migrations.length): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new AppError(
      'DB_FROM_FUTURE',
      `This database was written by a newer version of ThemeLens (schema ${current}; this version knows ${migrations.length}). Update ThemeLens to open it.`,
    );
  }
  if (current >= target) return current;
  db.transaction(() => {
    for (const m of migrations.slice(current, target)) m.up(db);
    db.pragma(`user_version = ${Number(target)}`);
  })();
  return target;
}

/** Whether the file needs migrating (so a backup is due first). */
export function needsMigration(db: Db, migrations: readonly Migration[] = MIGRATIONS): boolean {
  const v = schemaVersion(db);
  return v > 0 && v < migrations.length;
}

/** A verified backup (db/backup) taken before a migration touches the file; returns its path. */
export async function backupBeforeMigration(db: Db, dbPath: string, now = new Date()): Promise<string> {
  return (await createVerifiedBackup(db, dbPath, 'migration', now)).path;
}

/**
 * What start-up does: a verified backup if the file needs migrating, then the migration (one
 * transaction). If a step throws, the file keeps its old version and the backup stays beside it.
 */
export async function migrateWithBackup(db: Db, dbPath: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  if (needsMigration(db, migrations)) await backupBeforeMigration(db, dbPath);
  return migrate(db, migrations);
}
