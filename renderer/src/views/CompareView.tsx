import { useState } from 'react';
import type { Snapshot } from '../../../shared/domain/types';
import type { ChangeStatus, SnapshotComparison } from '../../../shared/exposure/analytics';
import { api } from '../api';
import { formatMoney, formatQuantity, formatShare } from '../format';
import type { ViewProps } from './AnalyticsViews';
import { SnapshotPicker } from './SnapshotPicker';
import { useCall } from './useCall';
import { useSwitchMeasure } from './timing';

const STATUS_LABEL: Record<ChangeStatus, string> = { new: 'New', gone: 'Gone', grown: 'Grown', shrunk: 'Shrunk', unchanged: 'Unchanged' };
const signed = (v: number, cur: string) => `${v > 0 ? '+' : ''}${formatMoney(v, cur)}`;

/** Two snapshots side by side: what changed per theme and per position, and why. */
export function CompareView({ portfolio, snapshots }: ViewProps & { snapshots: Snapshot[] }) {
  const [toId, setToId] = useState<number | null>(snapshots[0]?.id ?? null);
  const [fromId, setFromId] = useState<number | null>(snapshots[1]?.id ?? snapshots[0]?.id ?? null);
  const [filter, setFilter] = useState<ChangeStatus | 'all'>('all');
  const { data: c, error } = useCall<SnapshotComparison | null>(
    () => (fromId && toId ? api().compareSnapshots({ portfolioId: portfolio.id, fromSnapshotId: fromId, toSnapshotId: toId }) : Promise.resolve(null)),
    `${portfolio.id}:${fromId}:${toId}`,
  );
  useSwitchMeasure('compare', c);
  const cur = portfolio.baseCurrency;
  return (
    <div className="view-grid" data-testid="compare-view">
      <section className="panel wide">
        <div className="form-row">
          <SnapshotPicker snapshots={snapshots} value={fromId} onChange={setFromId} label="From" testId="compare-from" />
          <SnapshotPicker snapshots={snapshots} value={toId} onChange={setToId} label="To" testId="compare-to" />
          {snapshots.length < 2 && <span className="muted small">Import a second holdings file into this portfolio to compare two snapshots.</span>}
        </div>
        {error && <p className="warn">{error}</p>}
      </section>
      {c && (
        <>
          <section className="panel wide" aria-label="Change per theme">
            <h2>
              Per theme: {formatMoney(c.from.totalValue, cur)} → {formatMoney(c.to.totalValue, cur)} total
            </h2>
            <table className="compact" data-testid="compare-themes">
              <thead>
                <tr>
                  <th>Theme</th>
                  <th className="num">From</th>
                  <th className="num">To</th>
                  <th className="num">Change</th>
                  <th className="num">Share</th>
                  <th className="num">Quantity</th>
                  <th className="num">Price</th>
                  <th className="num">Tag</th>
                </tr>
              </thead>
              <tbody>
                {c.themes.map((t) => (
                  <tr key={t.id} data-testid={`compare-theme-${t.id}`}>
                    <td>
                      <span className="swatch" style={{ background: t.color }} />
                      {t.name}
                    </td>
                    <td className="num">{formatMoney(t.fromValue, cur)}</td>
                    <td className="num">{formatMoney(t.toValue, cur)}</td>
                    <td className="num">{signed(t.toValue - t.fromValue, cur)}</td>
                    <td className="num">
                      {formatShare(t.fromShare)} → {formatShare(t.toShare)}
                    </td>
                    <td className="num">{signed(t.quantityEffect, cur)}</td>
                    <td className="num">{signed(t.priceEffect, cur)}</td>
                    <td className="num">{signed(t.tagEffect, cur)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel wide" aria-label="Change per position">
            <div className="form-row">
              <h2>Per position</h2>
              <div className="status-filter" role="group" aria-label="Show">
                {(['all', 'new', 'gone', 'grown', 'shrunk'] as const).map((s) => (
                  <button key={s} type="button" className={`small${filter === s ? ' active' : ''}`} aria-pressed={filter === s} data-testid={`compare-filter-${s}`} onClick={() => setFilter(s)}>
                    {s === 'all' ? 'All' : STATUS_LABEL[s]} {s !== 'all' && `(${c.counts[s]})`}
                  </button>
                ))}
              </div>
            </div>
            <table className="compact" data-testid="compare-positions">
              <thead>
                <tr>
                  <th>Symbol</th>
                  <th>Account</th>
                  <th>Status</th>
                  <th className="num">Quantity</th>
                  <th className="num">Value</th>
                  <th className="num">Change</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {c.positions
                  .filter((p) => filter === 'all' || p.status === filter)
                  .map((p) => (
                    <tr key={`${p.account}|${p.symbolKey}`} data-testid={`compare-row-${p.symbolKey}`}>
                      <td className="symbol">{p.symbol}</td>
                      <td>{p.account}</td>
                      <td>
                        <span className={`status status-${p.status}`}>{STATUS_LABEL[p.status]}</span>
                      </td>
                      <td className="num">
                        {formatQuantity(p.fromQuantity) || '—'} → {formatQuantity(p.toQuantity) || '—'}
                      </td>
                      <td className="num">
                        {formatMoney(p.fromValue, cur)} → {formatMoney(p.toValue, cur)}
                      </td>
                      <td className="num">{signed(p.toValue - p.fromValue, cur)}</td>
                      <td data-testid={`compare-why-${p.symbolKey}`}>
                        {p.reasons
                          .map((r) => `${r} ${signed(r === 'quantity' ? p.quantityEffect : r === 'price' ? p.priceEffect : p.tagEffect, cur)}`)
                          .join(', ')}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <p className="muted small">
              Quantity: the change in quantity at the old price. Price: the rest of the value change (FX included). Tag: themed value that moved because weights changed between the two snapshots.
            </p>
          </section>
        </>
      )}
    </div>
  );
}
