import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { TagChange } from '../../../shared/api/contract';
import type { Theme } from '../../../shared/domain/types';
import type { SnapshotExposure } from '../../../shared/exposure/model';
import { formatMoney, formatStoredQuantity } from '../format';
import { usePositions } from './usePositions';
import { BulkTagBar } from '../tagging/BulkTagBar';
import { useReadOnly } from '../ui/read-only';
import { filterPositions, sortPositions, type PositionLine, type SortColumn, type SortOrder } from './position-lines';
import { PositionThemes } from './PositionThemes';
import type { SnapshotSecurity } from '../../../shared/api/contract';
import { api } from '../api';
import { useCall } from '../ui/useCall';
import { securityTitle } from './security-title';
import { useSwitchMeasure } from '../analytics/timing';
import { msg } from '../i18n';
import { hasWide } from '../wide-text';

interface Props {
  exposure: SnapshotExposure;
  themes: Theme[];
  /** Applies tag edits as one undoable step. */
  onTagChanges: (changes: TagChange[], label: string) => Promise<void>;
  /** A position was linked to another security ("Same security as…"): figures to fetch again. */
  onSecuritiesChanged?: () => void;
}

const COLUMNS: { column: SortColumn; label: string; numeric?: boolean }[] = [
  { column: 'account', label: msg('Account') },
  { column: 'symbol', label: msg('Symbol') },
  { column: 'description', label: msg('Description') },
  { column: 'quantity', label: msg('Quantity'), numeric: true },
  { column: 'value', label: msg('Value'), numeric: true },
  { column: 'themes', label: msg('Themes') },
];

/** Click cycles a column: descending for numbers (largest first), ascending for text, then back to the file's order. */
function nextOrder(current: SortOrder | null, column: SortColumn, numeric: boolean): SortOrder | null {
  const first = numeric ? 'desc' : 'asc';
  if (current?.column !== column) return { column, direction: first };
  if (current.direction === first) return { column, direction: first === 'asc' ? 'desc' : 'asc' };
  return null;
}

/**
 * The height most of a list's first rows will have (as drawn at 1360 px): about 37 px untagged
 * (the "+ Tag" button), 28 for cash, 43 with one tag chip (the button's sign beside it) and 30 more
 * for each further chip, one a line.
 */
export function typicalRowHeight(rows: readonly PositionLine[]): number {
  const heights = rows.slice(0, 200).map((p) => (p.themes.length === 0 ? (p.isCash ? 28 : 37) : 13 + 30 * p.themes.length));
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 37;
}

/**
 * The snapshot's positions with their tags. Rows are selected with click, Ctrl/Cmd+click,
 * Shift+click, Space and Shift+arrows; "t" tags the selection; Enter edits one row's tags.
 * Longer than 300 lines: the virtualized rows, their keyboard and selection model and the search,
 * filter and sort that decide which rows they are depend on each other's state; a row's Themes
 * cell is its own component (PositionThemes.tsx).
 */
export function PositionsTable({ exposure, themes, onTagChanges, onSecuritiesChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const readOnly = useReadOnly();
  /** Opens the tag editor on a row, or says at once that nothing can be saved (not after a weight and a note are typed). */
  const edit = (key: string) => (readOnly ? readOnly.refuse() : setEditing(key));
  const [untaggedOnly, setUntaggedOnly] = useState(false);
  const [query, setQuery] = useState('');
  const [themeFilter, setThemeFilter] = useState('');
  const [order, setOrder] = useState<SortOrder | null>(null);
  // Typing stays responsive on 100,000 rows: the filter runs on the deferred text.
  const deferredQuery = useDeferredValue(query);
  const { lines, total, loaded, complete, error } = usePositions(exposure);
  // Until every page has come, searching, filtering, sorting and selecting all would act on part of
  // the snapshot: they wait (a 100,000-position snapshot takes about a second).
  const waiting = lines !== null && !complete;
  const waitTitle = waiting ? t('Loading all positions…') : undefined;
  // Which security each symbol is, and how that was decided (tooltips); asked again with every new exposure.
  const identities = useCall<SnapshotSecurity[]>(() => Promise.resolve().then(() => api().listSnapshotSecurities({ snapshotId: exposure.snapshotId })), `${exposure.snapshotId}|${exposure.generatedAt}`);
  const identityOf = useMemo(() => new Map((identities.data ?? []).map((s) => [s.key, s])), [identities.data]);
  // A switch to this screen is done once its positions are drawn (analytics/timing.ts).
  useSwitchMeasure(`positions:${exposure.snapshotId}`, lines);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [bulkFocus, setBulkFocus] = useState(0);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const themeById = new Map(themes.map((th) => [th.id, th]));

  const themeIds = useMemo(
    () => (themeFilter ? new Set([themeFilter, ...themes.filter((th) => th.parentId === themeFilter).map((th) => th.id)]) : null),
    [themeFilter, themes],
  );
  const rows = useMemo(
    () => sortPositions(filterPositions(lines ?? [], { query: deferredQuery, untaggedOnly, themeIds }), order),
    [lines, deferredQuery, untaggedOnly, themeIds, order],
  );
  const filtered = Boolean(deferredQuery.trim()) || untaggedOnly || themeIds !== null;
  // A new search, filter or order starts at the top of the list. Only a new one: effects run again
  // when the view is shown again after another (App keeps it, hidden), and it stays where it was.
  const listed = useRef<unknown[] | null>(null);
  useEffect(() => {
    const now = [deferredQuery, untaggedOnly, themeIds, order];
    if (listed.current && now.some((x, i) => x !== listed.current![i])) scroller.current?.scrollTo({ top: 0 });
    listed.current = now;
  }, [deferredQuery, untaggedOnly, themeIds, order]);

  // Only the rows in view are in the DOM: thousands of lines scroll and update smoothly. Each row
  // drawn is measured; every measure unlike the estimate re-lays out all the rows below it (a pass
  // over 100,000), so the estimate is this list's typical row, read from its first rows.
  const typicalRow = useMemo(() => typicalRowHeight(rows), [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => typicalRow,
    overscan: 12,
    initialRect: { width: 1000, height: 800 },
  });
  // Where there is no layout (tests without a browser), draw the first rows rather than none.
  const measured = virtualizer.getVirtualItems();
  const items = measured.length > 0 || rows.length === 0 ? measured : rows.slice(0, 50).map((_, index) => ({ index, start: 0, end: 0 }));
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  const selectRange = (from: number, to: number, add: boolean) => {
    const [a, b] = from < to ? [from, to] : [to, from];
    setSelected((s) => {
      const next = add ? new Set(s) : new Set<string>();
      for (let i = a; i <= b; i++) next.add(rows[i]!.key);
      return next;
    });
  };
  const toggle = (i: number) => {
    const key = rows[i]!.key;
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
    setAnchor(i);
  };
  const focusRow = (i: number) => {
    const row = () => tbody.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${i}"]`);
    const now = row();
    if (now) {
      now.focus();
      return;
    }
    // Not rendered yet: scroll it into the window, then focus it once React has drawn it.
    virtualizer.scrollToIndex(i, { align: 'auto' });
    requestAnimationFrame(() => row()?.focus());
  };

  const onRowClick = (e: MouseEvent, i: number) => {
    if ((e.target as HTMLElement).closest('button, input, select')) return;
    if (e.shiftKey && anchor !== null) selectRange(anchor, i, e.ctrlKey || e.metaKey);
    else if (e.ctrlKey || e.metaKey) toggle(i);
    else {
      setSelected(new Set([rows[i]!.key]));
      setAnchor(i);
    }
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number) => {
    if (e.target !== e.currentTarget) return;
    const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (move !== 0) {
      e.preventDefault();
      const j = Math.max(0, Math.min(rows.length - 1, i + move));
      if (e.shiftKey) {
        const from = anchor ?? i;
        if (anchor === null) setAnchor(i);
        selectRange(from, j, false);
      }
      focusRow(j);
    } else if (e.key === ' ') {
      e.preventDefault();
      toggle(i);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      edit(rows[i]!.key);
    } else if (e.key.toLowerCase() === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!waiting) selectRange(0, rows.length - 1, false);
    } else if (e.key === 't' && selected.size > 0) {
      e.preventDefault();
      setBulkFocus((n) => n + 1);
    } else if (e.key === 'Escape') {
      setSelected(new Set());
    }
  };

  // Every render would pass over all 100,000 rows (about 15 ms of a switch to this view): only when
  // something is selected, and once per selection.
  const selectedPositions = useMemo(() => (selected.size === 0 ? [] : rows.filter((r) => selected.has(r.key) && !r.isCash)), [rows, selected]);
  // A tag is of the symbol: positions not selected that hold a selected symbol (NVDA in the other
  // account) are tagged too, which the bar says before the click ("Tag 3" tagged 4, unsaid). Counted
  // over every position, those a search or filter hides included: they are the ones not seen.
  const alsoTagged = useMemo(() => {
    if (selectedPositions.length === 0 || !lines) return 0;
    const symbols = new Set(selectedPositions.map((p) => p.symbolKey));
    const chosen = new Set(selectedPositions.map((p) => p.key));
    let n = 0;
    for (const r of lines) if (!r.isCash && !chosen.has(r.key) && symbols.has(r.symbolKey)) n++;
    return n;
  }, [lines, selectedPositions]);
  const applyBulk = async (themeId: string, weightBp: number) => {
    if (readOnly) return readOnly.refuse();
    const keys = [...new Set(selectedPositions.map((p) => p.symbolKey))];
    const theme = themeById.get(themeId)?.name ?? themeId;
    await onTagChanges(
      keys.map((symbolKey) => ({ symbolKey, themeId, weightBp })),
      // Tags are per security: one held in two accounts is tagged once.
      keys.length === 1 ? t('Tag 1 security {{theme}}', { theme }) : t('Tag {{n}} securities {{theme}}', { n: keys.length, theme }),
    );
  };

  return (
    <section className="positions" aria-label={t('Positions', { context: 'view' })}>
      <div className="section-head">
        <h2>{t('Positions', { context: 'view' })}</h2>
        <span className="muted" data-testid="positions-count">
          {filtered && lines
            ? t('{{shown}} of {{total}} positions · {{file}}', { shown: rows.length.toLocaleString(), total: total.toLocaleString(), file: exposure.sourceFile })
            : total === 1
              ? t('1 position · {{file}}', { file: exposure.sourceFile })
              : t('{{total}} positions · {{file}}', { total: total.toLocaleString(), file: exposure.sourceFile })}
        </span>
      </div>
      <div className="positions-tools">
        <input
          type="search"
          className="positions-search"
          placeholder={t('Search symbol, name, account')}
          aria-label={t('Search positions')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
          disabled={waiting}
          title={waitTitle}
          data-testid="positions-search"
        />
        <select aria-label={t('Show positions of theme')} value={themeFilter} onChange={(e) => setThemeFilter(e.target.value)} disabled={waiting} title={waitTitle} data-testid="filter-theme">
          <option value="">{t('All themes')}</option>
          {themes.map((th) => (
            <option key={th.id} value={th.id}>
              {th.parentId ? `\u00a0\u00a0${th.name}` : th.name}
            </option>
          ))}
        </select>
        <label className="filter">
          <input type="checkbox" checked={untaggedOnly} onChange={(e) => setUntaggedOnly(e.target.checked)} disabled={waiting} data-testid="filter-untagged" />
          {t('Untagged only')}
        </label>
      </div>
      {waiting && (
        <div className="progress positions-loading" role="progressbar" aria-label={t('Loading all positions…')} aria-valuemin={0} aria-valuemax={total} aria-valuenow={loaded} data-testid="positions-loading">
          <div className="progress-fill" style={{ width: `${total === 0 ? 0 : Math.round((loaded / total) * 100)}%` }} />
          <span className="progress-label">{t('Loading positions: {{loaded}} of {{total}}…', { loaded: loaded.toLocaleString(), total: total.toLocaleString() })}</span>
        </div>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {selected.size > 0 && (
        <BulkTagBar count={selectedPositions.length} alsoTagged={alsoTagged} themes={themes} focusToken={bulkFocus} onApply={applyBulk} onClear={() => setSelected(new Set())} />
      )}
      <div className="table-scroll" ref={scroller}>
        <table data-testid="positions-table" role="grid" aria-multiselectable="true">
          <thead>
            <tr>
              {COLUMNS.map(({ column, label, numeric }) => (
                <th
                  key={column}
                  className={numeric ? 'num' : undefined}
                  aria-sort={order?.column === column ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort" data-testid={`sort-${column}`} disabled={waiting} title={waitTitle} onClick={() => setOrder((o) => nextOrder(o, column, Boolean(numeric) || column === 'themes'))}>
                    {column === 'value' ? t('Value ({{currency}})', { currency: exposure.baseCurrency }) : t(label)}
                    <span className="sort-mark" aria-hidden="true">
                      {order?.column === column ? (order.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={tbody}>
            {padTop > 0 && (
              <tr aria-hidden="true" className="spacer-row">
                <td colSpan={6} style={{ height: padTop }} />
              </tr>
            )}
            {items.map((item) => {
              const i = item.index;
              const p = rows[i]!;
              const key = p.key;
              const isEditing = editing === key;
              const isSelected = selected.has(key);
              const identity = identityOf.get(p.symbolKey);
              return (
                <tr
                  key={key}
                  ref={virtualizer.measureElement}
                  data-index={i}
                  data-row
                  data-testid={`position-row-${p.symbolKey}`}
                  className={[p.isCash ? 'cash' : '', isSelected ? 'selected' : ''].join(' ').trim() || undefined}
                  aria-selected={isSelected}
                  tabIndex={0}
                  onClick={(e) => onRowClick(e, i)}
                  onKeyDown={(e) => onRowKey(e, i)}
                >
                  <td className={hasWide(p.account) ? 'account wide-text' : 'account'} title={p.account}>
                    <span className="account-text">{p.account}</span>
                  </td>
                  <td className="symbol" title={securityTitle(identity)} data-testid={`symbol-${p.symbolKey}`}>
                    <span className="symbol-text" title={p.symbol}>
                      {p.symbol}
                    </span>
                    {/* A space, not a margin, before a badge: where the badge goes under the symbol, the space goes with the line break. */}
                    {p.isCash && <> <span className="badge">{t('Cash')}</span></>}
                    {identity?.method === 'review' && <span className="badge warn-badge">{t('Needs review')}</span>}
                    {!p.isCash && identity?.market && identity.market !== 'US' && <> <span className="badge">{identity.market}</span></>}
                  </td>
                  <td className="description" title={p.description}>
                    <span className="description-text">{p.description}</span>
                  </td>
                  <td className="num">{formatStoredQuantity(p)}</td>
                  <td className="num">
                    {p.value === null ? (
                      <span className="warn" title={t('No exchange rate from {{from}} to {{to}}', { from: p.currency, to: exposure.baseCurrency })}>
                        {formatMoney(p.localValue, p.currency)} ⚠
                      </span>
                    ) : (
                      formatMoney(p.value, exposure.baseCurrency)
                    )}
                  </td>
                  <td className="themes-cell">
                    <PositionThemes
                      position={p}
                      themes={themes}
                      themeById={themeById}
                      editing={isEditing}
                      onEdit={() => edit(key)}
                      onCancel={() => {
                        setEditing(null);
                        focusRow(i);
                      }}
                      onSave={async (themeId, weightBp, note) => {
                        await onTagChanges([{ symbolKey: p.symbolKey, themeId, weightBp, ...note }], t('Tag {{symbol}}', { symbol: p.symbolKey }));
                        setEditing(null);
                      }}
                      onLinked={() => {
                        setEditing(null);
                        onSecuritiesChanged?.();
                      }}
                      onRemove={(themeId) => void (readOnly ? readOnly.refuse() : onTagChanges([{ symbolKey: p.symbolKey, themeId, weightBp: null }], t('Untag {{symbol}}', { symbol: p.symbolKey })))}
                    />
                  </td>
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" className="spacer-row">
                <td colSpan={6} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {lines && complete && total > lines.length && (
          <div className="more-rows muted" data-testid="more-rows">
            {t('Showing the {{shown}} largest of {{total}} positions; exports include them all.', { shown: lines.length.toLocaleString(), total: total.toLocaleString() })}
          </div>
        )}
        {!lines && !error && <p className="muted empty-filter">{t('Loading positions…')}</p>}
        {lines && rows.length === 0 && (
          <p className="muted empty-filter" data-testid="positions-none">
            {deferredQuery.trim()
              ? t('No position matches "{{query}}".', { query: deferredQuery.trim() })
              : untaggedOnly && !themeIds
                ? t('Every position is fully tagged.')
                : t('No position matches these filters.')}
          </p>
        )}
      </div>
    </section>
  );
}
