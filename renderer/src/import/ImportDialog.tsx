import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOptions, ImportPreview } from '../../../shared/api/contract';
import type { PortfolioSummary } from '../../../shared/domain/types';
import { portfolioNamed } from '../../../shared/domain/portfolio-name';
import type { ColumnMapping } from '../../../shared/import/types';
import { api, asFailure, type ApiFailure } from '../api';
import { msg, t } from '../i18n';
import { MappingEditor, PreviewTable } from './ColumnMapping';
import { importErrorWords } from './import-error-words';
import { Modal } from '../ui/Modal';
import { formatDate } from '../format';
import { isFutureDate, localDate } from '../../../shared/import/future-date';

export type ImportChoice = ({ kind: 'existing'; portfolioId: number } | { kind: 'new'; name: string; baseCurrency: string }) & {
  options: ImportOptions;
  rememberMapping: boolean;
  /** Set when the user typed a date; otherwise the file's own date (or today) applies. */
  asOf?: string;
};

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD'];
const ENCODINGS: { id: NonNullable<ImportOptions['encoding']>; label: string }[] = [
  { id: 'utf-8', label: 'UTF-8' }, // i18n-ignore: an encoding's name, the same in every language
  { id: 'windows-1252', label: msg('Windows-1252 (Western Europe)') },
  { id: 'iso-8859-1', label: msg('ISO-8859-1 (Latin-1)') },
  { id: 'utf-16le', label: 'UTF-16 LE' }, // i18n-ignore: an encoding's name, the same in every language
  { id: 'utf-16be', label: 'UTF-16 BE' }, // i18n-ignore: an encoding's name, the same in every language
  { id: 'shift_jis', label: msg('Shift_JIS / CP932 (Japanese)') },
  { id: 'euc-jp', label: msg('EUC-JP (Japanese)') },
];
const DELIMITERS: { id: NonNullable<ImportOptions['delimiter']>; label: string }[] = [
  { id: ',', label: msg('Comma ,') },
  { id: ';', label: msg('Semicolon ;') },
  { id: '\t', label: msg('Tab') },
  { id: '|', label: msg('Pipe |') },
];

/** The number columns' decimal separator: read from the file's figures ('' here, 'auto' sent) or chosen. */
const DECIMALS: { id: '' | NonNullable<ImportOptions['decimal']>; label: string }[] = [
  { id: '', label: msg('Automatic') },
  { id: '.', label: msg('Point (1,234.56)') },
  { id: ',', label: msg('Comma (1.234,56)') },
];

/**
 * Automatic, with the separator it read the figures with when Automatic is the choice, so the user
 * sees what was chosen for them without reading the preview's figures.
 */
function automaticLabel(read: ImportPreview['decimalRead']): string {
  if (read === '.') return msg('Automatic: point (1,234.56)');
  if (read === ',') return msg('Automatic: comma (1.234,56)');
  if (read === 'mixed') return msg('Automatic: differs by column');
  return msg('Automatic');
}

/**
 * One line above the preview on the figures' decimal separator: the one saved with the column
 * mapping, or what the import would say of figures that read either way (its separator check), with
 * the choice that reads them otherwise. Nothing when a separator is chosen or the figures tell it.
 */
function SeparatorLine({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const c = preview.separator;
  let text: string | null = null;
  if (preview.savedDecimal === ',') text = t('Figures are read with a decimal comma, as saved with your column mapping for this header row. To read them otherwise, choose under Decimal separator.');
  else if (preview.savedDecimal === '.') text = t('Figures are read with a decimal point, as saved with your column mapping for this header row. To read them otherwise, choose under Decimal separator.');
  else if (c) {
    const params = { cell: c.cell, line: c.line, header: c.header, read: c.read, other: c.other };
    text =
      c.decimal === ','
        ? t('{{cell}} (line {{line}}, {{header}}) could be {{read}} or {{other}}: it is read as {{read}}, with a decimal comma as usual in a file delimited by semicolons. If the file writes 1,234.56, choose Point under Decimal separator.', params)
        : t('{{cell}} (line {{line}}, {{header}}) could be {{read}} or {{other}}: it is read as {{read}}, with a decimal point as usual in a file not delimited by semicolons. If the file writes 1.234,56, choose Comma under Decimal separator.', params);
  }
  if (text === null) return null;
  return (
    <p className="muted small" data-testid="preview-separator">
      {text}
    </p>
  );
}

/** "Portfolio_Positions_Nov-24-2026.csv" -> "Portfolio Positions". */
function nameFromFile(fileName: string): string {
  const stem = fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').replace(/\b[A-Z][a-z]{2} \d{1,2} \d{4}\b/, '').trim();
  return stem || t('My portfolio');
}

/**
 * The import screen: where the file goes (new portfolio or new snapshot), how it was read
 * (format, encoding, delimiter, decimal separator: each can be overridden, re-reading the original bytes), which column
 * feeds which field, and a live preview of the first rows as they will be read.
 */
export function ImportDialog({
  path,
  fileName,
  portfolios,
  defaultPortfolioId,
  onCancel,
  onConfirm,
}: {
  path: string;
  fileName: string;
  portfolios: PortfolioSummary[];
  defaultPortfolioId: number | null;
  onCancel: () => void;
  onConfirm: (choice: ImportChoice) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string>(defaultPortfolioId !== null ? String(defaultPortfolioId) : 'new');
  const [name, setName] = useState(nameFromFile(fileName));
  const [currency, setCurrency] = useState('USD');
  const [options, setOptions] = useState<ImportOptions>({});
  const [userMapped, setUserMapped] = useState(false);
  const [remember, setRemember] = useState(true);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // The options the preview on screen was read with: until the next one comes, it says nothing of a newer choice.
  const [previewedWith, setPreviewedWith] = useState<ImportOptions | null>(null);
  // Kept as it came, and worded when shown: a language switched with the dialog open rewords it.
  const [error, setError] = useState<ApiFailure | null>(null);
  const request = useRef(0);

  useEffect(() => {
    const id = ++request.current;
    const timer = setTimeout(() => {
      api()
        .previewImport({ path, options })
        .then((p) => {
          if (id !== request.current) return;
          setPreview(p);
          setPreviewedWith(options);
          setError(null);
        })
        .catch((err) => id === request.current && setError(asFailure(err)));
    }, 120);
    return () => clearTimeout(timer);
  }, [path, options]);

  const mapping: ColumnMapping = options.mapping ?? preview?.format.mapping ?? {};
  const shownAsOf = asOf ?? preview?.format.asOf ?? '';
  const clash = target === 'new' && portfolioNamed(portfolios, name) !== undefined;
  const bad = preview?.rows.filter((r) => r.kind === 'rejected').length ?? 0;
  const formatSummary = preview ? { format: preview.presets.find((p) => p.id === preview.format.preset)?.name ?? t('Generic CSV'), encoding: preview.format.encoding, line: preview.format.headerLine } : {};
  // A file the preview read whole and cannot read as mapped (its refusal shown below) would be
  // refused by the import too: Import waits for a mapping or a format that reads it. So does a
  // preview that failed for the options chosen: the rows on screen were read with others.
  const valid = preview !== null && error === null && !(preview.problem && preview.problemFinal) && (target !== 'new' || (name.trim().length > 0 && !clash));

  const submit = () => {
    if (!valid) return;
    const chosen: ImportOptions = { ...options, ...(userMapped ? { mapping } : {}) };
    const common = { options: chosen, rememberMapping: userMapped && remember, ...(asOf ? { asOf } : {}) };
    onConfirm(target === 'new' ? { kind: 'new', name: name.trim(), baseCurrency: currency, ...common } : { kind: 'existing', portfolioId: Number(target), ...common });
  };

  return (
    <Modal title={t('Import {{file}}', { file: fileName })} testId="new-portfolio-dialog" onClose={onCancel} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {/* Top-aligned: the date's hint below it made its label sit higher than the others. */}
        <div className="form-row top">
          {portfolios.length > 0 && (
            <label className="field">
              <span>{t('Import into')}</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="import-target">
                {portfolios.map((p) => (
                  <option key={p.id} value={p.id}>
                    {t('{{name}} (new snapshot)', { name: p.name })}
                  </option>
                ))}
                <option value="new">{t('New portfolio…')}</option>
              </select>
            </label>
          )}
          {target === 'new' && (
            <>
              <label className="field grow">
                <span>{t('Portfolio name')}</span>
                <input data-testid="new-portfolio-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus />
              </label>
              <label className="field">
                <span>{t('Base currency')}</span>
                <select value={currency} onChange={(e) => setCurrency(e.target.value)} data-testid="new-portfolio-currency">
                  {CURRENCIES.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </label>
            </>
          )}
          <label className="field">
            <span>{t('Holdings as of')}</span>
            <input
              type="date"
              data-testid="import-as-of"
              value={shownAsOf}
              onChange={(e) => setAsOf(e.target.value || null)}
              title={preview?.format.asOf ? t('Date read from the file') : t('The file states no date; today is used unless you pick one')}
            />
            {/* Said where it shows (the title only on hover): an empty date field read as a date still to give. */}
            {!shownAsOf && preview && error === null && (
              <span className="hint" data-testid="as-of-today">
                {t('Left empty: today, {{date}}', { date: formatDate(localDate()) })}
              </span>
            )}
          </label>
        </div>
        {clash && <p className="field-error">{t('A portfolio with this name exists; choose it above to add a snapshot.')}</p>}
        {shownAsOf && (asOf !== null || error === null) && isFutureDate(shownAsOf, new Date()) && (
          // Said before the import as after it (its check): a date typed a year or a decade ahead would make this snapshot the portfolio's figures until then.
          <p className="field-error" role="status" data-testid="as-of-future">
            {t("{{date}} is after today: this snapshot would stay the portfolio's latest, whose figures it shows, until a snapshot of a later date comes. Check the date.", { date: formatDate(shownAsOf) })}
          </p>
        )}

        {/* Open where there is something to choose: a figure that reads either way (the Decimal separator its line names), kept open once one is chosen. */}
        <details className="file-format" open={Boolean(preview?.problem) || bad > 0 || userMapped || Boolean(preview?.separator) || Boolean(preview?.savedDecimal) || options.decimal !== undefined}>
          <summary data-testid="file-format-summary">
            {preview ? (preview.savedMapping ? t('{{format}} · {{encoding}} · header on line {{line}} · your saved column mapping', formatSummary) : t('{{format}} · {{encoding}} · header on line {{line}}', formatSummary)) : t('Reading the file…')}
          </summary>
          <div className="form-row">
            <label className="field">
              <span>{t('Encoding')}</span>
              <select
                data-testid="import-encoding"
                value={options.encoding ?? preview?.format.encoding ?? ''}
                onChange={(e) => setOptions((o) => ({ ...o, encoding: e.target.value as ImportOptions['encoding'] }))}
              >
                {ENCODINGS.map((x) => (
                  <option key={x.id} value={x.id}>
                    {t(x.label)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('Delimiter')}</span>
              <select
                data-testid="import-delimiter"
                value={options.delimiter ?? preview?.format.delimiter ?? ','}
                onChange={(e) => setOptions((o) => ({ ...o, delimiter: e.target.value as ImportOptions['delimiter'] }))}
              >
                {DELIMITERS.map((x) => (
                  <option key={x.id} value={x.id}>
                    {t(x.label)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('Decimal separator')}</span>
              <select
                data-testid="import-decimal"
                // The separator saved with the column mapping shows as chosen; Automatic then reads
                // the figures instead ('auto': the saved one set aside, where it was applied unseen).
                value={options.decimal === 'auto' ? '' : (options.decimal ?? preview?.savedDecimal ?? '')}
                onChange={(e) => {
                  const decimal = e.target.value;
                  setOptions((o) => ({ ...o, decimal: decimal === '.' || decimal === ',' ? decimal : 'auto' }));
                }}
              >
                {DECIMALS.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.id === '' ? t(automaticLabel((options.decimal === 'auto' || (options.decimal === undefined && !preview?.savedDecimal)) && previewedWith === options ? preview?.decimalRead : null)) : t(x.label)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {preview && (
            <MappingEditor
              headers={preview.format.headers}
              mapping={mapping}
              onChange={(m) => {
                setUserMapped(true);
                // A mapping of one's own replaces the saved one: the decimal separator saved with it stays chosen.
                const kept = preview.savedDecimal ?? null;
                setOptions((o) => ({ ...o, mapping: m, ...(o.decimal === undefined && kept ? { decimal: kept } : {}) }));
              }}
            />
          )}
          {userMapped && (
            <label className="checkbox">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} data-testid="remember-mapping" />
              {t('Remember these columns for files with the same header row')}
            </label>
          )}
        </details>

        {error && (
          <p className="field-error" role="alert">
            {importErrorWords(t, error)}
          </p>
        )}
        {/* The last preview's problem, unless the choice since could not be read at all (its error above). */}
        {preview?.problem && error === null && (
          <p className="field-error" role="alert">
            {preview.problemSaid ? t(preview.problemSaid.text, preview.problemSaid.params) : preview.problem}
          </p>
        )}
        {/* The first rows of the last preview that read, unless the choice since could not be read (its error above). */}
        {preview && error === null && (
          <>
            <p className="muted small" data-testid="preview-summary">
              {bad > 0
                ? t('First rows as ThemeLens reads them: {{bad}} of {{rows}} cannot be read yet (hover a red cell to see why; map a column or fix the file).', { bad, rows: preview.rows.length })
                : t('First rows as ThemeLens reads them.')}
            </p>
            <SeparatorLine preview={preview} />
            <PreviewTable preview={preview} />
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('Cancel')}
          </button>
          <button type="submit" className="primary" data-testid="new-portfolio-confirm" disabled={!valid}>
            {t('Import')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
