import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The `themelens` command as one CommonJS file for `npm install -g`; runtime dependencies
// (better-sqlite3, papaparse) stay external and come from the package's dependencies.
export default defineConfig({
  // zod is bundled in: loaded from node_modules it is ~100 small files, ~70 ms of every command's start-up.
  ssr: { noExternal: ['zod'] },
  build: {
    ssr: true,
    outDir: resolve(__dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      // Every worker the command can start, built beside it (db/worker-script.ts looks there first).
      input: {
        themelens: resolve(__dirname, 'cli/main.ts'),
        'parse-worker': resolve(__dirname, 'db/import/parse-worker.ts'),
        'import-worker': resolve(__dirname, 'db/import/import-worker.ts'),
      },
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});
