import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The `themelens` command as one CommonJS file for `npm install -g`; runtime dependencies
// (better-sqlite3, zod, papaparse) stay external and come from the package's dependencies.
export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(__dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: { themelens: resolve(__dirname, 'cli/main.ts'), 'parse-worker': resolve(__dirname, 'db/import/parse-worker.ts') },
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});
