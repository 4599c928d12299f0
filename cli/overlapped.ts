/**
 * Runs a command's jobs two at a time, so one report prints while the next is imported and
 * prepared, and hands each outcome on in the order the jobs were started: progress lines read the
 * same as when they ran one by one.
 */
export function overlapped<T>(width = 2) {
  const inFlight: Promise<void>[] = [];
  return {
    /** Starts no new job until fewer than `width` are running; `report` sees outcomes in start order. */
    async add(job: Promise<T>, report: (outcome: { ok: true; value: T } | { ok: false; error: unknown }) => void): Promise<void> {
      const settled = job.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const before = inFlight.at(-1) ?? Promise.resolve();
      inFlight.push(before.then(async () => report(await settled)));
      while (inFlight.length >= width) await inFlight.shift();
    },
    /** Waits for every job started to be reported. */
    async drain(): Promise<void> {
      await inFlight.at(-1);
      inFlight.length = 0;
    },
  };
}
