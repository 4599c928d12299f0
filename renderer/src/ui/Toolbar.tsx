import { refusedWhenReadOnly, useReadOnly } from './read-only';
import type { PortfolioSummary } from '../../../shared/domain/types';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { LanguagePicker } from './LanguagePicker';

interface Props {
  portfolios: PortfolioSummary[];
  selected: PortfolioSummary | null;
  onSelect: (id: number) => void;
  onImport: () => void;
  /** Revalues the selected portfolio's latest holdings at the prices in a file (a new snapshot). */
  onUpdatePrices: () => void;
  /** Opens the Export report dialog (format, paper, sections, preview). */
  onExport: () => void;
  canExport: boolean;
  busy: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  onUndo: () => void;
  onRedo: () => void;
  onThemes: () => void;
  onBackups: () => void;
}

/** The app bar: portfolio picker, import and export. */
export function Toolbar({ portfolios, selected, onSelect, onImport, onUpdatePrices, onExport, canExport, busy, undoLabel, redoLabel, onUndo, onRedo, onThemes, onBackups }: Props) {
  // Read-only: Import and Update prices look as refused as they are; a click still says why (App.tsx).
  const readOnly = useReadOnly();
  const { t } = useTranslation();
  return (
    <header className="toolbar">
      <div className="brand" aria-label="ThemeLens">
        <span className="brand-mark" aria-hidden="true" />
        ThemeLens
      </div>
      {/* The page's heading for screen readers: the portfolio on screen (the empty state has its own). */}
      {selected && <h1 className="visually-hidden">{selected.name}</h1>}
      {portfolios.length > 0 && (
        <label className="picker">
          <span className="visually-hidden">{t('Portfolio')}</span>
          <select
            data-testid="portfolio-picker"
            aria-label={t('Portfolio')}
            value={selected?.id ?? ''}
            onChange={(e) => onSelect(Number(e.target.value))}
          >
            {portfolios.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.clientName ? ` (${p.clientName})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {selected?.latestAsOf && <span className="as-of" data-testid="as-of">{t('as of {{date}}', { date: formatDate(selected.latestAsOf) })}</span>}
      <div className="spacer" />
      <button type="button" className="small" data-testid="themes-button" onClick={onThemes} title={t('Add, rename, recolor and order themes; tag history')}>
        {t('Themes…')}
      </button>
      <button type="button" className="small" data-testid="backups-button" onClick={onBackups} title={t('Verified copies of your data; restore one')}>
        {t('Backups…')}
      </button>
      <LanguagePicker />
      <div className="undo-group">
        <button type="button" className="small" data-testid="undo-button" onClick={onUndo} disabled={!undoLabel} title={undoLabel ? t('Undo: {{action}} (Ctrl+Z)', { action: undoLabel }) : t('Nothing to undo')} aria-label={undoLabel ? t('Undo {{action}}', { action: undoLabel }) : t('Undo')}>
          ↶ {t('Undo')}
        </button>
        <button type="button" className="small" data-testid="redo-button" onClick={onRedo} disabled={!redoLabel} title={redoLabel ? t('Redo: {{action}} (Ctrl+Shift+Z)', { action: redoLabel }) : t('Nothing to redo')} aria-label={redoLabel ? t('Redo {{action}}', { action: redoLabel }) : t('Redo')}>
          ↷ {t('Redo')}
        </button>
      </div>
      <button type="button" className="primary" data-testid="import-button" onClick={onImport} disabled={busy} {...refusedWhenReadOnly(readOnly, t('Import holdings (Ctrl+O)'))}>
        {t('Import holdings…')}
      </button>
      {selected && (
        <button type="button" data-testid="update-prices-button" onClick={onUpdatePrices} disabled={busy} {...refusedWhenReadOnly(readOnly, t('Revalue the latest holdings at the prices in a file (symbol, price, currency, date): a new snapshot'))}>
          {t('Update prices…')}
        </button>
      )}
      <button type="button" data-testid="export-button" onClick={onExport} disabled={!canExport || busy} title={t('Export report: PDF, XLSX, CSV, HTML or JSON, with a preview (Ctrl+E)')} aria-keyshortcuts="Control+E Meta+E">
        {t('Export report…')}
      </button>
    </header>
  );
}
