import type { ImportPreview } from '../../../shared/api/contract';
import { headerLabels } from '../../../shared/import/header';
import type { ColumnMapping as Mapping, PositionField } from '../../../shared/import/types';

/** The fields a user maps, in the order a person thinks of them, with their labels. */
export const MAPPABLE_FIELDS: { field: PositionField; label: string }[] = [
  { field: 'symbol', label: 'Symbol' },
  { field: 'isin', label: 'ISIN' },
  { field: 'description', label: 'Description' },
  { field: 'quantity', label: 'Quantity' },
  { field: 'price', label: 'Price' },
  { field: 'value', label: 'Market value' },
  { field: 'baseValue', label: 'Value in base currency' },
  { field: 'fxRateToBase', label: 'Rate to base currency' },
  { field: 'currency', label: 'Currency' },
  { field: 'account', label: 'Account' },
  { field: 'securityType', label: 'Security type' },
  { field: 'cusip', label: 'CUSIP' },
  { field: 'conid', label: 'IBKR contract id (conid)' },
];

const KIND_LABEL = { position: 'Position', cash: 'Cash', total: 'Total row (left out)', rejected: 'Cannot be read', skipped: 'Not a position (left out)' } as const;

const LABEL = new Map(MAPPABLE_FIELDS.map((f) => [f.field, f.label]));

/** One select per field: which column of the file feeds it. */
export function MappingEditor({ headers, mapping, onChange }: { headers: string[]; mapping: Mapping; onChange: (m: Mapping) => void }) {
  // Two columns with one name are told apart as "Market Value" and "Market Value#2".
  const labels = headerLabels(headers);
  return (
    <div className="mapping-grid" data-testid="mapping-editor">
      {MAPPABLE_FIELDS.map(({ field, label }) => (
        <label key={field} className="mapping-field">
          <span>{label}</span>
          <select
            data-testid={`map-${field}`}
            aria-label={`Column for ${label}`}
            value={mapping[field] ?? ''}
            onChange={(e) => {
              const next: Mapping = { ...mapping };
              if (e.target.value === '') delete next[field];
              else next[field] = e.target.value;
              onChange(next);
            }}
          >
            <option value="">— not in this file —</option>
            {labels.map((h, i) => (
              <option key={`${h}-${i}`} value={h}>
                {h ? (h === headers[i]?.trim() ? h : `${h} (column ${i + 1})`) : `(column ${i + 1}, no name)`}
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
  const headers = headerLabels(preview.format.headers);
  const fieldOf = new Map<string, PositionField>();
  for (const [field, header] of Object.entries(preview.format.mapping)) if (header !== undefined) fieldOf.set(header, field as PositionField);
  return (
    <div className="preview-scroll">
      <table className="preview-table" data-testid="import-preview">
        <thead>
          <tr>
            <th className="num">Line</th>
            {headers.map((h, i) => (
              <th key={i}>
                <div>{h}</div>
                <div className="mapped-as">{fieldOf.has(h) ? `→ ${LABEL.get(fieldOf.get(h) as PositionField)}` : 'not used'}</div>
              </th>
            ))}
            <th>Reads as</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.line} className={`preview-${r.kind}`}>
              <td className="num muted">{r.line}</td>
              {r.cells.map((c, i) => (
                <td key={i} className={c.ok ? undefined : 'cell-bad'} title={c.message ?? undefined} data-testid={c.ok ? undefined : 'preview-bad-cell'}>
                  <div>{c.text}</div>
                  {c.field && c.parsed !== null && c.parsed !== c.text && <div className="parsed">{c.parsed}</div>}
                </td>
              ))}
              <td className={r.kind === 'rejected' ? 'cell-bad row-status' : 'row-status muted'}>{r.issue ? r.issue.message : KIND_LABEL[r.kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
