// Runs one import straight through importHoldingsFile, with or without security resolution, in its
// own process; prints {ms, rows} as JSON. The baseline of the resolution's cost (run.ts).
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../db/connection';
import { importHoldingsFile, type ImportStages } from '../../db/import/import-file';
import { migrate } from '../../db/migrations';
import { validateInput } from '../../shared/api/validate';

async function main() {
  const [csv, dbPath, mode] = process.argv.slice(2) as [string, string, 'with' | 'without'];
  const db = openDatabase(dbPath);
  migrate(db);
  const told: { stages: ImportStages | null } = { stages: null };
  const t0 = performance.now();
  const outcome = await importHoldingsFile(db, validateInput('importHoldings', { path: csv, portfolioName: 'Bench' }), new Date().toISOString(), { identify: mode === 'with', onStages: (s) => (told.stages = s) });
  const ms = performance.now() - t0;
  db.close();
  console.log(JSON.stringify({ ms, rows: outcome.imported, stages: told.stages }));
}
void main();
