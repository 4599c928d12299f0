import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { totalChange } from '../../../shared/exposure/compare-total';
import type { Snapshot } from '../../../shared/domain/types';
import type { ChangeReason, ChangeStatus, PositionChange, SnapshotComparison, UntaggedChange } from '../../../shared/exposure/analytics';
import { api } from '../api';
import { formatCount, formatMoney, formatQuantity, formatShare, formatSignedMoney } from '../format';
import { msg } from '../i18n';
import { UNTAGGED_COLOR } from '../../../shared/domain/default-themes';
import type { ViewProps } from './AnalyticsViews';
import { SnapshotPicker } from './SnapshotPicker';
import { useCall } from '../ui/useCall';
import { afterNextPaint, useSwitchMeasure } from './timing';

// By value, as the comparison sorts them: a holding of the same quantity at a higher price is "Value
// up" (it read "Grown", as if more had been bought; the Why column says quantity, price or tag).
const STATUS_LABEL: Record<ChangeStatus, string> = { new: msg('New'), gone: msg('Gone'), grown: msg('Value up'), shrunk: msg('Value down'), unchanged: msg('Unchanged') };
/** Why a position's value changed (the comparison's reason codes), as the Why column says it. */
const REASON_LABEL: Record<ChangeReason, string> = { quantity: msg('quantity'), price: msg('price'), tag: msg('themed by tags') };
const signed = formatSignedMoney;

/**
 * Position rows drawn with the view itself, more than a screen holds; the rest (up to 300) follow
 * once that frame is painted. Drawn at once, 300 rows took about 100 ms on top of the backend's
 * answer (a 101,000-position portfolio, the perf walk).
 */
const FIRST_ROWS = 40;

/**
 * The Why column: the value's change (quantity, price), then after a semicolon the themed value a
 * tag moved. "quantity +$1,500.00, tag +$1,050.00" read as 2,550 of change on a change of 1,500:
 * the tag's part is of the value, not on top of it.
 */
function whyWords(p: PositionChange, label: (r: ChangeReason) => string, cur: string): string {
  const part = (r: ChangeReason) => `${label(r)} ${signed(r === 'quantity' ? p.quantityEffect : r === 'price' ? p.priceEffect : p.tagEffect, cur)}`;
  const value = p.reasons.filter((r) => r !== 'tag').map(part).join(', ');
  const tag = p.reasons.includes('tag') ? part('tag') : '';
  return value && tag ? `${value}; ${tag}` : value || tag;
}

/** A row of the per-theme table: a theme's, Untagged's (its grey swatch), the total's (no swatch). */
function ChangeRow({ testId, label, color, change: r, currency: cur }: { testId: string; label: string; color?: string; change: UntaggedChange; currency: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">
        {color && <span className="swatch" style={{ background: color }} />}
        {label}
      </th>
      <td className="num">{formatMoney(r.fromValue, cur)}</td>
      <td className="num">{formatMoney(r.toValue, cur)}</td>
      <td className="num">{signed(r.toValue - r.fromValue, cur)}</td>
      <td className="num">
        {formatShare(r.fromShare)} → {formatShare(r.toShare)}
      </td>
      <td className="num">{signed(r.quantityEffect, cur)}</td>
      <td className="num">{signed(r.priceEffect, cur)}</td>
      <td className="num">{signed(r.tagEffect, cur)}</td>
    </tr>
  );
}

/** Two snapshots side by side: what changed per theme and per position, and why. */
export function CompareView({ portfolio, snapshots, version }: ViewProps & { snapshots: Snapshot[]; version: number }) {
  const { t } = useTranslation();
  const [toId, setToId] = useState<number | null>(snapshots[0]?.id ?? null);
  const [fromId, setFromId] = useState<number | null>(snapshots[1]?.id ?? snapshots[0]?.id ?? null);
  const { data: c, error } = useCall<SnapshotComparison | null>(
    () => (fromId && toId ? api().compareSnapshots({ portfolioId: portfolio.id, fromSnapshotId: fromId, toSnapshotId: toId }) : Promise.resolve(null)),
    `${portfolio.id}:${fromId}:${toId}:${version}`,
  );
  useSwitchMeasure('compare', c);
  return (
    <div className="view-grid" data-testid="compare-view">
      <section className="panel wide">
        <div className="form-row">
          <SnapshotPicker snapshots={snapshots} value={fromId} onChange={setFromId} label={t('From')} testId="compare-from" />
          <SnapshotPicker snapshots={snapshots} value={toId} onChange={setToId} label={t('To')} testId="compare-to" />
          {snapshots.length < 2 && <span className="muted small">{t('Import a second holdings file into this portfolio to compare two snapshots.')}</span>}
        </div>
        {error && <p className="warn">{error}</p>}
      </section>
      {c && <CompareFigures c={c} currency={portfolio.baseCurrency} />}
    </div>
  );
}

/**
 * A comparison's figures as the Compare view draws them: without calls of its own, so the window
 * can draw it once unseen to warm its code (warm-up.tsx), as it does every other view.
 */
export function CompareFigures({ c, currency: cur }: { c: SnapshotComparison; currency: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ChangeStatus | 'all'>('all');
  // Positions not in the list of changes: of every position compared, those that changed neither in
  // value nor in tags ("unchanged" counts a value that held while its tags moved, which is listed).
  const unlisted = Object.values(c.counts).reduce((s, n) => s + n, 0) - c.changedCount;
  // Which comparison has all its rows drawn: the first frame of a new one draws FIRST_ROWS.
  const [whole, setWhole] = useState<SnapshotComparison | null>(null);
  useEffect(() => {
    if (c.positions.length <= FIRST_ROWS) return;
    // After the switch's measure (afterNextPaint keeps the order): the frame painted with the first rows is the switch.
    return afterNextPaint(() => setWhole(c));
  }, [c]);
  return (
    <>
      <section className="panel wide" aria-label={t('Change per theme')}>
        <h2>{t('Per theme: {{from}} → {{to}} total', { from: formatMoney(c.from.totalValue, cur), to: formatMoney(c.to.totalValue, cur) })}</h2>
        <table className="compact compare-themes" data-testid="compare-themes">
          <thead>
            <tr>
              <th>{t('Theme')}</th>
              <th className="num">{t('From')}</th>
              <th className="num">{t('To')}</th>
              <th className="num">{t('Change')}</th>
              <th className="num">{t('Share')}</th>
              {/* Amounts, where the table of positions below has a Quantity of shares: named as effects. */}
              <th className="num">{t('Quantity effect')}</th>
              <th className="num">{t('Price effect')}</th>
              <th className="num">{t('Tag effect')}</th>
            </tr>
          </thead>
          {/* Each theme, then untagged, as the exposure table has them: the rows add up to the total (the themes alone did not). */}
          <tbody>
            {c.themes.map((th) => (
              <ChangeRow key={th.id} testId={`compare-theme-${th.id}`} label={th.name} color={th.color} change={th} currency={cur} />
            ))}
            <ChangeRow testId="compare-theme-untagged" label={t('Untagged')} color={UNTAGGED_COLOR} change={c.untagged} currency={cur} />
          </tbody>
          <tfoot>
            <ChangeRow testId="compare-total" label={t('Total')} change={totalChange(c)} currency={cur} />
          </tfoot>
        </table>
      </section>
      <section className="panel wide" aria-label={t('Change per position')}>
        <div className="form-row">
          <h2>{t('Per position')}</h2>
          <div className="status-filter" role="group" aria-label={t('Show')}>
            {(['all', 'new', 'gone', 'grown', 'shrunk'] as const).map((s) => (
              <button key={s} type="button" className={`small${filter === s ? ' active' : ''}`} aria-pressed={filter === s} data-testid={`compare-filter-${s}`} onClick={() => setFilter(s)}>
                {s === 'all' ? t('All') : t(STATUS_LABEL[s])} {s !== 'all' && `(${c.counts[s]})`}
              </button>
            ))}
          </div>
        </div>
        {c.changedCount > c.positions.length && (
          // The list is cut (at 300): said, so a filter's count is not taken for the rows listed under it.
          <p className="muted small" data-testid="compare-cut">
            {t('The {{shown}} largest changes of {{n}} are listed; the filters choose among them.', { shown: formatCount(c.positions.length), n: formatCount(c.changedCount) })}
          </p>
        )}
        {unlisted > 0 && (
          // The list is of changes: said, so its values are not taken for the portfolio's (the per-theme table has those).
          <p className="muted small" data-testid="compare-unchanged">
            {unlisted === 1 ? t('1 position did not change and is not listed.') : t('{{n}} positions did not change and are not listed.', { n: formatCount(unlisted) })}
          </p>
        )}
        <table className="compact" data-testid="compare-positions">
          <thead>
            <tr>
              <th>{t('Symbol')}</th>
              <th>{t('Account')}</th>
              <th>{t('Status')}</th>
              <th className="num">{t('Quantity')}</th>
              <th className="num">{t('Value')}</th>
              <th className="num">{t('Change')}</th>
              <th>{t('Why')}</th>
            </tr>
          </thead>
          <tbody>
            {c.positions
              .filter((p) => filter === 'all' || p.status === filter)
              .slice(0, whole === c ? undefined : FIRST_ROWS)
              .map((p) => (
                <tr key={`${p.account}|${p.symbolKey}`} data-testid={`compare-row-${p.symbolKey}`}>
                  <td className="symbol">{p.symbol}</td>
                  <td>{p.account}</td>
                  <td>
                    <span className={`status status-${p.status}`}>{t(STATUS_LABEL[p.status])}</span>
                  </td>
                  <td className="num">
                    {formatQuantity(p.fromQuantity) || '—'} → {formatQuantity(p.toQuantity) || '—'}
                  </td>
                  <td className="num">
                    {formatMoney(p.fromValue, cur)} → {formatMoney(p.toValue, cur)}
                  </td>
                  <td className="num">{signed(p.toValue - p.fromValue, cur)}</td>
                  <td data-testid={`compare-why-${p.symbolKey}`}>{whyWords(p, (r) => t(REASON_LABEL[r]), cur)}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <p className="muted small">
          {t('Quantity effect: the change in quantity at the old price. Price effect: the rest of the value change (FX included). Tag effect: themed value that moved because weights changed between the two snapshots.')}
        </p>
      </section>
    </>
  );
}
