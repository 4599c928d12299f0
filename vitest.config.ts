import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two test files at once even on a two-core machine: most unit suites wait on a child process (the
// built CLI, Chromium, a worker thread) or the disk, so a second file fills that time (the suite
// took 376 s with one at a time and 224 s with two on the same machine). Vitest's default leaves a
// core free, which on two cores means one file at a time.
const UNIT_WORKERS = Math.max(2, availableParallelism() - 1);

// Two e2e files at once as well: each has its own Chromium, server, data folder and screenshots, and
// most of a file's time is Chromium waiting on the page or the backend. On a two-core machine the
// e2e files took 222 s one at a time and 167 s two at a time. Capped: each Chromium takes memory.
const E2E_WORKERS = Math.min(4, UNIT_WORKERS);
const PERF_WALK = 'test/e2e/analytics-perf.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          setupFiles: ['test/setup/no-network.ts'],
          // The suites that start `themelens` as a process run it built, as users install it.
          globalSetup: ['test/setup/build-cli.ts'],
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/integration/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Integration suites start the CLI several times in beforeAll; a busy machine needs more than 10 s.
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: UNIT_WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [PERF_WALK],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: E2E_WORKERS,
          sequence: { groupOrder: 2 },
        },
      },
      {
        // The perf walk prints timings the closing notes quote: it runs alone, before the other e2e
        // files (after them, on this machine, its first switch to Themes took 106 ms instead of 71-77).
        test: {
          name: 'e2e-perf',
          include: [PERF_WALK],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
