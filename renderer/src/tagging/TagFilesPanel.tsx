import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagImportPreview } from '../../../shared/api/contract';
import { TAG_FILE_TEXT } from '../../../shared/tags/tag-file-text';
import { api } from '../api';
import { formatCount, formatWeight } from '../format';
import { currentLanguage, msg } from '../i18n';
import { saidWords } from '../said-words';
import type { RecordTagStep } from './ThemesDialog';
import type { Theme } from '../../../shared/domain/types';
import { errorWords } from '../failure-words';
import { useReadOnly } from '../ui/read-only';

/** What a line of the file does, as the preview shows it. */
const STATUS: Record<TagImportPreview['rows'][number]['status'], string> = { new: msg('new'), same: msg('same'), changed: msg('changed'), conflict: msg('conflict') };

/** A fault of the whole file, not of a row: the preview lists it, and counts no row for it. */
const WHOLE_FILE: ReadonlySet<string> = new Set([TAG_FILE_TEXT.badHeader, TAG_FILE_TEXT.notJson, TAG_FILE_TEXT.notTagsFile]);

/** Share themes and tags with colleagues: export as JSON or CSV; import with a preview of what changes. */
export function TagFilesPanel({ themes, onChanged, record }: { themes: readonly Theme[]; onChanged: () => void; record: RecordTagStep }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<{ path: string; preview: TagImportPreview } | null>(null);
  // Read-only: exporting still works; importing is greyed with the reason (no file chosen and previewed for nothing).
  const readOnly = useReadOnly();
  const exportAs = async (format: 'json' | 'csv') => {
    const target = await api().chooseExportPath({ format, suggestedName: `themelens-tags.${format}` });
    if (!target) return;
    try {
      await api().exportTags({ path: target.path, format });
      setMessage(t('Saved {{path}}', { path: target.path }));
    } catch (err) {
      setMessage(errorWords(err));
    }
  };
  const pick = async () => {
    const file = await api().chooseImportFile({});
    if (!file) return;
    try {
      setPending({ path: file.path, preview: await api().previewTagImport({ path: file.path }) });
      setMessage(null);
    } catch (err) {
      setMessage(errorWords(err));
    }
  };
  const confirm = async () => {
    if (!pending) return;
    try {
      const r = await record(t('Import tags from {{file}}', { file: pending.preview.file }), () => api().importTags({ path: pending.path }));
      setMessage(t('Imported tags from {{file}}: {{added}} new, {{changed}} changed.', { added: formatCount(r.counts.new), changed: formatCount(r.counts.changed), file: r.file }));
      setPending(null);
      onChanged();
    } catch (err) {
      setMessage(errorWords(err));
    }
  };
  const p = pending?.preview;
  const w = (bp: number | null) => (bp === null ? '—' : formatWeight(bp / 10000));
  const blocked = p ? p.counts.conflict > 0 || p.errors.length > 0 : true;
  // A theme by its name, in the Theme column and in the sentences ("tagged data-centers by hand" read
  // as an id); a theme the file adds is named by its id until then.
  const themeName = (id: string) => themes.find((th) => th.id === id)?.name ?? id;
  const named = (params: Record<string, string>) => (params['theme'] !== undefined ? { ...params, theme: themeName(params['theme']) } : params);
  // Rows the file has that cannot be read; not a fault of the whole file (not JSON, no header), said on its own.
  const rowErrors = p ? p.errors.filter((e) => !WHOLE_FILE.has(e.text ?? '')).length : 0;
  return (
    <div data-testid="share-panel">
      <div className="form-row">
        <button type="button" className="small" onClick={() => void exportAs('json')} data-testid="export-tags-json">
          {t('Export themes and tags (JSON)…')}
        </button>
        <button type="button" className="small" onClick={() => void exportAs('csv')} data-testid="export-tags-csv">
          {t('Export tags (CSV)…')}
        </button>
        <span className="spacer" />
        <button type="button" className="small primary" disabled={readOnly !== null} title={readOnly?.message} onClick={() => void pick()} data-testid="import-tags">
          {t('Import tags…')}
        </button>
      </div>
      {message && <p className="small">{message}</p>}
      {p && (
        <>
          <p data-testid="tag-import-summary">
            {p.newThemes.length
              ? t('{{file}}: {{added}} new, {{changed}} changed, {{same}} unchanged, {{conflicts}} in conflict; new themes: {{themes}}. Nothing is written until you import.', { file: p.file, added: p.counts.new, changed: p.counts.changed, same: p.counts.same, conflicts: p.counts.conflict, themes: p.newThemes.join(', ') })
              : t('{{file}}: {{added}} new, {{changed}} changed, {{same}} unchanged, {{conflicts}} in conflict. Nothing is written until you import.', { file: p.file, added: p.counts.new, changed: p.counts.changed, same: p.counts.same, conflicts: p.counts.conflict })}
            {/* Rows that cannot be read are counted too (the counts above leave them out); Japanese puts no space between sentences. */}
            {rowErrors > 0 && `${currentLanguage() === 'ja' ? '' : ' '}${rowErrors === 1 ? t('1 row cannot be read.') : t('{{n}} rows cannot be read.', { n: formatCount(rowErrors) })}`}
          </p>
          <div className="issues">
            <table>
              <thead>
                <tr>
                  <th className="num">{t('Line')}</th>
                  <th>{t('Symbol')}</th>
                  <th>{t('Theme')}</th>
                  <th className="num">{t('Now')}</th>
                  <th className="num">{t('After')}</th>
                  <th>{t('What happens')}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows
                  .filter((r) => r.status !== 'same')
                  .map((r) => (
                    <tr key={`${r.line}-${r.symbolKey}-${r.themeId}`} className={r.status === 'conflict' ? 'cell-bad' : undefined}>
                      <td className="num">{r.line}</td>
                      <td>{r.symbolKey}</td>
                      <td>{themeName(r.themeId)}</td>
                      <td className="num">{w(r.oldWeightBp)}</td>
                      <td className="num">{w(r.newWeightBp)}</td>
                      {/* i18n-ignore: the key is a STATUS label, each written with msg() above */}
                      <td>{r.message !== null ? saidWords(t, { ...r, message: r.message, ...(r.params ? { params: named(r.params) } : {}) }) : t(STATUS[r.status])}</td>
                    </tr>
                  ))}
                {p.errors.map((e) => (
                  <tr key={`e${e.line}`} className="cell-bad">
                    <td className="num">{e.line}</td>
                    {/* The reason under "What happens", as a conflict's is: across the row it read as the symbol. */}
                    <td colSpan={4} />
                    <td>{saidWords(t, e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* Said where it shows, not only in the greyed button's title. */}
          {blocked && (
            <p className="field-error" data-testid="tag-import-blocked">
              {t('Nothing is imported while a row is in conflict or cannot be read: change those tags by hand or fix the file, then choose it again.')}
            </p>
          )}
          <div className="actions">
            <button type="button" className="small" onClick={() => setPending(null)}>
              {t('Cancel')}
            </button>
            <button type="button" className="small primary" disabled={blocked || readOnly !== null} onClick={() => void confirm()} data-testid="confirm-tag-import" title={readOnly?.message ?? (blocked ? t('Resolve the conflicts in the file first') : undefined)}>
              {t('Import')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
