#!/usr/bin/env node
// Builds better-sqlite3 (and better-sqlite3-multiple-ciphers, loaded only when encryption at rest
// is on) for the installed Electron's ABI into native/electron/, WITHOUT touching node_modules
// (which stays built for Node, so `npm test` and `npm start` work in either order).
// Skips when the stamp says the binaries already match this Electron and both modules.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const OUT_DIR = join(root, 'native', 'electron');
const STAMP = join(OUT_DIR, 'stamp.json');
/** Each native module and the file its Electron build is copied to. */
export const MODULES = [
  { name: 'better-sqlite3', out: 'better_sqlite3.node' },
  { name: 'better-sqlite3-multiple-ciphers', out: 'better_sqlite3_mc.node' },
];

/** What the binary must match: the Electron version and the better-sqlite3 version. */
export function wanted() {
  return {
    electron: require('electron/package.json').version,
    betterSqlite3: require('better-sqlite3/package.json').version,
    betterSqlite3MultipleCiphers: require('better-sqlite3-multiple-ciphers/package.json').version,
    platform: process.platform,
    arch: process.arch,
  };
}

/** True when native/electron holds a binary built for exactly `want`. */
export function upToDate(want, outDir = OUT_DIR) {
  const stamp = join(outDir, 'stamp.json');
  if (MODULES.some((m) => !existsSync(join(outDir, m.out))) || !existsSync(stamp)) return false;
  try {
    const have = JSON.parse(readFileSync(stamp, 'utf8'));
    return Object.keys(want).every((k) => have[k] === want[k]);
  } catch {
    return false;
  }
}

function build(want) {
  for (const m of MODULES) buildOne(want, m.name, m.out);
  writeFileSync(STAMP, `${JSON.stringify(want, null, 2)}\n`);
}

function buildOne(want, name, out) {
  const source = dirname(require.resolve(`${name}/package.json`));
  const work = mkdtempSync(join(tmpdir(), 'themelens-native-'));
  try {
    cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${source}/build`) });
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [root, dirname(process.execPath)] });
    execFileSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${want.electron}`, '--runtime=electron', `--dist-url=${process.env.THEMELENS_ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers'}`, `--arch=${want.arch}`],
      { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
    );
    mkdirSync(OUT_DIR, { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(OUT_DIR, out));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const want = wanted();
  if (upToDate(want)) {
    console.log(`native/electron/better_sqlite3.node and better_sqlite3_mc.node are built for Electron ${want.electron}.`);
  } else {
    console.log(`Building better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron} into native/electron/ (node_modules is left for Node)...`);
    try {
      build(want);
    } catch (err) {
      console.error(
        `\nCould not build better-sqlite3 for Electron ${want.electron}: ${err.message}\n` +
          'This step downloads Electron\'s headers from electronjs.org and needs a C++ toolchain (python3, make, g++).\n' +
          'Your node_modules is unchanged: `npm test` still works. Connect to the internet and run `npm start` again.',
      );
      process.exit(1);
    }
  }
}
