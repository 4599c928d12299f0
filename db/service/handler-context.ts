import type { ApiEvents, DamagedAtStart } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { Db } from '../connection';
import type { Clock } from '../repos/clock';
import * as lookThrough from '../repos/look-through';
import { refreshLinkedTags } from '../securities/links';
import * as portfolios from '../repos/portfolios';
import * as snapshots from '../repos/snapshots';
import type { ImportStages } from '../import/import-file';
import type { PdfRendererFactory } from '../report/render';
import type { Said } from '../../shared/text/fill';

export type Emit = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void;

/** What the backend was opened with, as the handlers need it. */
export interface BackendSettings {
  dbPath: string;
  nativeBinding?: string | undefined;
  emit?: Emit | undefined;
  /** Set when the database opened read-only: calls that would write files refuse with it. */
  readOnlyMessage?: string | null | undefined;
  /** The same message with its template, for the window's language (databaseStatus). */
  readOnlySaid?: Said | null | undefined;
  /** What start-up found when the file was damaged (moved aside; the user is offered a backup). */
  damaged?: DamagedAtStart | null | undefined;
  key?: string | undefined;
  cipherNativeBinding?: string | undefined;
  /** Prints PDF reports: the one the backend was given, else its own headless Chromium. */
  pdfRenderer: PdfRendererFactory;
  /** The benchmark's window on where an import's time went (imports on this thread only). */
  onImportStages?: ((stages: ImportStages) => void) | undefined;
}

/** Everything a feature's handlers share: the connection, the clock, the settings and two helpers. */
export interface HandlerContext {
  db: Db;
  now: Clock;
  settings: BackendSettings;
  /** Funds' look-through tags follow their constituents': re-derived in the same transaction as any tag change. */
  withLookThrough<T>(fn: () => T): T;
  /** The portfolio and snapshot a call names (the latest snapshot unless one is named). */
  scoped(input: { portfolioId: number; snapshotId?: number | undefined }): readonly [Portfolio, Snapshot];
}

export function handlerContext(db: Db, now: Clock, settings: BackendSettings): HandlerContext {
  return {
    db,
    now,
    settings,
    withLookThrough: <T>(fn: () => T): T =>
      db.transaction(() => {
        const result = fn();
        // Linked keys' copies first: a fund's constituent may be a linked listing (an ADR).
        refreshLinkedTags(db);
        lookThrough.refreshLookThrough(db, now());
        return result;
      })(),
    scoped: (input) => {
      const portfolio = portfolios.getPortfolio(db, input.portfolioId);
      return [portfolio, resolveSnapshot(db, portfolio, input.snapshotId)] as const;
    },
  };
}

/** The snapshot a call names, or the portfolio's latest. */
export function resolveSnapshot(db: Db, portfolio: Portfolio, snapshotId?: number): Snapshot {
  if (snapshotId !== undefined) {
    const s = snapshots.getSnapshot(db, snapshotId);
    if (s.portfolioId !== portfolio.id) throw new AppError('NOT_FOUND', `Snapshot ${snapshotId} does not belong to ${portfolio.name}.`);
    return s;
  }
  const latest = snapshots.latestSnapshot(db, portfolio.id);
  if (!latest) throw saidError('NOT_FOUND', ERROR_TEXT.noSnapshots, { portfolio: portfolio.name });
  return latest;
}
