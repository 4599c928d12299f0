import { useRef, useState, type KeyboardEvent } from 'react';
import type { Theme } from '../../../shared/domain/types';
import type { ExposureReport, ReportPosition } from '../../../shared/report/model';
import { api } from '../api';
import { formatMoney, formatQuantity, formatWeight } from '../format';
import { TagEditor } from './TagEditor';

interface Props {
  report: ExposureReport;
  themes: Theme[];
  onChanged: () => Promise<void> | void;
}

const PAGE = 500;

const rowKey = (p: ReportPosition, i: number) => `${p.account}|${p.symbolKey}|${i}`;

/** The snapshot's positions with their theme tags; each row has a tag editor (Enter or the Tag button). */
export function HoldingsTable({ report, themes, onChanged }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  // Rendering thousands of rows at once would stall the window; show the largest first, more on demand.
  const [shown, setShown] = useState(PAGE);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const themeById = new Map(themes.map((t) => [t.id, t]));

  const moveFocus = (e: KeyboardEvent<HTMLTableRowElement>, delta: number) => {
    const rows = Array.from(tbody.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]') ?? []);
    const i = rows.indexOf(e.currentTarget);
    rows[Math.max(0, Math.min(rows.length - 1, i + delta))]?.focus();
    e.preventDefault();
  };

  return (
    <section className="holdings" aria-label="Holdings">
      <div className="section-head">
        <h2>Holdings</h2>
        <span className="muted">
          {report.positionCount.toLocaleString()} positions · {report.sourceFile}
        </span>
      </div>
      <div className="table-scroll">
        <table data-testid="holdings-table">
          <thead>
            <tr>
              <th>Account</th>
              <th>Symbol</th>
              <th>Description</th>
              <th className="num">Quantity</th>
              <th className="num">Value</th>
              <th>Themes</th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {report.positions.slice(0, shown).map((p, i) => {
              const key = rowKey(p, i);
              const isEditing = editing === key;
              const tagged = p.themes.reduce((s, t) => s + t.weight, 0);
              return (
                <tr
                  key={key}
                  data-row
                  data-testid={`holding-row-${p.symbolKey}`}
                  className={p.isCash ? 'cash' : undefined}
                  tabIndex={0}
                  onKeyDown={(e) => {
                    if (e.target !== e.currentTarget) return;
                    if (e.key === 'ArrowDown') moveFocus(e, 1);
                    else if (e.key === 'ArrowUp') moveFocus(e, -1);
                    else if (e.key === 'Enter') {
                      e.preventDefault();
                      setEditing(key);
                    }
                  }}
                >
                  <td>{p.account}</td>
                  <td className="symbol">
                    {p.symbol}
                    {p.isCash && <span className="badge">Cash</span>}
                  </td>
                  <td className="description" title={p.description}>
                    {p.description}
                  </td>
                  <td className="num">{formatQuantity(p.quantity)}</td>
                  <td className="num">
                    {p.value === null ? (
                      <span className="warn" title={`No exchange rate from ${p.currency} to ${report.baseCurrency}`}>
                        {formatMoney(p.localValue, p.currency)} ⚠
                      </span>
                    ) : (
                      formatMoney(p.value, report.baseCurrency)
                    )}
                  </td>
                  <td className="themes-cell">
                    {isEditing ? (
                      <TagEditor
                        symbolKey={p.symbolKey}
                        current={p.themes}
                        themes={themes}
                        onCancel={() => setEditing(null)}
                        onSave={async (themeId, weightBp) => {
                          await api().setTag({ symbolKey: p.symbolKey, themeId, weightBp });
                          setEditing(null);
                          await onChanged();
                        }}
                      />
                    ) : (
                      <div className="chips">
                        {p.themes.map((t) => {
                          const theme = themeById.get(t.id);
                          return (
                            <span key={t.id} className="chip" title={theme?.description}>
                              <span className="swatch" style={{ background: theme?.color ?? '#9ca3af' }} />
                              {theme?.name ?? t.id} {formatWeight(t.weight)}
                              <button
                                type="button"
                                className="chip-remove"
                                aria-label={`Remove ${theme?.name ?? t.id} from ${p.symbolKey}`}
                                onClick={async () => {
                                  await api().removeTag({ symbolKey: p.symbolKey, themeId: t.id });
                                  await onChanged();
                                }}
                              >
                                ×
                              </button>
                            </span>
                          );
                        })}
                        {!p.isCash && tagged < 0.99995 && (
                          <button type="button" className="small ghost" data-testid={`tag-button-${p.symbolKey}`} onClick={() => setEditing(key)} aria-label={`Tag ${p.symbolKey}`}>
                            + Tag
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {report.positionCount > shown && (
          <div className="more-rows">
            <span className="muted">
              Showing the {Math.min(shown, report.positions.length).toLocaleString()} largest of {report.positionCount.toLocaleString()} positions.
            </span>
            {report.positions.length > shown && (
              <button type="button" className="small" data-testid="show-more" onClick={() => setShown((n) => n + PAGE)}>
                Show {PAGE} more
              </button>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
