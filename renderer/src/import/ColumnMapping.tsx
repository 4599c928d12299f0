import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/api/contract';
import { headerLabels } from '../../../shared/import/header';
import type { ColumnMapping as Mapping, PositionField } from '../../../shared/import/types';
import { msg } from '../i18n';
import { formatDecimalText } from '../format';
import { saidWords } from '../said-words';

/** The fields a user maps, in the order a person thinks of them, with their labels (keys: translated where shown). */
export const MAPPABLE_FIELDS: { field: PositionField; label: string }[] = [
  { field: 'symbol', label: msg('Symbol') },
  { field: 'isin', label: 'ISIN' }, // i18n-ignore: an identifier's name, the same in Japanese
  { field: 'description', label: msg('Description') },
  { field: 'quantity', label: msg('Quantity') },
  { field: 'price', label: msg('Price') },
  { field: 'value', label: msg('Market value') },
  { field: 'baseValue', label: msg('Value in base currency') },
  { field: 'fxRateToBase', label: msg('Rate to base currency') },
  { field: 'currency', label: msg('Currency') },
  { field: 'account', label: msg('Account') },
  { field: 'securityType', label: msg('Security type') },
  { field: 'cusip', label: 'CUSIP' }, // i18n-ignore: an identifier's name, the same in Japanese
  { field: 'conid', label: msg('IBKR contract id (conid)') },
];

/** Amounts of money: their readings show at least the cents, where their currency has cents. */
const MONEY_FIELDS: ReadonlySet<PositionField> = new Set<PositionField>(['value', 'baseValue', 'price']);

/** How many decimals an amount in `currency` shows (yen none); 2 where the row names none, or one Intl does not know. */
function centsOf(currency: string | null | undefined): number {
  if (!currency) return 2;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().minimumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * How a cell reads: a figure (the parser's reading of a number column) in the interface's locale,
 * an amount of money with its currency's cents; any other cell as the parser took it (trimmed).
 */
function readingOf(field: PositionField, parsed: string, row: readonly { field: PositionField | null; parsed: string | null }[]): string {
  if (MONEY_FIELDS.has(field)) return formatDecimalText(parsed, centsOf(row.find((x) => x.field === 'currency')?.parsed));
  return field === 'quantity' ? formatDecimalText(parsed) : parsed;
}

/**
 * A cell's reading under it, unless it reads just as the cell is written: "150" under a price of
 * 150 (its cents added, 150.00, would say nothing more), nor "1,234.50" under 1,234.50.
 */
function Reading({ text, reading, plain }: { text: string; reading: string; plain: string }) {
  const written = text.trim();
  return reading === written || plain === written ? null : <div className="parsed">{reading}</div>;
}
const KIND_LABEL = { position: msg('Position'), cash: msg('Cash'), total: msg('Total row (left out)'), rejected: msg('Cannot be read'), skipped: msg('Not a position (left out)') } as const;

/** What a row's notice asks the user to check (shared/import/normalise.ts, RowNotice). */
const NOTICE_TEXT = {
  sign: msg("Its value's sign is not that of quantity x price: check that the value column is the market value, not a gain or loss."),
  differs: msg("Its value is not quantity x price (nor a bond's, an option's or a fund's convention of it): check the cells and the columns mapped."),
  computed: msg('No value in the file: quantity x price is used, which is not the value of a bond, an option or a fund priced per 10,000 units; check it.'),
  subCent: msg('Its value has digits finer than a cent and is kept to the cent: if the cell is a whole amount written with a point for thousands (1.234 for 1,234), choose Comma as the decimal separator.'),
} as const;

const LABEL = new Map(MAPPABLE_FIELDS.map((f) => [f.field, f.label]));

/** A row with a cell that reads but is worth a look (shared/import/parse.ts, previewCells). */
const noted = (r: { cells: readonly { ok: boolean; message: string | null }[] }): boolean => r.cells.some((c) => c.ok && c.message !== null);

/** One select per field: which column of the file feeds it. */
export function MappingEditor({ headers, mapping, onChange }: { headers: string[]; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const { t } = useTranslation();
  // Two columns with one name are told apart as "Market Value" and "Market Value#2".
  const labels = headerLabels(headers);
  return (
    <div className="mapping-grid" data-testid="mapping-editor">
      {MAPPABLE_FIELDS.map(({ field, label }) => (
        <label key={field} className="mapping-field">
          <span>{t(label)}</span>
          <select
            data-testid={`map-${field}`}
            aria-label={t('Column for {{field}}', { field: t(label) })}
            value={mapping[field] ?? ''}
            onChange={(e) => {
              const next: Mapping = { ...mapping };
              if (e.target.value === '') delete next[field];
              else next[field] = e.target.value;
              onChange(next);
            }}
          >
            <option value="">{t('— not in this file —')}</option>
            {labels.map((h, i) => (
              <option key={`${h}-${i}`} value={h}>
                {h ? (h === headers[i]?.trim() ? h : t('{{header}} (column {{n}})', { header: h, n: i + 1 })) : t('(column {{n}}, no name)', { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

/** The first rows as the file has them, each mapped cell shown as read and flagged where it is not. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const headers = headerLabels(preview.format.headers);
  const fieldOf = new Map<string, PositionField>();
  for (const [field, header] of Object.entries(preview.format.mapping)) if (header !== undefined) fieldOf.set(header, field as PositionField);
  return (
    // Focusable, so a keyboard can scroll a preview wider or longer than the dialog (it holds nothing else to focus).
    <div className="preview-scroll" tabIndex={0} role="region" aria-label={t('Preview of the file')}>
      <table className="preview-table" data-testid="import-preview">
        <thead>
          <tr>
            <th className="num">{t('Line')}</th>
            {headers.map((h, i) => (
              <th key={i}>
                <div>{h}</div>
                <div className="mapped-as">{fieldOf.has(h) ? `→ ${t(LABEL.get(fieldOf.get(h) as PositionField) ?? '')}` : t('not used')}</div>
              </th>
            ))}
            <th>{t('Reads as')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.line} className={`preview-${r.kind}`}>
              <td className="num muted">{r.line}</td>
              {r.cells.map((c, i) => (
                <td key={i} className={c.ok ? (c.message !== null ? 'cell-warn' : undefined) : 'cell-bad'} title={c.message !== null ? t(c.message) : undefined} data-testid={c.ok ? (c.message !== null ? 'preview-warn-cell' : undefined) : 'preview-bad-cell'}>
                  <div>{c.text}</div>
                  {c.field && c.parsed !== null && <Reading text={c.text} reading={readingOf(c.field, c.parsed, r.cells)} plain={c.parsed} />}
                </td>
              ))}
              <td className={r.kind === 'rejected' ? 'cell-bad row-status' : 'row-status muted'}>
                {r.issue ? saidWords(t, r.issue) : t(KIND_LABEL[r.kind])}
                {(r.notice || noted(r)) && <span className="badge warn-badge">{t('Check')}</span>}
                {r.notice && (
                  <div className="small" data-testid="preview-note">
                    {t(NOTICE_TEXT[r.notice])}
                  </div>
                )}
                {/* A cell that reads but that the import will say something of (an ISIN whose check digit fails): said here, before the import. */}
                {noted(r) && (
                  <div className="small" data-testid="preview-note">
                    {r.cells
                      .filter((c) => c.ok && c.message !== null)
                      .map((c) => `${c.text.trim()}: ${t(c.message as string)}`)
                      .join(' ')}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
