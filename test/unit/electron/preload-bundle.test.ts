import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

describe('the sandboxed preload bundles to one file that requires electron only', () => {
  it('pulls in no zod, no Node module and no other package', async () => {
    // The same shape electron-vite builds (one CommonJS file, electron external), without comments.
    const result = await build({
      entryPoints: [join(ROOT, 'electron/preload/index.ts')],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'browser',
      external: ['electron'],
      legalComments: 'none',
      minifyWhitespace: true,
      logLevel: 'silent',
      metafile: true,
      absWorkingDir: ROOT,
    });
    const code = result.outputFiles[0]!.text;
    const requires = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    const inputs = Object.keys(result.metafile.inputs).sort();
    expect(inputs).toEqual(['electron/preload/bridge.ts', 'electron/preload/index.ts', 'shared/api/names.ts']);
    expect(code).not.toMatch(/safeParse|ZodError|ipcRenderer\.send\b/);
  });
});
