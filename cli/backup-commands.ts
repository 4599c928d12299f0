import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';

/** `themelens backup list | create | restore FILE`: verified copies of the database. */
export async function backupCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { positionals } = parseCommandArgs(args, {});
  const [action, file, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError('backup takes: list | create | restore FILE');
  if (action === 'list' && !file) {
    for (const b of await h.listBackups({})) io.out(`${b.file}\t${b.reason}\t${b.bytes} bytes\n`);
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
