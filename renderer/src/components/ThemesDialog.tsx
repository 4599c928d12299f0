import { useCallback, useEffect, useState } from 'react';
import type { TagEvent } from '../../../shared/api/contract';
import type { Theme } from '../../../shared/domain/types';
import { api } from '../api';
import { useLoadedList } from '../hooks/useLoadedList';
import { formatWeight } from '../format';
import { FundsPanel } from './FundsPanel';
import { Modal } from './Modal';
import { ReviewPanel } from './ReviewPanel';
import { RulesPanel } from './RulesPanel';
import { SharePanel } from './SharePanel';
import { SuggestionsPanel } from './SuggestionsPanel';

/** Manage themes (add, rename, recolor, describe, reorder, delete, restore defaults) and read the tag history. */
/** Runs a bulk tag operation as one undoable step. */
export type RecordTagStep = <T>(label: string, action: () => Promise<T>) => Promise<T>;

export function ThemesDialog({ onClose, onChanged, record, initialTab = 'themes' }: { onClose: () => void; onChanged: () => void; record: RecordTagStep; initialTab?: 'themes' | 'suggestions' }) {
  const [tab, setTab] = useState<'themes' | 'suggestions' | 'rules' | 'funds' | 'share' | 'review' | 'history'>(initialTab);
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState('');
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const load = useCallback(() => api().listThemes({}), []);
  const { items: themes, message: error, run: runAction } = useLoadedList<Theme>(load, onChanged);
  const run = (fn: () => Promise<unknown>) => runAction(async () => void (await fn()));
  const move = (i: number, delta: number) => {
    const ids = themes.map((t) => t.id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    void run(() => api().reorderThemes({ ids }));
  };

  return (
    <Modal title="Themes and tagging" testId="themes-dialog" onClose={onClose} wide>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'themes'} className={tab === 'themes' ? 'tab active' : 'tab'} onClick={() => setTab('themes')}>
          Themes
        </button>
        <button type="button" role="tab" aria-selected={tab === 'suggestions'} className={tab === 'suggestions' ? 'tab active' : 'tab'} onClick={() => setTab('suggestions')} data-testid="suggestions-tab">
          Suggestions
        </button>
        <button type="button" role="tab" aria-selected={tab === 'rules'} className={tab === 'rules' ? 'tab active' : 'tab'} onClick={() => setTab('rules')} data-testid="rules-tab">
          Rules
        </button>
        <button type="button" role="tab" aria-selected={tab === 'funds'} className={tab === 'funds' ? 'tab active' : 'tab'} onClick={() => setTab('funds')} data-testid="funds-tab">
          Fund look-through
        </button>
        <button type="button" role="tab" aria-selected={tab === 'share'} className={tab === 'share' ? 'tab active' : 'tab'} onClick={() => setTab('share')} data-testid="share-tab">
          Share
        </button>
        <button type="button" role="tab" aria-selected={tab === 'review'} className={tab === 'review' ? 'tab active' : 'tab'} onClick={() => setTab('review')} data-testid="review-tab">
          Needs review
        </button>
        <button type="button" role="tab" aria-selected={tab === 'history'} className={tab === 'history' ? 'tab active' : 'tab'} onClick={() => setTab('history')} data-testid="history-tab">
          Tag history
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {tab === 'themes' ? (
        <>
          <table className="themes-table" data-testid="themes-table">
            <thead>
              <tr>
                <th>Color</th>
                <th>Name</th>
                <th>Description</th>
                <th>Pack</th>
                <th><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {themes.map((t, i) => (
                <tr key={t.id} data-testid={`theme-row-${t.id}`} className={t.parentId ? 'sub-theme' : undefined}>
                  <td>
                    <input type="color" aria-label={`Color of ${t.name}`} value={t.color} onChange={(e) => void run(() => api().updateTheme({ id: t.id, color: e.target.value }))} />
                  </td>
                  <td>
                    <input
                      aria-label={`Name of ${t.name}`}
                      defaultValue={t.name}
                      key={`${t.id}-${t.name}`}
                      onBlur={(e) => e.target.value.trim() !== t.name && void run(() => api().updateTheme({ id: t.id, name: e.target.value }))}
                      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Description of ${t.name}`}
                      className="wide-input"
                      defaultValue={t.description}
                      key={`${t.id}-d-${t.description}`}
                      onBlur={(e) => e.target.value !== t.description && void run(() => api().updateTheme({ id: t.id, description: e.target.value }))}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Pack of ${t.name}`}
                      className="pack-input"
                      defaultValue={t.pack}
                      key={`${t.id}-p-${t.pack}`}
                      list="theme-packs"
                      onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== t.pack && void run(() => api().updateTheme({ id: t.id, pack: e.target.value }))}
                      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                    />
                  </td>
                  <td className="row-actions">
                    <button type="button" className="small" aria-label={`Move ${t.name} up`} onClick={() => move(i, -1)} disabled={i === 0}>
                      ↑
                    </button>
                    <button type="button" className="small" aria-label={`Move ${t.name} down`} onClick={() => move(i, 1)} disabled={i === themes.length - 1}>
                      ↓
                    </button>
                    {confirmDelete === t.id ? (
                      <button type="button" className="small danger" data-testid={`confirm-delete-${t.id}`} onClick={() => void run(() => api().deleteTheme({ id: t.id })).then(() => setConfirmDelete(null))}>
                        Delete with its tags?
                      </button>
                    ) : (
                      <button type="button" className="small" aria-label={`Delete ${t.name}`} data-testid={`delete-theme-${t.id}`} onClick={() => setConfirmDelete(t.id)}>
                        Delete
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <datalist id="theme-packs">
            {[...new Set(themes.map((t) => t.pack))].map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <form
            className="form-row add-theme"
            onSubmit={(e) => {
              e.preventDefault();
              if (newName.trim()) void run(() => api().createTheme({ name: newName, ...(newParent ? { parentId: newParent } : {}) })).then(() => setNewName(''));
            }}
          >
            <input aria-label="New theme name" placeholder="New theme, e.g. Space economy" value={newName} onChange={(e) => setNewName(e.target.value)} data-testid="new-theme-name" maxLength={200} />
            <select aria-label="Put the new theme under" value={newParent} onChange={(e) => setNewParent(e.target.value)} data-testid="new-theme-parent">
              <option value="">Top-level theme</option>
              {themes
                .filter((t) => !t.parentId)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    Under {t.name}
                  </option>
                ))}
            </select>
            <button type="submit" className="primary small" data-testid="add-theme">
              Add theme
            </button>
            <span className="spacer" />
            <button type="button" className="small" onClick={() => void run(() => api().restoreDefaultThemes({}))} data-testid="restore-defaults">
              Restore default themes
            </button>
          </form>
        </>
      ) : tab === 'suggestions' ? (
        <SuggestionsPanel onChanged={onChanged} record={record} />
      ) : tab === 'rules' ? (
        <RulesPanel themes={themes} onChanged={onChanged} record={record} />
      ) : tab === 'funds' ? (
        <FundsPanel onChanged={onChanged} />
      ) : tab === 'share' ? (
        <SharePanel onChanged={onChanged} record={record} />
      ) : tab === 'review' ? (
        <ReviewPanel onChanged={onChanged} />
      ) : (
        <TagHistory />
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** Every tag change, newest first, filterable by symbol and date. */
function TagHistory() {
  const [symbol, setSymbol] = useState('');
  const [since, setSince] = useState('');
  const [events, setEvents] = useState<TagEvent[]>([]);
  useEffect(() => {
    const t = setTimeout(() => {
      void api()
        .tagHistory({ ...(symbol.trim() ? { symbolKey: symbol.trim() } : {}), ...(since ? { since } : {}), limit: 500 })
        .then(setEvents);
    }, 150);
    return () => clearTimeout(t);
  }, [symbol, since]);
  const w = (bp: number | null) => (bp === null ? '—' : formatWeight(bp / 10000));
  return (
    <div data-testid="tag-history">
      <div className="form-row">
        <label className="field">
          <span>Symbol</span>
          <input value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder="All" data-testid="history-symbol" />
        </label>
        <label className="field">
          <span>Changed since</span>
          <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
      </div>
      <div className="issues">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Symbol</th>
              <th>Theme</th>
              <th className="num">Before</th>
              <th className="num">After</th>
              <th>Source</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={i}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.symbolKey}</td>
                <td>{e.themeId}</td>
                <td className="num">{w(e.oldWeightBp)}</td>
                <td className="num">{w(e.newWeightBp)}</td>
                <td>{e.source}</td>
              </tr>
            ))}
            {events.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No tag changes{symbol ? ` for ${symbol.toUpperCase()}` : ''}{since ? ` since ${since}` : ''}.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
