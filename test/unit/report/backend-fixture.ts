import { join } from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../../../db/service/backend';
import { ROOT } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

export const JOURNEY = (name: string): string => join(ROOT, 'test/fixtures/journey', name);

/** A backend on a fresh database file with a fixed clock, and the Smith family portfolio tagged as in the CLI test. */
export async function tagged(clock = () => '2026-11-25T09:00:00.000Z', options: Partial<BackendOptions> = {}): Promise<{ backend: Backend; dir: string; portfolioId: number; cleanup: () => void }> {
  const temp = makeTempDir('themelens-report-');
  const backend = await openBackend({ ...options, dbPath: join(temp.dir, 't.db'), clock });
  const h = backend.handlers;
  const outcome = await h.importHoldings({ path: JOURNEY('fidelity-two-accounts.csv'), portfolioName: 'Smith family', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
  await h.applyTagChanges({
    changes: [
      { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000, rationale: 'GPUs for AI data centers', sourceUrl: 'https://example.com/nvda' },
      { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 10000 },
      { symbolKey: 'COHR', themeId: 'diamond-semiconductors', weightBp: 2500 },
    ],
  });
  return { backend, dir: temp.dir, portfolioId: outcome.portfolio.id, cleanup: () => { backend.close(); temp.cleanup(); } };
}
