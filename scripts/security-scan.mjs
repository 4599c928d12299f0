#!/usr/bin/env node
// Static security scan of the built app (out/) with @doyensec/electronegativity. The tool always
// exits 0, so this script reads its SARIF output and fails on any finding that is not a reviewed,
// justified suppression in security/electronegativity-suppressions.json.
// Usage: node scripts/security-scan.mjs [DIR]   (default: out)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? join(root, 'out'));
const work = mkdtempSync(join(tmpdir(), 'themelens-scan-'));
const sarif = join(work, 'electronegativity.sarif');
try {
  // The global check for newer Electron releases needs the network: excluded, by its class name.
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', input, '-o', sarif, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-e', JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((run) => run.results ?? []);
  const { suppressions } = JSON.parse(readFileSync(join(root, 'security/electronegativity-suppressions.json'), 'utf8'));
  const fileOf = (r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?';
  const lineOf = (r) => r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0;
  const codeAt = (r) => {
    try {
      return readFileSync(join(input, fileOf(r)), 'utf8').split('\n')[lineOf(r) - 1] ?? '';
    } catch {
      return '';
    }
  };
  const suppressed = (r) => suppressions.some((s) => s.ruleId === r.ruleId && s.file === fileOf(r) && (!s.snippet || codeAt(r).includes(s.snippet)));
  const open = results.filter((r) => !suppressed(r));
  console.log(`electronegativity: ${results.length} finding(s) in ${input}, ${results.length - open.length} reviewed and suppressed, ${open.length} open.`);
  for (const r of open) {
    console.error(`  ${r.ruleId} ${fileOf(r)}:${lineOf(r)}: ${r.message?.text ?? ''}`);
  }
  process.exitCode = open.length === 0 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
