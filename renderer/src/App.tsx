import { Activity, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseStatus } from '../../shared/api/contract';
import type { PortfolioSummary, Theme } from '../../shared/domain/types';
import type { SnapshotExposure } from '../../shared/exposure/model';
import { api } from './api';
import { formatDate } from './format';
import { EmptyState } from './ui/EmptyState';
import { ExportReportDialog } from './reports/ExportReportDialog';
import { ExposurePanel, type WarningAction } from './analytics/ExposurePanel';
import { PositionsTable } from './positions/PositionsTable';
import { ReadOnlyContext } from './ui/read-only';
import { ImportDialog } from './import/ImportDialog';
import { ImportErrorDialog } from './import/ImportErrorDialog';
import { ProgressBar } from './import/ProgressBar';
import { Toasts, useToasts, useWarningFollowsPortfolio } from './ui/Toast';
import { checkWords } from './import/check-words';
import { BackupsDialog } from './backups/BackupsDialog';
import { ReadOnlyBanner } from './backups/ReadOnlyBanner';
import { NoticeBanner } from './ui/NoticeBanner';
import { SAMPLE_CLIENT } from '../../shared/samples/household';
import { RecoveryPrompt } from './backups/RecoveryPrompt';
import { ThemesDialog } from './tagging/ThemesDialog';
import { Toolbar } from './ui/Toolbar';
import { useTagHistory } from './tagging/useTagHistory';
import { useWindowUndo } from './ui/useWindowUndo';
import { UndoBanner } from './ui/UndoBanner';
import { undoDeletionAndSay, useDeletionUndo, type DeletionSaid } from './analytics/deletion-undo';
import { AnalyticsViews } from './analytics/AnalyticsViews';
import { warmUpViews } from './analytics/warm-up';
import { compareCall, PREFETCHED_VIEWS, prepareFigures, previousSnapshotCall, snapshotsCall, usePrefetch, viewCall } from './analytics/prefetch';
import { householdCall } from './analytics/household-calls';
import { ViewTabs, type ViewId } from './analytics/ViewTabs';
import { forgetPositions } from './positions/usePositions';
import { useLanguageSync } from './i18n/useLanguage';
import { useImportFlow } from './import/useImportFlow';
import { errorWords } from './failure-words';
import { saidWords } from './said-words';

/**
 * Positions fetched with the exposure for the screen: none (the theme figures come from the
 * snapshot's position groups alone). The positions table loads the snapshot's positions itself
 * (listPositions); exports always get them all.
 */
const SCREEN_POSITION_LIMIT = 0;

/**
 * The window: the portfolio chosen and its exposure, the views, and each feature's dialogs wired to
 * the toolbar and menu. Longer than 300 lines: it is the one place that owns what several features
 * share (the selection, the exposure, undo, busy); each flow lives in its feature's folder
 * (the import in import/useImportFlow.ts).
 */
let generations = 0;
const nextGeneration = () => ++generations;

export function App() {
  useLanguageSync();
  const { t, i18n } = useTranslation();
  const [portfolios, setPortfolios] = useState<PortfolioSummary[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [themes, setThemes] = useState<Theme[]>([]);
  const [exposure, setExposure] = useState<SnapshotExposure | null>(null);
  // Updating prices or loading the sample (an import has its own flag, in useImportFlow).
  const [working, setWorking] = useState(false);
  // The Themes dialog, when open, and the tab it opens on.
  const [themesOpen, setThemesOpen] = useState<'themes' | 'suggestions' | 'review' | null>(null);
  // After the first import: what the seed pack has to say about the holdings (a banner).
  const [backupsOpen, setBackupsOpen] = useState(false);
  const fundsHeld = useRef(false);
  // A warning stays until the user dismisses it; a confirmation or an error shows above it.
  const { shown: toasts, show: setToast, dismiss: dismissToast } = useToasts();
  const [view, setView] = useState<ViewId>('positions');
  // How the database opened: read-only (a banner) or damaged and moved aside (offer a backup).
  const [dbStatus, setDbStatus] = useState<DatabaseStatus | null>(null);
  const [recoveryDismissed, setRecoveryDismissed] = useState(false);

  const refreshPortfolios = useCallback(async (select?: number) => {
    // Portfolios or snapshots came or went (an import, a delete, a restore): a snapshot id may now
    // name other positions, so the Positions view asks for its positions again.
    forgetPositions();
    const list = await api().listPortfolios({});
    setPortfolios(list);
    setSelectedId((current) => select ?? (current !== null && list.some((p) => p.id === current) ? current : (list[0]?.id ?? null)));
  }, []);

  const refreshExposure = useCallback(async (portfolioId: number | null) => {
    if (portfolioId === null) {
      setExposure(null);
      return;
    }
    try {
      const [r, funds] = await Promise.all([api().getExposure({ portfolioId, positionLimit: SCREEN_POSITION_LIMIT }), api().listFunds({})]);
      // Look-through weights may move with any tag edit while a fund is known: refresh fully then.
      fundsHeld.current = funds.length > 0;
      setExposure(r);
    } catch (err) {
      setExposure(null);
      setToast({ text: errorWords(err), kind: 'error' });
    }
  }, []);

  useEffect(() => {
    void refreshPortfolios();
    void api().listThemes({}).then(setThemes);
    void api()
      .databaseStatus({})
      .then(setDbStatus)
      .catch((err) => setToast({ text: errorWords(err), kind: 'error' }));
  }, [refreshPortfolios]);

  // The analytics views' first drawing, done while idle, so opening one is as quick the first time.
  useEffect(() => warmUpViews(), []);

  // Bumped after an import or a tag change so the same portfolio's exposure is fetched again.
  const [exposureVersion, setExposureVersion] = useState(0);
  const bumpExposure = useCallback(() => setExposureVersion((v) => v + 1), []);
  // A default theme's name follows the interface's language (api.ts): asked for again on a switch.
  useEffect(() => {
    const again = () => {
      void api().listThemes({}).then(setThemes);
      bumpExposure();
    };
    i18n.on('languageChanged', again);
    return () => i18n.off('languageChanged', again);
  }, [i18n, bumpExposure]);
  // Tag edits, undos and redos made in this window, counted (generation, below).
  const [tagEdits, setTagEdits] = useState(0);
  // A tag edit fetches only the totals (the positions table reloads its tags when the exposure
  // changes). Funds' look-through weights may change too: a full refresh then.
  const onTagsApplied = useCallback(() => {
    // The analytics view on screen (an undo made there) and the answers kept follow (generation, below).
    setTagEdits((n) => n + 1);
    if (selectedId === null) return;
    if (fundsHeld.current) return bumpExposure();
    void api()
      .getExposure({ portfolioId: selectedId, positionLimit: SCREEN_POSITION_LIMIT })
      .then(setExposure)
      .catch((err) => setToast({ text: errorWords(err), kind: 'error' }));
  }, [selectedId, bumpExposure]);
  const showError = useCallback((err: unknown) => setToast({ text: errorWords(err), kind: 'error' }), [setToast]);
  const history = useTagHistory(onTagsApplied, showError);
  // What the views say, and a change of portfolios (a rename, a deletion, an undone one): the
  // figures are asked for again once the list and the selection are current. Asked at once, a
  // deleted portfolio's were asked for, and its "no portfolio" shown in red.
  const said = useMemo<DeletionSaid>(
    () => ({
      onMessage: (text, kind) => setToast({ text, kind }),
      onPortfoliosChanged: (select) => void refreshPortfolios(select).then(bumpExposure, showError),
    }),
    [setToast, refreshPortfolios, bumpExposure, showError],
  );
  const windowUndo = useWindowUndo(history, said);
  const deletion = useDeletionUndo();
  // A deletion is said by its undo banner: a confirmation still shown from before ("Renamed to
  // Smith trust.") would stand beside "Deleted “Smith trust”." as if it were still so.
  useEffect(() => {
    if (deletion) dismissToast('notice');
  }, [deletion, dismissToast]);
  useWarningFollowsPortfolio(toasts, selectedId, dismissToast);
  const selected = portfolios?.find((p) => p.id === selectedId) ?? null;
  // A portfolio without a snapshot yet (just created, or its last one deleted) has no exposure to
  // ask for: its view says to import a holdings file, with no error beside it.
  const noSnapshots = selected?.snapshotCount === 0;
  useEffect(() => {
    void refreshExposure(noSnapshots ? null : selectedId);
  }, [selectedId, noSnapshots, exposureVersion, refreshExposure]);

  // A new generation of figures with every change the window makes: a bump (an import, a rate, a
  // rename, a restore…) or a tag edit, undo or redo. The analytics view on screen asks for its
  // figures again, and draws at once only answers kept in the current generation (kept-answers.ts).
  const generation = useMemo(() => nextGeneration(), [exposureVersion, tagEdits]);
  // The shown snapshot's Themes and Accounts figures, the History, the Compare view's first
  // comparison and the Household view's figures, computed ahead on the backend's own thread (a
  // large portfolio's) once the portfolio's figures have come: again after an import or any other
  // change of data, not after a tag edit (comparing again then reads no position; the other
  // figures are asked by the idle queue, below, as each edit would stop a thread and start one).
  const preparedFor = exposure && selected ? `${selected.id}:${exposure.snapshotId}:${exposureVersion}` : null;
  useEffect(() => {
    if (preparedFor === null || selected === null || !exposure) return;
    // Best effort: a host without the call, or a failure, leaves the figures to the click.
    prepareFigures(selected, exposure.snapshotId, generation).catch(() => undefined);
    // `generation` only says which kept answers are current; `preparedFor` says when to ask.
  }, [preparedFor]);
  // On the Positions view, the analytics views' figures are computed ahead while the window is idle
  // (and kept, so the first switch to one draws it at once), then the Themes view's of the snapshot before.
  usePrefetch(
    () =>
      exposure && selectedId !== null
        ? [
            snapshotsCall(selectedId, generation),
            ...PREFETCHED_VIEWS.map((v) => viewCall(v, selectedId, exposure.snapshotId, generation)),
            // The household before the snapshot before: it costs a third as much (12-37 ms against 40-70 at 100,000 positions).
            selected && householdCall(selected, generation),
            previousSnapshotCall('themes', selectedId, exposure.snapshotId, generation),
            compareCall(selectedId, generation),
          ].filter((c) => c !== null)
        : [],
    view === 'positions' && exposure && selectedId !== null ? `${selectedId}:${exposure.snapshotId}:${generation}` : null,
  );

  // In the window's language where the backend sent its template (the file's path is a figure).
  const readOnlyMessage = dbStatus?.readOnly ? (dbStatus.said ? saidWords(t, dbStatus.said) : dbStatus.message) : null;
  const readOnly = useMemo(() => (readOnlyMessage ? { message: readOnlyMessage, refuse: () => setToast({ text: readOnlyMessage, kind: 'error' }) } : null), [readOnlyMessage, setToast]);
  // Update prices…: the latest holdings at a prices file's prices, as a new snapshot; stale ones named.
  const updatePrices = useCallback(async () => {
    if (readOnly) return readOnly.refuse();
    if (selectedId === null) return;
    const chosen = await api().chooseImportFile({});
    if (!chosen) return;
    setWorking(true);
    try {
      const r = await api().repricePortfolio({ path: chosen.path, portfolioId: selectedId });
      await refreshPortfolios(selectedId);
      setExposureVersion((v) => v + 1);
      const names = r.stale.slice(0, 5).map((s) => `${s.symbol} (${s.reason})`).join(', ');
      const stale =
        r.stale.length > 5
          ? t('{{n}} kept their last value: {{names}} and {{more}} more.', { n: r.stale.length, names, more: r.stale.length - 5 })
          : r.stale.length
            ? t('{{n}} kept their last value: {{names}}.', { n: r.stale.length, names })
            : '';
      const repriced = t('Repriced {{repriced}} of {{positions}} positions from {{file}}, as of {{date}}.', { repriced: r.repriced, positions: r.positions, file: r.file, date: formatDate(r.snapshot.asOf) });
      // Positions that kept an old value, or a date past tomorrow, are something to check: that message stays until dismissed.
      const checks = r.checks.map((c) => checkWords(t, c));
      setToast({ text: stale ? `${repriced} ${stale}` : repriced, kind: stale || checks.length > 0 ? 'warn' : 'ok', portfolioId: selectedId, ...(checks.length > 0 ? { details: checks } : {}) });
    } catch (err) {
      setToast({ text: errorWords(err), kind: 'error' });
    } finally {
      setWorking(false);
    }
  }, [readOnly, selectedId, refreshPortfolios, t]);

  // The sample household: loaded from the empty state, removed from its banner, both in one call.
  const hasSample = (portfolios ?? []).some((p) => p.clientName === SAMPLE_CLIENT);
  const sample = useCallback(
    async (what: 'load' | 'remove') => {
      setWorking(true);
      try {
        if (what === 'load') {
          const r = await api().loadSampleHousehold({});
          await refreshPortfolios();
          setToast({ text: t('Loaded the sample household: {{portfolios}} portfolios, {{tagged}} tags from the pack. The Household tab adds them up.', { portfolios: r.portfolios, tagged: r.tagged }), kind: 'ok' });
        } else {
          const r = await api().removeSampleHousehold({});
          await refreshPortfolios();
          setToast({ text: t('Removed the sample household ({{removed}} portfolios).', { removed: r.removed }), kind: 'ok' });
        }
        setExposureVersion((v) => v + 1);
      } catch (err) {
        setToast({ text: errorWords(err), kind: 'error' });
      } finally {
        setWorking(false);
      }
    },
    [refreshPortfolios, t],
  );

  const imports = useImportFlow({ portfolios, readOnly, refreshPortfolios, onImported: bumpExposure, notify: setToast });
  const { recountHint } = imports;
  useEffect(() => void recountHint(), [exposureVersion, tagEdits, recountHint]);
  const busy = imports.importing || working;
  const { hint, pending, failed } = imports;
  const startImport = imports.start;

  // Export report…: a dialog (format, paper, sections, preview) that saves the report and reports back.
  const [exportOpen, setExportOpen] = useState(false);
  const canExport = exposure !== null && selectedId !== null;
  const openExport = useCallback(() => {
    if (canExport) setExportOpen(true);
  }, [canExport]);
  const closeExport = useCallback(() => setExportOpen(false), []);
  const onReportSaved = useCallback((r: { path: string }) => setToast({ text: t('Report saved to {{path}}', { path: r.path }), kind: 'ok' }), [t]);

  // File menu items (and their Ctrl/Cmd shortcuts) run the same flows as the toolbar buttons.
  useEffect(
    () =>
      api().on('menuCommand', (command) => {
        if (command === 'import') void startImport();
        else if (command === 'export') openExport();
      }),
    [startImport, openExport],
  );
  // Ctrl/Cmd+E in the page too: where no menu delivers it (a key the page handles never reaches the menu).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'e') {
        e.preventDefault();
        openExport();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openExport]);

  // A warning's button: the rates are set in the Currencies view, unsure holdings confirmed in Needs
  // review, prices a repricing lacked given by updating prices again.
  // (Not while an import or a repricing runs: the toolbar's button is greyed then, a warning's is not.)
  const actOnWarning = useCallback(
    (action: WarningAction) => (action === 'rates' ? setView('currencies') : action === 'review' ? setThemesOpen('review') : busy ? undefined : void updatePrices()),
    [updatePrices, busy],
  );
  // The same elements while their inputs are: a switch of view does not draw the positions again.
  const workspace = useMemo(
    () =>
      exposure && (
        <>
          <PositionsTable exposure={exposure} themes={themes} onTagChanges={history.apply} onSecuritiesChanged={bumpExposure} />
          <ExposurePanel exposure={exposure} onAction={actOnWarning} />
        </>
      ),
    [exposure, themes, history.apply, bumpExposure, actOnWarning],
  );

  return (
    <ReadOnlyContext.Provider value={readOnly}>
      <div className="app">
        <Toolbar
          portfolios={portfolios ?? []}
          selected={selected}
          onSelect={setSelectedId}
          onImport={() => void startImport()}
          onUpdatePrices={() => void updatePrices()}
          onExport={openExport}
          canExport={canExport}
          undoLabel={windowUndo.undoLabel}
          redoLabel={windowUndo.redoLabel}
          onUndo={() => void windowUndo.undo()}
          onRedo={() => void windowUndo.redo()}
          onThemes={() => setThemesOpen('themes')}
          onBackups={() => setBackupsOpen(true)}
          busy={busy}
        />
        {readOnlyMessage && <ReadOnlyBanner message={readOnlyMessage} />}
        {hasSample && (
          <NoticeBanner testId="sample-banner" actions={[{ label: t('Remove the sample'), testId: 'remove-sample', onClick: () => void sample('remove'), disabled: busy }]}>
            <strong>{t('Sample household:')}</strong> {t("invented holdings in three brokers' files and a fictional ETF, tagged from the pack, to try ThemeLens with.")}
          </NoticeBanner>
        )}
        {hint && (
          <NoticeBanner
            testId="program-hint"
            actions={[
              {
                label: t('Review suggestions'),
                testId: 'program-hint-review',
                primary: true,
                onClick: () => {
                  imports.dismissHint();
                  setThemesOpen('suggestions');
                },
              },
              { label: t('Dismiss'), testId: 'program-hint-dismiss', onClick: imports.dismissHint },
            ]}
          >
            {/* The command line says the same in English (shared/suggestions/hint.ts); here in the interface's language. */}
            {hint.holdings === 1 && hint.themes === 1
              ? t("1 of your holdings fits the themes of Japan's first US investment projects (1 theme): the pack suggests how to tag it.")
              : hint.holdings === 1
              ? t("1 of your holdings fits the themes of Japan's first US investment projects ({{themes}} themes): the pack suggests how to tag it.", { themes: hint.themes })
              : hint.themes === 1
              ? t("{{holdings}} of your holdings fit the themes of Japan's first US investment projects (1 theme): the pack suggests how to tag them.", { holdings: hint.holdings })
              : t("{{holdings}} of your holdings fit the themes of Japan's first US investment projects ({{themes}} themes): the pack suggests how to tag them.", { holdings: hint.holdings, themes: hint.themes })}
          </NoticeBanner>
        )}
        {busy && <ProgressBar progress={imports.progress} onCancel={() => void api().cancelImport({})} />}
        {portfolios === null ? (
          <main className="loading" aria-busy="true">{t('Loading…')}</main>
        ) : portfolios.length === 0 ? (
          <>
            {/* The last portfolio deleted: its undo stays offered where the Portfolios view was. */}
            {deletion?.kind === 'portfolio' && (
              <UndoBanner
                text={t('Deleted “{{name}}”.', { name: deletion.name })}
                testId="undo-delete"
                onUndo={() => void undoDeletionAndSay(deletion, said)}
              />
            )}
            <EmptyState onImport={() => void startImport()} onSample={() => void sample('load')} busy={busy} />
          </>
        ) : (view !== 'positions' && selected) || exposure ? (
          <>
            <ViewTabs view={view} onView={setView} />
            {view !== 'positions' && selected && (
              <AnalyticsViews
                view={view}
                portfolio={selected}
                portfolioName={selected.name}
                version={exposureVersion}
                generation={generation}
                onMessage={said.onMessage}
                onChanged={bumpExposure}
                onPortfoliosChanged={said.onPortfoliosChanged}
              />
            )}
            {exposure && (
              // Kept, hidden, while another view is shown, with its search, filters, selection and
              // rows as they were: going back to it draws nothing anew (mounting 100,000 positions'
              // table again took 60-130 ms of the switch).
              <Activity mode={view === 'positions' ? 'visible' : 'hidden'}>
                {/* `hidden` too: one main element in view, as HTML asks (Activity hides it with a style). */}
                <main className="workspace" hidden={view !== 'positions'}>
                  {workspace}
                </main>
              </Activity>
            )}
          </>
        ) : (
          <main className="loading">{selected && selected.snapshotCount === 0 ? t('This portfolio has no snapshots yet: import a holdings file.') : t('Loading…')}</main>
        )}
        {pending && (
          <ImportDialog
            path={pending.path}
            fileName={pending.fileName}
            portfolios={portfolios ?? []}
            defaultPortfolioId={selectedId}
            onCancel={imports.cancelPending}
            onConfirm={(choice) => void imports.run(pending, choice)}
          />
        )}
        {failed && <ImportErrorDialog failure={failed.failure} onRetry={failed.retry} onCancel={imports.dismissFailure} />}
        {themesOpen && (
          <ThemesDialog
            initialTab={themesOpen}
            onClose={() => setThemesOpen(null)}
            record={history.record}
            onChanged={() => {
              void api().listThemes({}).then(setThemes);
              bumpExposure();
            }}
          />
        )}
        {backupsOpen && (
          <BackupsDialog
            onClose={() => setBackupsOpen(false)}
            onRestored={() => {
              // The portfolio on screen may not be in the restored file: its figures are asked for once
              // the list says which portfolio is shown, never by the id of one that is gone.
              void refreshPortfolios().then(() => {
                void api().listThemes({}).then(setThemes);
                bumpExposure();
              });
            }}
          />
        )}
        {dbStatus?.damaged && !recoveryDismissed && <RecoveryPrompt damaged={dbStatus.damaged} onStartEmpty={() => setRecoveryDismissed(true)} />}
        {exportOpen && exposure && selectedId !== null && <ExportReportDialog subject={{ portfolioId: selectedId }} naming={exposure} onClose={closeExport} onSaved={onReportSaved} />}
        <Toasts shown={toasts} onDismiss={dismissToast} />
      </div>
    </ReadOnlyContext.Provider>
  );
}
