import { AppError } from '../shared/api/errors';
import { InterruptedError } from './errors';

/**
 * Runs a long write (an import) with Ctrl-C turned into a cancel request, so the command can say
 * afterwards whether the work rolled back or had already committed, instead of dying silently
 * mid-transaction. `describeCommitted` words the committed case from the result.
 */
export async function withInterrupt<T>(work: () => Promise<T>, cancel: () => unknown, describeCommitted: (result: T) => string): Promise<T> {
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    cancel();
  };
  process.on('SIGINT', onSigint);
  try {
    const result = await work();
    // A Ctrl-C that arrived during the last synchronous stretch is still queued: let it be delivered.
    await new Promise((ok) => setImmediate(ok));
    if (interrupted) throw new InterruptedError(`interrupted, but the import had already committed: ${describeCommitted(result)}`);
    return result;
  } catch (err) {
    if (interrupted && !(err instanceof InterruptedError)) {
      const rolledBack = err instanceof AppError && err.code === 'CANCELLED';
      throw new InterruptedError(rolledBack ? 'interrupted: the import was rolled back; the database is as it was before.' : `interrupted: the import failed and was rolled back (${err instanceof Error ? err.message : String(err)}); the database is as it was before.`);
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
