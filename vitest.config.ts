import { defineConfig } from 'vitest/config';

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
