import { vi } from 'vitest';
import type { ApiEvents, ApiOutputs, BackupInfo, DatabaseStatus, EncryptionStatus, ImportOutcome, ImportPreview, RestoreResult, ThemeLensBridge } from '../../../shared/api/contract';
import type { ErrorCode, ErrorDetails } from '../../../shared/api/errors';
import { DEFAULT_THEMES } from '../../../shared/domain/default-themes';
import type { PortfolioSummary, Tag } from '../../../shared/domain/types';
import type { PositionList } from '../../../shared/exposure/position-list';
import type { SnapshotExposure, ExposurePosition } from '../../../shared/exposure/model';
import { DEFAULT_PREFERENCES, type ReportPreferences } from '../../../shared/report/document';
import { makeReport } from '../../helpers/report';

export { makeReport };

export function makePortfolio(overrides: Partial<PortfolioSummary> = {}): PortfolioSummary {
  return { id: 1, name: 'Smith family', baseCurrency: 'USD', clientName: null, notes: null, createdAt: '2026-11-24', snapshotCount: 1, latestSnapshotId: 1, latestAsOf: '2026-11-24', ...overrides };
}

/** One holding line of a report; override what a test is about. */
export function makePosition(overrides: Partial<ExposurePosition> = {}): ExposurePosition {
  return { account: 'X1', symbol: 'AAPL', symbolKey: 'AAPL', description: 'APPLE INC', quantity: 10, value: 2000, localValue: 2000, currency: 'USD', isCash: false, themes: [], ...overrides };
}

/** A rejected call as the preload delivers it: an Error carrying code, message and details. */
export function bridgeError(code: ErrorCode, message: string, details?: ErrorDetails): Error {
  return Object.assign(new Error(message), { code, ...(details ? { details } : {}) });
}

/** What previewImport answers for a clean two-column file. */
export function makePreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    format: { encoding: 'utf-8', hadBom: false, delimiter: ',', headerLine: 1, headers: ['Symbol', 'Value'], preset: null, mapping: { symbol: 'Symbol', value: 'Value' }, asOf: '2026-11-24', fileTotalCents: null },
    rows: [],
    problem: null,
    savedMapping: false,
    presets: [],
    ...overrides,
  };
}

export function makeOutcome(portfolio: PortfolioSummary): ImportOutcome {
  return {
    portfolio,
    snapshot: { id: 1, portfolioId: portfolio.id, asOf: '2026-11-24', sourceFile: 'positions.csv', fileSha256: 'x', preset: null, rowCount: 2, importedAt: '2026-11-24T00:00:00Z' },
    imported: 2,
    rejected: [],
    warnings: [],
    checks: [],
  };
}

/** What previewReport answers: a page with one heading per section asked for (html), or the text of csv and json. */
export function makeReportPreview(input: { format?: string; sections?: string[] }): { content: string; fingerprint: string; page: { css: string; body: string } | null } {
  const fingerprint = 'abcd-ef01-2345';
  if (input.format === 'csv') return { content: '\uFEFFPortfolio,Smith family\r\nTotal value,40553.36\r\n', fingerprint, page: null };
  if (input.format === 'json') return { content: '{ "portfolio": "Smith family", "totalValue": 40553.36 }\n', fingerprint, page: null };
  const body = `<section class="cover"><h1>Theme exposure: Smith family</h1></section>${(input.sections ?? []).map((s) => `<h2>${s}</h2>`).join('')}`;
  return { content: `<!doctype html><html><body>${body}</body></html>`, fingerprint, page: { css: 'h1{font-size:22pt}', body } };
}

/** A report's positions as listPositions returns them. */
export function holdingsOf(report: SnapshotExposure): PositionList {
  return {
    snapshotId: report.snapshotId,
    baseCurrency: report.baseCurrency,
    total: report.positionCount,
    offset: 0,
    valuesStamp: report.baseCurrency,
    rows: report.positions.map((p) => [p.account, p.symbol, p.symbolKey, p.description, p.quantityText ?? (p.quantity === null ? null : String(p.quantity)), p.value, p.localValue, p.currency, p.isCash]),
  };
}

/** The tags behind a report's positions, as listTags returns them. */
export function tagsOf(report: SnapshotExposure): Tag[] {
  const seen = new Map<string, Tag>();
  for (const p of report.positions) {
    for (const t of p.themes) {
      seen.set(`${p.symbolKey}|${t.id}`, { symbolKey: p.symbolKey, themeId: t.id, weightBp: Math.round(t.weight * 10000), source: (t.source ?? 'manual') as Tag['source'], rationale: null, sourceUrl: null, updatedAt: '2026-11-24T00:00:00Z' });
    }
  }
  return [...seen.values()];
}

type Listeners = { [E in keyof ApiEvents]: Set<(payload: ApiEvents[E]) => void> };

/**
 * window.themelens backed by in-memory data, every call a spy. `emit` plays the backend pushing an
 * event (import progress, a menu command).
 */
export function installBridge(data: { portfolios?: PortfolioSummary[]; report?: SnapshotExposure; status?: Partial<DatabaseStatus>; suggestions?: ApiOutputs['listSuggestions'] } = {}) {
  const listeners: Listeners = { importProgress: new Set(), menuCommand: new Set() };
  const preferences: ReportPreferences = { ...DEFAULT_PREFERENCES };
  // Tags as the backend stores them: from the report's positions, changed by applyTagChanges.
  const tagStore = new Map(tagsOf(data.report ?? makeReport()).map((t) => [`${t.symbolKey}|${t.themeId}`, t]));
  // Themes as the backend stores them, changed by updateTheme.
  const themes = DEFAULT_THEMES.map((t) => ({ ...t }));
  const bridge = {
    listPortfolios: vi.fn(async () => data.portfolios ?? []),
    listThemes: vi.fn(async () => themes.map((t) => ({ ...t }))),
    updateTheme: vi.fn(async (input: { id: string; name?: string; description?: string; color?: string }) => {
      const theme = themes.find((t) => t.id === input.id);
      if (theme) Object.assign(theme, input);
      return { ...theme };
    }),
    listSuggestions: vi.fn(async (_input: { onlyHeld: boolean }) => data.suggestions ?? []),
    getExposure: vi.fn(async (_input: { portfolioId: number; positionLimit?: number }) => data.report ?? makeReport()),
    // The positions table reads the report's positions and their tags, as the backend would give them.
    // Pages as the backend gives them: `offset` rows in, at most `limit`.
    listPositions: vi.fn(async (input: { snapshotId: number; offset?: number; limit?: number }) => {
      const all = holdingsOf(data.report ?? makeReport());
      const offset = input.offset ?? 0;
      return { ...all, offset, rows: all.rows.slice(offset, offset + (input.limit ?? all.rows.length)) };
    }),
    listTags: vi.fn(async () => [...tagStore.values()]),
    setTag: vi.fn(async () => []),
    removeTag: vi.fn(async () => []),
    applyTagChanges: vi.fn(async (i: { changes: unknown[] }) => {
      for (const c of i.changes as { symbolKey: string; themeId: string; weightBp: number | null }[]) {
        const key = `${c.symbolKey}|${c.themeId}`;
        if (c.weightBp === null) tagStore.delete(key);
        else tagStore.set(key, { symbolKey: c.symbolKey, themeId: c.themeId, weightBp: c.weightBp, source: 'manual', rationale: null, sourceUrl: null, updatedAt: '2026-11-25T00:00:00Z' });
      }
      return { before: [], after: i.changes };
    }),
    chooseImportFile: vi.fn(async (): Promise<{ path: string; name: string } | null> => null),
    chooseExportPath: vi.fn(async (_input: { format: string; suggestedName: string }): Promise<{ path: string } | null> => null),
    importHoldings: vi.fn(async (_input: Record<string, unknown>): Promise<ImportOutcome> => makeOutcome(makePortfolio())),
    previewImport: vi.fn(async () => makePreview()),
    cancelImport: vi.fn(async () => ({ cancelled: false })),
    exportReport: vi.fn(async (input: { path: string }) => ({ path: input.path, bytes: 100, reportId: 1, fingerprint: 'abcd-ef01-2345' })),
    previewReport: vi.fn(async (input: { format?: string; sections?: string[] }) => makeReportPreview(input)),
    getReportPreferences: vi.fn(async () => ({ ...preferences })),
    setReportPreferences: vi.fn(async (input: Partial<ReportPreferences>) => Object.assign(preferences, input)),
    listImportIssues: vi.fn(async () => []),
    listFunds: vi.fn(async () => []),
    databaseStatus: vi.fn(async (): Promise<DatabaseStatus> => ({ readOnly: false, message: null, sqliteVersion: '3.50.0', schemaVersion: 6, damaged: null, ...data.status })),
    restoreBackup: vi.fn(async (input: { file: string }): Promise<RestoreResult> => ({ restored: input.file, safetyCopy: 'themelens-2026-11-30T00-00-00-000Z-before-restore.db', restartRequired: true })),
    relaunchApp: vi.fn(async () => ({ relaunching: true as const })),
    setMenuLanguage: vi.fn(async ({ language }: { language: 'en' | 'ja' }) => ({ language })),
    encryptionStatus: vi.fn(async (): Promise<EncryptionStatus> => ({ enabled: false, available: true, reason: null })),
    enableEncryption: vi.fn(async () => ({ relaunching: true as const })),
    showDatabaseKey: vi.fn(async () => ({ key: 'ab'.repeat(32) })),
    listBackups: vi.fn(async () => [] as BackupInfo[]),
    createBackup: vi.fn(async () => ({ file: 'themelens-2026-11-30T00-00-00-000Z-manual.db', path: '/data/backups/themelens-2026-11-30T00-00-00-000Z-manual.db', bytes: 4096, createdAt: '2026-11-30T00:00:00.000Z', reason: 'manual' })),
    on: vi.fn(<E extends keyof ApiEvents>(event: E, listener: (payload: ApiEvents[E]) => void) => {
      const set = listeners[event] as Set<(payload: ApiEvents[E]) => void>;
      set.add(listener);
      return () => void set.delete(listener);
    }),
  };
  (window as unknown as { themelens: unknown }).themelens = bridge as unknown as ThemeLensBridge;
  const emit = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => {
    for (const l of listeners[event] as Set<(payload: ApiEvents[E]) => void>) l(payload);
  };
  return Object.assign(bridge, { emit, data });
}
