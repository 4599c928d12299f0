import { useState } from 'react';
import type { TagImportPreview } from '../../../shared/api/contract';
import { api, asFailure } from '../api';
import { formatWeight } from '../format';
import type { RecordTagStep } from './ThemesDialog';

/** Share themes and tags with colleagues: export as JSON or CSV; import with a preview of what changes. */
export function SharePanel({ onChanged, record }: { onChanged: () => void; record: RecordTagStep }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<{ path: string; preview: TagImportPreview } | null>(null);
  const exportAs = async (format: 'json' | 'csv') => {
    const target = await api().chooseExportPath({ format, suggestedName: `themelens-tags.${format}` });
    if (!target) return;
    try {
      await api().exportTags({ path: target.path, format });
      setMessage(`Saved ${target.path}`);
    } catch (err) {
      setMessage(asFailure(err).message);
    }
  };
  const pick = async () => {
    const file = await api().chooseImportFile({});
    if (!file) return;
    try {
      setPending({ path: file.path, preview: await api().previewTagImport({ path: file.path }) });
      setMessage(null);
    } catch (err) {
      setMessage(asFailure(err).message);
    }
  };
  const confirm = async () => {
    if (!pending) return;
    try {
      const r = await record(`Import tags from ${pending.preview.file}`, () => api().importTags({ path: pending.path }));
      setMessage(`Imported ${r.counts.new} new and ${r.counts.changed} changed tag(s) from ${r.file}.`);
      setPending(null);
      onChanged();
    } catch (err) {
      setMessage(asFailure(err).message);
    }
  };
  const p = pending?.preview;
  const w = (bp: number | null) => (bp === null ? '—' : formatWeight(bp / 10000));
  const blocked = p ? p.counts.conflict > 0 || p.errors.length > 0 : true;
  return (
    <div data-testid="share-panel">
      <div className="form-row">
        <button type="button" className="small" onClick={() => void exportAs('json')} data-testid="export-tags-json">
          Export themes and tags (JSON)…
        </button>
        <button type="button" className="small" onClick={() => void exportAs('csv')} data-testid="export-tags-csv">
          Export tags (CSV)…
        </button>
        <span className="spacer" />
        <button type="button" className="small primary" onClick={() => void pick()} data-testid="import-tags">
          Import tags…
        </button>
      </div>
      {message && <p className="small">{message}</p>}
      {p && (
        <>
          <p data-testid="tag-import-summary">
            {p.file}: {p.counts.new} new, {p.counts.changed} changed, {p.counts.same} unchanged, {p.counts.conflict} conflict(s)
            {p.newThemes.length ? `; new themes: ${p.newThemes.join(', ')}` : ''}. Nothing is written until you import.
          </p>
          <div className="issues">
            <table>
              <thead>
                <tr>
                  <th className="num">Line</th>
                  <th>Symbol</th>
                  <th>Theme</th>
                  <th className="num">Now</th>
                  <th className="num">After</th>
                  <th>What happens</th>
                </tr>
              </thead>
              <tbody>
                {p.rows
                  .filter((r) => r.status !== 'same')
                  .map((r) => (
                    <tr key={`${r.line}-${r.symbolKey}-${r.themeId}`} className={r.status === 'conflict' ? 'cell-bad' : undefined}>
                      <td className="num">{r.line}</td>
                      <td>{r.symbolKey}</td>
                      <td>{r.themeId}</td>
                      <td className="num">{w(r.oldWeightBp)}</td>
                      <td className="num">{w(r.newWeightBp)}</td>
                      <td>{r.message ?? r.status}</td>
                    </tr>
                  ))}
                {p.errors.map((e) => (
                  <tr key={`e${e.line}`} className="cell-bad">
                    <td className="num">{e.line}</td>
                    <td colSpan={5}>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" className="small" onClick={() => setPending(null)}>
              Cancel
            </button>
            <button type="button" className="small primary" disabled={blocked} onClick={() => void confirm()} data-testid="confirm-tag-import" title={blocked ? 'Resolve the conflicts in the file first' : undefined}>
              Import
            </button>
          </div>
        </>
      )}
    </div>
  );
}
