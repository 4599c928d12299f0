// Runs one ThemeLens import in its own process and prints {ms, rows, peakRssMb} as JSON.
import { performance } from 'node:perf_hooks';
import { openBackend } from '../../db/service/backend';
import type { ImportStages } from '../../db/import/import-file';

async function main() {
  const [csv, dbPath] = process.argv.slice(2) as [string, string];
  const told: { stages: ImportStages | null } = { stages: null };
  const backend = await openBackend({ dbPath, onImportStages: (s) => (told.stages = s) });
  const t0 = performance.now();
  const outcome = await backend.handlers.importHoldings({ path: csv, portfolioName: 'Bench', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
  const ms = performance.now() - t0;
  // The process's peak resident memory, all threads (the kernel's high-water mark; no polling, which
  // would itself cost the importing thread time).
  const peak = process.resourceUsage().maxRSS * 1024;
  // Tagged as a user would have it (every symbol but cash, which takes no tag; weights of 25-100%), after the timing: the
  // exposure timed on this database then reads every group's values.
  const symbols = backend.db.prepare("SELECT DISTINCT symbol_key FROM position_resolutions WHERE symbol_key NOT LIKE 'CASH:%' LIMIT 5000").pluck().all() as string[];
  const themes = ['data-centers', 'oil-logistics', 'diamond-semiconductors'];
  if (symbols.length > 0) await backend.handlers.applyTagChanges({ changes: symbols.map((s, i) => ({ symbolKey: s, themeId: themes[i % 3] as string, weightBp: 2500 + (i % 4) * 2500 })) });
  backend.close();
  // Set-up counts everything before parsing starts, the verified backup before the import included.
  const st = told.stages;
  const stages = st ? { ...st, setupMs: ms - st.pipelineMs - st.finishMs } : null;
  console.log(JSON.stringify({ ms, rows: outcome.imported, peakRssMb: peak / 1048576, stages }));
}
void main();
