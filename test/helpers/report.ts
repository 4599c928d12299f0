import { DEFAULT_THEMES } from '../../shared/domain/default-themes';
import type { SnapshotExposure } from '../../shared/exposure/model';

/** A report with sensible defaults; override what a test is about. */
export function makeReport(overrides: Partial<SnapshotExposure> = {}): SnapshotExposure {
  return {
    schemaVersion: 1,
    portfolio: 'Smith family',
    clientName: null,
    snapshotId: 1,
    asOf: '2026-11-24',
    sourceFile: 'positions.csv',
    baseCurrency: 'USD',
    totalValue: 40553.36,
    cashValue: 1234.56,
    untaggedValue: 27575.36,
    themes: DEFAULT_THEMES.map((t) => ({ id: t.id, name: t.name, color: t.color, value: t.id === 'data-centers' ? 12978 : 0, grossValue: 0, longValue: 0, shortValue: 0, share: t.id === 'data-centers' ? 12978 / 40553.36 : 0, positionCount: t.id === 'data-centers' ? 1 : 0 })),
    positionCount: 2,
    positions: [
      { account: 'X1', symbol: 'NVDA', symbolKey: 'NVDA', description: 'NVIDIA CORPORATION COM', quantity: 120, value: 21630, localValue: 21630, currency: 'USD', isCash: false, themes: [{ id: 'data-centers', weight: 0.6, value: 12978 }] },
      { account: 'X1', symbol: 'KMI', symbolKey: 'KMI', description: 'KINDER MORGAN INC', quantity: 300, value: 8133, localValue: 8133, currency: 'USD', isCash: false, themes: [] },
    ],
    fxRates: [],
    warnings: [],
    tagChanges: [],
    generatedAt: '2026-11-25T00:00:00Z',
    ...overrides,
  };
}
