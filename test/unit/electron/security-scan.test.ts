import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = resolve(__dirname, '../../..');

describe('static security scan (electronegativity over built bundles)', () => {
  const temp = makeTempDir('themelens-scan-test-');
  afterAll(() => temp.cleanup());

  it('fails on a planted finding that is not a reviewed suppression', () => {
    const dir = join(temp.dir, 'out', 'main');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const r = spawnSync(process.execPath, ['scripts/security-scan.mjs', join(temp.dir, 'out')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/SANDBOX_JS_CHECK main\/index\.js:2/);
    expect(r.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK main\/index\.js:2/);
  });
});
