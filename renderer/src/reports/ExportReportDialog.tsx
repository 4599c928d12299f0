import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiOutputs } from '../../../shared/api/contract';
import { REPORT_SECTIONS, type PaperSize, type ReportSection } from '../../../shared/report/document';
import type { ReportFormat } from '../../../shared/report/model';
import type { ReportExportResult } from '../../../shared/report/record';
import { api } from '../api';
import { formatCount } from '../format';
import { currentLanguage, LANGUAGES, msg, type Language } from '../i18n';
import { loadExportChoices, saveExportChoices, suggestedReportName, usesPaper, usesSections, type ExportChoices } from './export-choices';
import { useFocusTrap } from '../ui/focus-trap';
import { Modal } from '../ui/Modal';
import { ReportPreferencesForm } from './ReportPreferencesForm';
import { RadioChoices } from '../ui/RadioChoices';
import { ReportPreview } from './ReportPreview';
import './export-report.css';
import { errorWords } from '../failure-words';

// The labels are format names, the same in every language (i18n-ignore on each); the hints are translated where shown.
const FORMATS: { id: ReportFormat; label: string; hint: string }[] = [
  { id: 'pdf', label: 'PDF', hint: msg('to send or print: page numbers, vector charts') }, // i18n-ignore: format name
  { id: 'xlsx', label: 'XLSX', hint: msg('a workbook: a sheet per section, numbers as numbers') }, // i18n-ignore: format name
  { id: 'csv', label: 'CSV', hint: msg('plain rows for any spreadsheet') }, // i18n-ignore: format name
  { id: 'html', label: 'HTML', hint: msg('one self-contained page') }, // i18n-ignore: format name
  { id: 'json', label: 'JSON', hint: msg('for other programs (documented schema)') }, // i18n-ignore: format name
];

const PAPERS: { id: PaperSize; label: string }[] = [
  { id: 'a4', label: msg('A4 (210 × 297 mm)') },
  { id: 'letter', label: msg('US Letter (8.5 × 11 in)') },
];

const SECTION_LABELS: Record<ReportSection, string> = {
  summary: msg('Summary'),
  charts: msg('Charts'),
  themes: msg('Themes and their positions'),
  accounts: msg('By account'),
  currencies: msg('By currency'),
  overlap: msg('Theme overlap'),
  positions: msg('Positions'),
  fx: msg('Exchange rates'),
  changes: msg('Changes since the previous report, explained'),
  methodology: msg('Methodology'),
  disclaimer: msg('Disclaimer'),
};

/** Text previews longer than this are cut (the saved file is whole). */
const TEXT_PREVIEW_LIMIT = 60_000;

type Preview = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: ApiOutputs['previewReport']; kind: 'html' | 'csv' | 'json' };
/** What a saved report reports back (a client's combined report has no record id). */
type Saved = Pick<ReportExportResult, 'path' | 'bytes' | 'fingerprint'>;
type Saving = { state: 'idle' } | { state: 'busy' } | { state: 'saved'; result: Saved } | { state: 'error'; message: string };

/** What the report is on: a portfolio (its latest snapshot), or a client's portfolios combined in one currency. */
export type ReportSubject = { portfolioId: number; snapshotId?: number } | { client: string; baseCurrency: string };

/** Theme shocks for the report's Scenario section (from the Scenarios view). */
export type ReportShocks = { themeId: string; shockBp: number }[];

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/**
 * Export report…: format, paper size and sections, a live preview of the report, then Save…, which
 * asks where (the host's save dialog) and writes it; the path and fingerprint are shown when done.
 * Longer than 300 lines: one form whose choices all feed the same preview and the same save.
 */
export function ExportReportDialog({
  subject,
  shocks = [],
  themeNames = {},
  naming,
  onClose,
  onSaved,
}: {
  subject: ReportSubject;
  shocks?: ReportShocks;
  /** The shocked themes' names, to say which they are (the shocks themselves carry ids). */
  themeNames?: Readonly<Record<string, string>>;
  naming: { clientName: string | null; portfolio: string; asOf: string };
  onClose: () => void;
  onSaved: (result: Saved) => void;
}) {
  const { t } = useTranslation();
  const [benchmark, setBenchmark] = useState('');
  const [funds, setFunds] = useState<string[]>([]);
  useEffect(() => {
    // Best effort: without the list there is simply no benchmark to choose.
    Promise.resolve()
      .then(() => api().listFunds({}))
      .then((list) => setFunds(list.map((f) => f.fundKey)), () => undefined);
  }, []);
  const subjectKey = JSON.stringify(subject);
  const shocksKey = JSON.stringify(shocks);
  // The report's language: the interface's unless chosen here (PDF and HTML; the other formats are read by programs).
  const [language, setLanguage] = useState<Language>(currentLanguage);
  const extras = { ...(benchmark ? { benchmark } : {}), ...(shocks.length > 0 ? { shocks } : {}), language };
  const [choices, setChoices] = useState<ExportChoices>(() => loadExportChoices(storage(), navigator.language));
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  // Editing the adviser's details (report preferences) in place of the options; saved details redo the preview.
  const [editingPrefs, setEditingPrefs] = useState(false);
  const [prefsVersion, setPrefsVersion] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusTrap(formRef);

  const { format, paper, sections } = choices;
  // In a radio group focus belongs on the checked option (the modal focuses its first control).
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[name="export-format"]:checked')?.focus();
  }, []);
  const previewKind: 'html' | 'csv' | 'json' = format === 'csv' || format === 'json' ? format : 'html';
  const previewSections = usesSections(format) ? sections : [...REPORT_SECTIONS];
  const sectionsKey = previewSections.join(',');

  // The preview follows every choice; an answer to an older request is dropped.
  const request = useRef(0);
  useEffect(() => {
    const id = ++request.current;
    setPreview((p) => (p.state === 'ready' && p.kind === previewKind ? p : { state: 'loading' }));
    const wanted = sectionsKey ? (sectionsKey.split(',') as ReportSection[]) : [];
    const asked = { format: previewKind, sections: wanted, ...extras };
    ('portfolioId' in subject ? api().previewReport({ ...subject, ...asked }) : api().previewClientReport({ ...subject, ...asked }))
      .then((value) => id === request.current && setPreview({ state: 'ready', value, kind: previewKind }))
      .catch((err) => id === request.current && setPreview({ state: 'error', message: errorWords(err) }));
    // The keys name the subject and the shocks (objects made afresh on every render).
  }, [subjectKey, shocksKey, benchmark, previewKind, sectionsKey, prefsVersion, language]);

  const update = (patch: Partial<ExportChoices>) => {
    setChoices((c) => ({ ...c, ...patch }));
    if (saving.state !== 'busy') setSaving({ state: 'idle' });
  };
  const toggleSection = (s: ReportSection, on: boolean) => update({ sections: REPORT_SECTIONS.filter((x) => (x === s ? on : sections.includes(x))) });

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving.state === 'busy') return;
    saveExportChoices(storage(), choices);
    const target = await api().chooseExportPath({ format, suggestedName: suggestedReportName(naming, format) });
    if (!target) return;
    setSaving({ state: 'busy' });
    try {
      const asked = { format, path: target.path, ...(usesPaper(format) ? { paper } : {}), ...(usesSections(format) ? { sections } : {}), ...extras };
      const result = 'portfolioId' in subject ? await api().exportReport({ ...subject, ...asked }) : await api().exportClientReport({ ...subject, ...asked });
      setSaving({ state: 'saved', result });
      onSaved(result);
    } catch (err) {
      setSaving({ state: 'error', message: errorWords(err) });
    }
  };

  const busy = saving.state === 'busy';
  const fingerprint = saving.state === 'saved' ? saving.result.fingerprint : preview.state === 'ready' ? preview.value.fingerprint : null;

  return (
    <Modal title={t('Export report')} testId="export-dialog" onClose={onClose} wide>
      <div className="export-layout">
        {editingPrefs && (
          <ReportPreferencesForm
            onDone={(saved) => {
              setEditingPrefs(false);
              if (saved) setPrefsVersion((v) => v + 1);
            }}
          />
        )}
        <form className="export-options" hidden={editingPrefs} ref={formRef} onSubmit={(e) => void save(e)} aria-busy={busy}>
          <div className="export-fields">
            <fieldset disabled={busy}>
              <legend>{t('Format')}</legend>
              {FORMATS.map((f) => (
                <label key={f.id} className="export-choice">
                  <input
                    type="radio"
                    // i18n-ignore: the radio group's form name, never shown
                    name="export-format"
                    value={f.id} data-testid={`export-format-${f.id}`} checked={format === f.id} onChange={() => update({ format: f.id })} />
                  <span>
                    <strong>{f.label}</strong> <span className="muted small">{t(f.hint)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {usesPaper(format) && (
              <RadioChoices
                // i18n-ignore: the group's form name, never shown
                name="export-paper"
                legend={t('Paper size')}
                choices={PAPERS.map((p) => ({ value: p.id, label: t(p.label) }))}
                value={paper}
                onChange={(p) => update({ paper: p })}
                disabled={busy}
              />
            )}
            {usesSections(format) && (
              <RadioChoices
                // i18n-ignore: the group's form name, never shown
                name="export-language"
                legend={t('Report language')}
                choices={LANGUAGES.map((l) => ({ value: l.code, label: l.label, lang: l.code }))}
                value={language}
                onChange={setLanguage}
                disabled={busy}
              />
            )}
            {usesSections(format) ? (
              <fieldset disabled={busy} data-testid="export-sections">
                <legend>{t('Sections')}</legend>
                <label className="export-choice">
                  <input type="checkbox" checked disabled aria-describedby="cover-always" />
                  <span>
                    {t('Cover')} <span className="muted small" id="cover-always">{t('(always included)')}</span>
                  </span>
                </label>
                {REPORT_SECTIONS.map((s) => (
                  <label key={s} className="export-choice">
                    <input type="checkbox" data-testid={`export-section-${s}`} checked={sections.includes(s)} onChange={(e) => toggleSection(s, e.target.checked)} />
                    <span>{t(SECTION_LABELS[s], { context: 'section' })}</span>
                  </label>
                ))}
              </fieldset>
            ) : (
              <p className="muted small" data-testid="export-all-data">
                {t('{{format}} always carries all the figures: every theme, position, tag and exchange rate.', { format: format.toUpperCase() })}
              </p>
            )}
            {funds.length > 0 && (
              <label className="export-benchmark">
                {t('Compare with')}{' '}
                <select value={benchmark} onChange={(e) => setBenchmark(e.target.value)} disabled={busy} data-testid="export-benchmark">
                  <option value="">{t('no benchmark')}</option>
                  {funds.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
              </label>
            )}
            {shocks.length > 0 && (
              <p className="small" data-testid="export-scenario">
                {t('With a Scenario section: {{shocks}}', { shocks: shocks.map((x) => `${themeNames[x.themeId] ?? x.themeId} ${x.shockBp > 0 ? '+' : ''}${x.shockBp / 100}%`).join(', ') })}
              </p>
            )}
            <button type="button" className="small export-prefs-link" onClick={() => setEditingPrefs(true)} disabled={busy} data-testid="export-edit-prefs">
              {t('Adviser, logo and disclaimer…')}
            </button>
          </div>
          <div className="export-status" aria-live="polite">
            {busy && (
              <p className="export-busy" data-testid="export-busy" role="status">
                <span className="spinner" aria-hidden="true" /> {t('Saving the {{format}} report…', { format: format.toUpperCase() })}
              </p>
            )}
            {saving.state === 'saved' && (
              <div className="export-saved" data-testid="export-saved" role="status">
                <p>
                  <strong>{t('Saved')}</strong> {t('({{size}}) to', { size: formatBytes(saving.result.bytes, t) })}
                </p>
                <p className="export-path" data-testid="export-saved-path">
                  {saving.result.path}
                </p>
                <p className="small">
                  {t('Fingerprint')} <code data-testid="export-saved-fingerprint">{saving.result.fingerprint}</code>
                </p>
              </div>
            )}
          </div>
          {saving.state === 'error' && (
            <p className="export-error" role="alert" data-testid="export-error">
              {t('The report was not saved. {{message}}', { message: saving.message })}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={onClose} data-testid="export-close">
              {saving.state === 'saved' ? t('Close') : t('Cancel')}
            </button>
            <button type="submit" className="primary" data-testid="export-save" disabled={busy}>
              {busy ? t('Saving…') : t('Save {{format}}…', { format: format.toUpperCase() })}
            </button>
          </div>
        </form>
        <section className="export-preview" aria-label={t('Preview')} data-testid="export-preview" aria-busy={preview.state === 'loading'}>
          <div className="export-preview-head">
            <h3>{t('Preview')}</h3>
            {fingerprint && (
              <span className="muted small">
                {t('fingerprint')} <code data-testid="export-fingerprint">{fingerprint}</code>
              </span>
            )}
          </div>
          {format === 'xlsx' && <p className="muted small export-note">{t('The workbook holds these figures as numbers, one sheet per part.')}</p>}
          <div className="export-preview-body">
            {preview.state === 'loading' && <p className="muted export-note">{t('Making the preview…')}</p>}
            {preview.state === 'error' && (
              <p className="export-error" role="alert" data-testid="export-preview-error">
                {t('No preview: {{message}}', { message: preview.message })}
              </p>
            )}
            {preview.state === 'ready' && preview.value.page && <ReportPreview css={preview.value.page.css} body={preview.value.page.body} paper={usesPaper(format) ? paper : null} label={t('Preview of the {{format}} report', { format: format.toUpperCase() })} />}
            {preview.state === 'ready' && !preview.value.page && <TextPreview text={preview.value.content} kind={preview.kind} />}
          </div>
        </section>
      </div>
    </Modal>
  );
}

/** CSV or JSON as the file will hold it (the first part of a long one). */
function TextPreview({ text, kind }: { text: string; kind: string }) {
  const { t } = useTranslation();
  const cut = text.length > TEXT_PREVIEW_LIMIT;
  return (
    <>
      <pre className="export-text" data-testid="export-text-preview" tabIndex={0} aria-label={t('{{kind}} preview', { kind: kind.toUpperCase() })}>
        {text.replace(/^\uFEFF/, '').slice(0, TEXT_PREVIEW_LIMIT)}
      </pre>
      {cut && <p className="muted small export-note">{t('The first {{shown}} characters; the file holds all {{total}}.', { shown: formatCount(TEXT_PREVIEW_LIMIT), total: formatCount(text.length) })}</p>}
    </>
  );
}

function formatBytes(n: number, t: TFunction): string {
  return n < 1024 ? t('{{n}} bytes', { n: String(n) }) : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
