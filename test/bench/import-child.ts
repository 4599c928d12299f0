// Runs one ThemeLens import in its own process and prints {ms, rows, peakRssMb} as JSON.
import { performance } from 'node:perf_hooks';
import { openBackend } from '../../db/service/backend';

async function main() {
  const [csv, dbPath] = process.argv.slice(2) as [string, string];
  const backend = await openBackend({ dbPath });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const outcome = await backend.handlers.importHoldings({ path: csv, portfolioName: 'Bench', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  backend.close();
  console.log(JSON.stringify({ ms, rows: outcome.imported, peakRssMb: peak / 1048576 }));
}
void main();
