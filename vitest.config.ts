import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two test files at once even on a two-core machine: most unit suites wait on a child process (the
// built CLI, Chromium, a worker thread) or the disk, so a second file fills that time (the suite
// took 376 s with one at a time and 224 s with two on the same machine). Vitest's default leaves a
// core free, which on two cores means one file at a time.
const UNIT_WORKERS = Math.max(2, availableParallelism() - 1);

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
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
