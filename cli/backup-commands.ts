import { unclaimedNote } from '../db/backup/backup-folder';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import type { CommandContext } from './commands';

/** `themelens backup list | create | restore FILE`: verified copies of the database. */
export async function backupCommand(h: BackendHandlers, args: string[], io: Io, { dbPath }: CommandContext): Promise<void> {
  const { positionals } = parseCommandArgs(args, {});
  const [action, file, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError('backup takes: list | create | restore FILE');
  if (action === 'list' && !file) {
    for (const b of await h.listBackups({})) io.out(`${b.file}\t${b.reason}\t${b.bytes} bytes\n`);
    // Older backups that may be this database's are named (on stderr: the list stays the list), never listed as its own.
    const unclaimed = unclaimedNote(dbPath);
    if (unclaimed) io.err(`Note: ${unclaimed}\n`);
  } else if (action === 'create' && !file) {
    const b = await h.createBackup({});
    io.out(`${b.path}\n`);
  } else if (action === 'restore' && file) {
    const r = await h.restoreBackup(validateInput('restoreBackup', { file: file.split(/[\\/]/).pop() }));
    io.out(`Restored ${r.restored}; the state before it is kept as ${r.safetyCopy}\n`);
  } else {
    throw new UsageError('backup takes: list | create | restore FILE');
  }
}
