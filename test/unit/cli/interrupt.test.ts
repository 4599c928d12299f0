import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { InterruptedError } from '../../../cli/errors';
import { withInterrupt } from '../../../cli/interrupt';

const tick = () => new Promise((ok) => setTimeout(ok, 5));

describe('Ctrl-C around an import (cli/interrupt.ts)', () => {
  it('work that had committed: says so, with what it holds', async () => {
    let cancels = 0;
    const run = withInterrupt(
      async () => {
        await tick();
        process.emit('SIGINT');
        await tick();
        return { id: 7 };
      },
      () => cancels++,
      (r) => `snapshot ${r.id}`,
    );
    await expect(run).rejects.toThrow(new InterruptedError('interrupted, but the import had already committed: snapshot 7'));
    expect(cancels).toBe(1);
  });

  it('work that was cancelled: says it rolled back', async () => {
    let cancelled = false;
    const run = withInterrupt(
      async () => {
        process.emit('SIGINT');
        await tick();
        if (cancelled) throw new AppError('CANCELLED', 'Import cancelled; nothing was written.');
        return 1;
      },
      () => (cancelled = true),
      () => '',
    );
    await expect(run).rejects.toThrow(/^interrupted: the import was rolled back; the database is as it was before\.$/);
  });

  it('no Ctrl-C: the result, and no SIGINT listener left behind', async () => {
    const before = process.listenerCount('SIGINT');
    await expect(withInterrupt(async () => 42, () => {}, () => '')).resolves.toBe(42);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
