import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Tag } from '../../../shared/domain/types';
import { POSITION_LIST_LIMIT, type PositionRow, type PositionList } from '../../../shared/exposure/position-list';
import type { SnapshotExposure } from '../../../shared/exposure/model';
import { api } from '../api';
import { t } from '../i18n';
import { buildPositionLines, type PositionLine } from './position-lines';
import { errorWords } from '../failure-words';

/** The first page: more rows than a screen shows, sorted by the backend in a few milliseconds. */
export const FIRST_PAGE = 200;
/** Then the rest in pages of this many: a few MB per message, never 100,000 rows at once. */
export const PAGE = 25_000;

/**
 * Bumped by every forgetPositions: App keeps the Positions view, hidden, behind the other views,
 * and a snapshot deleted there can give its id to the next import, so the table on hand loads its
 * positions again whenever portfolios or snapshots came or went.
 */
let forgotten = 0;
const forgetting = new Set<() => void>();
const onForget = (listener: () => void) => {
  forgetting.add(listener);
  return () => void forgetting.delete(listener);
};
const timesForgotten = () => forgotten;

/** The positions on hand may be another snapshot's: portfolios or snapshots came or went. */
export function forgetPositions(): void {
  forgotten++;
  for (const listener of forgetting) listener();
}

interface Pages {
  key: string;
  /** The rows so far: the first page, then the whole list once every page has come. */
  list: PositionList | null;
  /** Rows received so far (for the progress shown while the rest loads). */
  loaded: number;
  complete: boolean;
  error: string | null;
}

/**
 * A snapshot's positions in pages: the first small page is drawn at once, the rest follow in large
 * pages and are handed over together when the last has come (the table is built twice, not once
 * per page). A page computed with other values than the first (a rate changed meanwhile) starts
 * the list again, so pages of two valuations are never mixed.
 */
function usePagedPositions(snapshotId: number, valuesKey: string): Pages {
  const [pages, setPages] = useState<Pages>({ key: '', list: null, loaded: 0, complete: false, error: null });
  const current = pages.key === valuesKey;
  useEffect(() => {
    if (current && (pages.complete || pages.error)) return;
    let live = true;
    const load = async (): Promise<void> => {
      for (let attempt = 0; attempt < 3 && live; attempt++) {
        const first = await api().listPositions({ snapshotId, limit: FIRST_PAGE });
        if (!live) return;
        const want = Math.min(first.total, POSITION_LIST_LIMIT);
        const complete = first.rows.length >= want;
        setPages({ key: valuesKey, list: first, loaded: first.rows.length, complete, error: null });
        if (complete) return;
        const rows: PositionRow[] = [...first.rows];
        let stale = false;
        while (rows.length < want && live) {
          const page = await api().listPositions({ snapshotId, offset: rows.length, limit: Math.min(PAGE, want - rows.length) });
          if (!live) return;
          if (page.valuesStamp !== first.valuesStamp) {
            stale = true;
            break;
          }
          if (page.rows.length === 0) break;
          for (const r of page.rows) rows.push(r);
          setPages((p) => (p.key === valuesKey ? { ...p, loaded: rows.length } : p));
        }
        if (stale) continue;
        setPages({ key: valuesKey, list: { ...first, rows }, loaded: rows.length, complete: true, error: null });
        return;
      }
      if (live) setPages((p) => ({ ...p, key: valuesKey, error: t('The positions changed value while they loaded (an exchange rate changed). Choose the portfolio again.') }));
    };
    load().catch((err: unknown) => live && setPages((p) => ({ ...p, key: valuesKey, error: errorWords(err) })));
    return () => {
      live = false;
    };
    // Asked again when the snapshot or its valuation changes, or positions were forgotten (`valuesKey` carries all three).
  }, [valuesKey]);
  return current ? pages : { key: valuesKey, list: null, loaded: 0, complete: false, error: null };
}

/**
 * The snapshot's positions with their current tags. Positions are loaded once per snapshot (and
 * again when base currency or rates change their values), in pages; tags reload with every new
 * report, that is after every edit, and are small next to the positions.
 */
export function usePositions(exposure: SnapshotExposure): { lines: PositionLine[] | null; total: number; loaded: number; complete: boolean; error: string | null } {
  const generation = useSyncExternalStore(onForget, timesForgotten);
  const valuesKey = `${generation}|${exposure.snapshotId}|${exposure.baseCurrency}|${exposure.fxRates.map((r) => `${r.currency}=${r.rate}`).join(',')}|${exposure.warnings.filter((w) => w.code === 'MISSING_FX').length}`;
  const pages = usePagedPositions(exposure.snapshotId, valuesKey);
  const [tags, setTags] = useState<{ exposure: SnapshotExposure; tags: Tag[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (tags?.exposure === exposure) return;
    let current = true;
    api()
      .listTags({})
      .then(
        (t) => current && setTags({ exposure, tags: t }),
        (err) => current && setError(errorWords(err)),
      );
    return () => {
      current = false;
    };
    // Asked again for every new exposure; the tags on hand say whether they are this exposure's.
  }, [exposure]);

  const list = pages.list;
  const rows = list?.snapshotId === exposure.snapshotId ? list.rows : null;
  const tagList = tags?.tags ?? null;
  const lines = useMemo(() => (rows && tagList ? buildPositionLines(rows, tagList) : null), [rows, tagList]);
  return { lines, total: list?.total ?? exposure.positionCount, loaded: pages.loaded, complete: pages.complete, error: pages.error ?? error };
}
