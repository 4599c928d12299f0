import type { ReadOnly } from '../ui/read-only';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../shared/api/contract';
import type { PortfolioSummary } from '../../../shared/domain/types';
import { programHint } from '../../../shared/suggestions/hint';
import { api, asFailure, type ApiFailure } from '../api';
import { formatCount } from '../format';
import type { ImportChoice } from './ImportDialog';
import type { ToastMessage } from '../ui/Toast';
import { checkWords } from './check-words';

export interface PendingImport {
  path: string;
  fileName: string;
}

export interface FailedImport {
  failure: ApiFailure;
  retry: (extra: { skipInvalid?: boolean; allowDuplicate?: boolean }) => void;
}

interface ImportFlowOptions {
  portfolios: PortfolioSummary[] | null;
  /** Set when the database is read-only: an import says so before a file is chosen. */
  readOnly: ReadOnly | null;
  /** Reloads the portfolio list, selecting the one imported into. */
  refreshPortfolios: (select?: number) => Promise<void>;
  /** The imported portfolio's exposure is fetched again. */
  onImported: () => void;
  notify: (toast: ToastMessage) => void;
}

/**
 * How many holdings the pack has suggestions for, and in how many themes: null for none, undefined
 * when the suggestions could not be read (the hint is a courtesy: a failure changes nothing).
 */
async function readProgramHint(): Promise<{ holdings: number; themes: number } | null | undefined> {
  try {
    const said = programHint(await api().listSuggestions({ onlyHeld: true }));
    return said && { holdings: said.holdings, themes: said.themes };
  } catch {
    return undefined;
  }
}

/**
 * The import flow in one place: the file chosen (the mapping dialog shows it), the import running
 * with its progress, a failure with its retry (skip invalid rows, keep a duplicate), and after a
 * first import the hint about the program's projects.
 */
export function useImportFlow({ portfolios, readOnly, refreshPortfolios, onImported, notify }: ImportFlowOptions) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [failed, setFailed] = useState<FailedImport | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [importing, setImporting] = useState(false);
  const [hint, setHint] = useState<{ holdings: number; themes: number } | null>(null);

  useEffect(() => api().on('importProgress', setProgress), []);

  const start = useCallback(async () => {
    // Nothing can be saved to a read-only database: say so before the user picks a file.
    if (readOnly) return readOnly.refuse();
    const chosen = await api().chooseImportFile({});
    if (chosen) setPending({ path: chosen.path, fileName: chosen.name });
  }, [readOnly]);

  const showProgramHint = useCallback(async () => {
    const said = await readProgramHint();
    if (said) setHint(said);
  }, []);

  /**
   * The hint shown counts again after tags change: holdings tagged since (by hand, or by accepting
   * a suggestion) have nothing left to suggest, and the banner said 4 while Suggestions listed 2.
   * It goes once none is left.
   */
  const shown = useRef(false);
  shown.current = hint !== null;
  const recountHint = useCallback(async () => {
    if (!shown.current) return;
    const said = await readProgramHint();
    if (said !== undefined && shown.current) setHint(said);
  }, []);

  const run = useCallback(
    async (file: PendingImport, choice: ImportChoice, extra: { skipInvalid?: boolean; allowDuplicate?: boolean } = {}) => {
      setPending(null);
      setFailed(null);
      setImporting(true);
      setProgress(null);
      try {
        const outcome = await api().importHoldings({
          path: file.path,
          ...(choice.kind === 'existing' ? { portfolioId: choice.portfolioId } : { portfolioName: choice.name, baseCurrency: choice.baseCurrency }),
          options: choice.options,
          rememberMapping: choice.rememberMapping,
          ...(choice.asOf ? { asOf: choice.asOf } : {}),
          ...extra,
        });
        const first = (portfolios ?? []).length === 0;
        await refreshPortfolios(outcome.portfolio.id);
        onImported();
        const values = { n: formatCount(outcome.imported), name: outcome.portfolio.name, skipped: formatCount(outcome.rejected.length) };
        // Each count said as one or several, whole sentences (for the translation check).
        const one = outcome.imported === 1;
        const skipped = outcome.rejected.length;
        const done =
          skipped === 0
            ? one
              ? t('Imported 1 position into {{name}}.', values)
              : t('Imported {{n}} positions into {{name}}.', values)
            : skipped === 1
              ? one
                ? t('Imported 1 position into {{name}}, 1 row skipped.', values)
                : t('Imported {{n}} positions into {{name}}, 1 row skipped.', values)
              : one
                ? t('Imported 1 position into {{name}}, {{skipped}} rows skipped.', values)
                : t('Imported {{n}} positions into {{name}}, {{skipped}} rows skipped.', values);
        // What asks the user to check a figure (a total the rows do not add up to, a value of the wrong
        // sign, a value left empty) is said, and stays said; the rest of the warnings are notes the
        // views show in their own way (another table after the positions, rates in use, Needs review).
        notify(outcome.checks.length > 0 ? { text: t('{{done}} Before relying on its figures, check:', { done }), kind: 'warn', details: outcome.checks.map((c) => checkWords(t, c)), portfolioId: outcome.portfolio.id } : { text: done, kind: 'ok' });
        // The hint is a courtesy: a failure to read the suggestions never turns the import into an error.
        if (first) void showProgramHint();
      } catch (err) {
        setFailed({ failure: asFailure(err), retry: (more) => void run(file, choice, { ...extra, ...more }) });
      } finally {
        setImporting(false);
        setProgress(null);
      }
    },
    [refreshPortfolios, portfolios, showProgramHint, onImported, notify, t],
  );

  return {
    pending,
    failed,
    progress,
    importing,
    hint,
    start,
    run,
    cancelPending: () => setPending(null),
    dismissFailure: () => setFailed(null),
    dismissHint: () => setHint(null),
    recountHint,
  };
}
