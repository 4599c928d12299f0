import { vi } from 'vitest';
import type { ThemeLensBridge } from '../../../shared/api/contract';
import { DEFAULT_THEMES } from '../../../shared/domain/default-themes';
import type { PortfolioSummary } from '../../../shared/domain/types';
import type { ExposureReport } from '../../../shared/report/model';
import { makeReport } from '../../helpers/report';

export { makeReport };

export function makePortfolio(overrides: Partial<PortfolioSummary> = {}): PortfolioSummary {
  return { id: 1, name: 'Smith family', baseCurrency: 'USD', clientName: null, notes: null, createdAt: '2026-11-24', snapshotCount: 1, latestSnapshotId: 1, latestAsOf: '2026-11-24', ...overrides };
}

/** window.themelens backed by in-memory data, every call a spy. */
export function installBridge(data: { portfolios?: PortfolioSummary[]; report?: ExposureReport } = {}) {
  const bridge = {
    listPortfolios: vi.fn(async () => data.portfolios ?? []),
    listThemes: vi.fn(async () => [...DEFAULT_THEMES]),
    getExposure: vi.fn(async () => data.report ?? makeReport()),
    setTag: vi.fn(async () => []),
    removeTag: vi.fn(async () => []),
    applyTagChanges: vi.fn(async (i: { changes: unknown[] }) => ({ before: [], after: i.changes })),
    chooseImportFile: vi.fn(async () => null),
    chooseExportPath: vi.fn(async () => null),
    importHoldings: vi.fn(),
    previewImport: vi.fn(),
    cancelImport: vi.fn(async () => ({ cancelled: false })),
    exportReport: vi.fn(),
    listImportIssues: vi.fn(async () => []),
    listFunds: vi.fn(async () => []),
    on: vi.fn(() => () => {}),
  };
  (window as unknown as { themelens: unknown }).themelens = bridge as unknown as ThemeLensBridge;
  return bridge;
}
