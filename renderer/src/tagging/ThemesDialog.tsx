import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagEvent } from '../../../shared/api/contract';
import type { Theme } from '../../../shared/domain/types';
import { api } from '../api';
import { packNameOf } from '../../../shared/domain/theme-names';
import { useLoadedList } from '../ui/useLoadedList';
import { formatDateTime, formatWeight } from '../format';
import { tagSourceLabel } from './tag-source';
import { FundsPanel } from './FundsPanel';
import { Modal } from '../ui/Modal';
import { ReviewPanel } from '../positions/ReviewPanel';
import { RulesPanel } from './RulesPanel';
import { TagFilesPanel } from './TagFilesPanel';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useReadOnly } from '../ui/read-only';
import { EditsFieldset } from '../ui/EditsFieldset';

/** Runs a bulk tag operation as one undoable step. */
export type RecordTagStep = <T>(label: string, action: () => Promise<T>) => Promise<T>;

/** Manage themes (add, rename, recolor, describe, reorder, delete, restore defaults) and read the tag history. */
export function ThemesDialog({ onClose, onChanged, record, initialTab = 'themes' }: { onClose: () => void; onChanged: () => void; record: RecordTagStep; initialTab?: 'themes' | 'suggestions' | 'review' }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'themes' | 'suggestions' | 'rules' | 'funds' | 'share' | 'review' | 'history'>(initialTab);
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState('');
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const readOnly = useReadOnly();

  const load = useCallback(() => api().listThemes({}), []);
  const { items: themes, message: error, run: runAction } = useLoadedList<Theme>(load, onChanged);
  const run = (fn: () => Promise<unknown>) => runAction(async () => void (await fn()));
  const subThemeCount = (id: string) => themes.filter((x) => x.parentId === id).length;
  const move = (i: number, delta: number) => {
    const ids = themes.map((th) => th.id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    void run(() => api().reorderThemes({ ids }));
  };

  return (
    <Modal title={t('Themes and tagging')} testId="themes-dialog" onClose={onClose} wide>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'themes'} className={tab === 'themes' ? 'tab active' : 'tab'} onClick={() => setTab('themes')}>
          {t('Themes')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'suggestions'} className={tab === 'suggestions' ? 'tab active' : 'tab'} onClick={() => setTab('suggestions')} data-testid="suggestions-tab">
          {t('Suggestions')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'rules'} className={tab === 'rules' ? 'tab active' : 'tab'} onClick={() => setTab('rules')} data-testid="rules-tab">
          {t('Rules')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'funds'} className={tab === 'funds' ? 'tab active' : 'tab'} onClick={() => setTab('funds')} data-testid="funds-tab">
          {t('Fund look-through')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'share'} className={tab === 'share' ? 'tab active' : 'tab'} onClick={() => setTab('share')} data-testid="share-tab">
          {t('Share', { context: 'files' })}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'review'} className={tab === 'review' ? 'tab active' : 'tab'} onClick={() => setTab('review')} data-testid="review-tab">
          {t('Needs review')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'history'} className={tab === 'history' ? 'tab active' : 'tab'} onClick={() => setTab('history')} data-testid="history-tab">
          {t('Tag history')}
        </button>
      </div>
      {readOnly && (
        // Said once for every tab: what can be done here (read), and why a change would be refused.
        <p className="muted small" role="note" data-testid="themes-read-only">
          {t('Read-only: themes, tags, rules and suggestions can be read here, but changes cannot be saved.')}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {tab === 'themes' ? (
        <EditsFieldset>
          <table className="themes-table" data-testid="themes-table">
            <thead>
              <tr>
                <th>{t('Color')}</th>
                <th>{t('Name')}</th>
                <th>{t('Description', { context: 'theme' })}</th>
                <th>{t('Pack')}</th>
                <th><span className="visually-hidden">{t('Actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {themes.map((th, i) => (
                <tr key={th.id} data-testid={`theme-row-${th.id}`} className={th.parentId ? 'sub-theme' : undefined}>
                  <td>
                    <input type="color" aria-label={t('Color of {{name}}', { name: th.name })} value={th.color} onChange={(e) => void run(() => api().updateTheme({ id: th.id, color: e.target.value }))} />
                  </td>
                  <td>
                    <input
                      aria-label={t('Name of {{name}}', { name: th.name })}
                      defaultValue={th.name}
                      key={`${th.id}-${th.name}`}
                      onBlur={(e) => e.target.value.trim() !== th.name && void run(() => api().updateTheme({ id: th.id, name: e.target.value }))}
                      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('Description of {{name}}', { name: th.name })}
                      className="wide-input"
                      defaultValue={th.description}
                      key={`${th.id}-d-${th.description}`}
                      onBlur={(e) => e.target.value !== th.description && void run(() => api().updateTheme({ id: th.id, description: e.target.value }))}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('Pack of {{name}}', { name: th.name })}
                      className="pack-input"
                      defaultValue={th.pack}
                      key={`${th.id}-p-${th.pack}`}
                      list="theme-packs"
                      onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== th.pack && void run(() => api().updateTheme({ id: th.id, pack: packNameOf(e.target.value.trim()) }))}
                      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                    />
                  </td>
                  <td className="row-actions">
                    <button type="button" className="small" aria-label={t('Move {{name}} up', { name: th.name })} onClick={() => move(i, -1)} disabled={i === 0}>
                      ↑
                    </button>
                    <button type="button" className="small" aria-label={t('Move {{name}} down', { name: th.name })} onClick={() => move(i, 1)} disabled={i === themes.length - 1}>
                      ↓
                    </button>
                    {confirmDelete === th.id ? (
                      <button type="button" className="small danger" data-testid={`confirm-delete-${th.id}`} onClick={() => void run(() => api().deleteTheme({ id: th.id })).then(() => setConfirmDelete(null))}>
                        {/* Its sub-themes go with it: said before the click, not found missing after. */}
                        {subThemeCount(th.id) === 0
                          ? t('Delete with its tags?')
                          : subThemeCount(th.id) === 1
                            ? t('Delete with its sub-theme and all their tags?')
                            : t('Delete with its {{n}} sub-themes and all their tags?', { n: subThemeCount(th.id) })}
                      </button>
                    ) : (
                      <button type="button" className="small" aria-label={t('Delete {{name}}', { name: th.name })} data-testid={`delete-theme-${th.id}`} onClick={() => setConfirmDelete(th.id)}>
                        {t('Delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <datalist id="theme-packs">
            {[...new Set(themes.map((th) => th.pack))].map((p) => (
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
            <input aria-label={t('New theme name')} placeholder={t('New theme, e.g. Space economy')} value={newName} onChange={(e) => setNewName(e.target.value)} data-testid="new-theme-name" maxLength={200} />
            <select aria-label={t('Put the new theme under')} value={newParent} onChange={(e) => setNewParent(e.target.value)} data-testid="new-theme-parent">
              <option value="">{t('Top-level theme')}</option>
              {themes
                .filter((th) => !th.parentId)
                .map((th) => (
                  <option key={th.id} value={th.id}>
                    {t('Under {{name}}', { name: th.name })}
                  </option>
                ))}
            </select>
            <button type="submit" className="primary small" data-testid="add-theme">
              {t('Add theme')}
            </button>
            <span className="spacer" />
            <button type="button" className="small" onClick={() => void run(() => api().restoreDefaultThemes({}))} data-testid="restore-defaults">
              {t('Restore default themes')}
            </button>
          </form>
        </EditsFieldset>
      ) : tab === 'suggestions' ? (
        <SuggestionsPanel onChanged={onChanged} record={record} />
      ) : tab === 'rules' ? (
        <EditsFieldset>
          <RulesPanel themes={themes} onChanged={onChanged} record={record} />
        </EditsFieldset>
      ) : tab === 'funds' ? (
        <EditsFieldset>
          <FundsPanel onChanged={onChanged} />
        </EditsFieldset>
      ) : tab === 'share' ? (
        <TagFilesPanel themes={themes} onChanged={onChanged} record={record} />
      ) : tab === 'review' ? (
        <EditsFieldset>
          <ReviewPanel onChanged={onChanged} />
        </EditsFieldset>
      ) : (
        <TagHistory themes={themes} />
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('Close')}
        </button>
      </div>
    </Modal>
  );
}

/** Every tag change, newest first, filterable by symbol and date. */
function TagHistory({ themes }: { themes: readonly Theme[] }) {
  const { t } = useTranslation();
  const nameOf = new Map(themes.map((th) => [th.id, th.name]));
  const [symbol, setSymbol] = useState('');
  const [since, setSince] = useState('');
  const [events, setEvents] = useState<TagEvent[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      void api()
        .tagHistory({ ...(symbol.trim() ? { symbolKey: symbol.trim() } : {}), ...(since ? { since } : {}), limit: 500 })
        .then(setEvents);
    }, 150);
    return () => clearTimeout(timer);
  }, [symbol, since]);
  const w = (bp: number | null) => (bp === null ? '—' : formatWeight(bp / 10000));
  return (
    <div data-testid="tag-history">
      <div className="form-row">
        <label className="field">
          <span>{t('Symbol')}</span>
          <input value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder={t('All')} data-testid="history-symbol" />
        </label>
        <label className="field">
          <span>{t('Changed since')}</span>
          <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
      </div>
      <div className="issues">
        <table>
          <thead>
            <tr>
              <th>{t('When')}</th>
              <th>{t('Symbol')}</th>
              <th>{t('Theme')}</th>
              <th className="num">{t('Before')}</th>
              <th className="num">{t('After')}</th>
              <th>{t('Source')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={i}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.symbolKey}</td>
                <td>{nameOf.get(e.themeId) ?? e.themeId}</td>
                <td className="num">{w(e.oldWeightBp)}</td>
                <td className="num">{w(e.newWeightBp)}</td>
                <td>{tagSourceLabel(e.source, t)}</td>
              </tr>
            ))}
            {events.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {symbol && since
                    ? t('No tag changes for {{symbol}} since {{date}}.', { symbol: symbol.toUpperCase(), date: since })
                    : symbol
                      ? t('No tag changes for {{symbol}}.', { symbol: symbol.toUpperCase() })
                      : since
                        ? t('No tag changes since {{date}}.', { date: since })
                        : t('No tag changes.')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
