import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleConflict, TagRule } from '../../../shared/api/contract';
import type { Theme } from '../../../shared/domain/types';
import { RULE_KINDS, type RuleKind } from '../../../shared/tags/rule-match';
import { api } from '../api';
import { useLoadedList } from '../ui/useLoadedList';
import { formatCount, formatWeight } from '../format';
import { msg } from '../i18n';
import { percentToBp } from './TagEditor';
import type { RecordTagStep } from './ThemesDialog';

const KIND_LABEL: Record<RuleKind, string> = {
  symbols: msg('Symbols (list)'),
  description: msg('Description contains / matches'),
  'security-type': msg('Security type is'),
  'isin-prefix': msg('ISIN starts with (country)'),
  account: msg('Account is'),
};

/** Tagging rules: previewed as you type ("would tag 14 positions"), applied on import and on demand. */
export function RulesPanel({ themes, onChanged, record }: { themes: Theme[]; onChanged: () => void; record: RecordTagStep }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RuleKind>('description');
  const [pattern, setPattern] = useState('');
  const [themeId, setThemeId] = useState(themes[0]?.id ?? '');
  const [weight, setWeight] = useState('100');
  const [priority, setPriority] = useState('0');
  const [preview, setPreview] = useState<{ positions: number; symbols: string[]; conflicts: RuleConflict[] } | null>(null);
  const load = useCallback(() => api().listRules({}), []);
  const { items: rules, message, run } = useLoadedList<TagRule>(load, onChanged);
  const bp = percentToBp(weight);
  const rule = { kind, pattern, themeId, weightBp: bp ?? 0, priority: Number(priority) || 0 };
  useEffect(() => {
    if (!pattern.trim() || bp === null) return setPreview(null);
    const spec = { kind, pattern, themeId, weightBp: bp, priority: Number(priority) || 0 };
    // A preview that answers after the rule changed (or was saved, and the pattern cleared) is dropped.
    let live = true;
    const timer = setTimeout(
      () =>
        void api()
          .previewRule(spec)
          .then((p) => live && setPreview(p))
          .catch(() => live && setPreview(null)),
      150,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [kind, pattern, themeId, bp, priority]);
  /** "EQIX data-centers, DLR data-centers" (the first three pairs), then how many more. */
  const pairsOf = (conflicts: readonly RuleConflict[]): string => {
    const named = conflicts.slice(0, 3).map((c) => `${c.symbolKey} ${themes.find((th) => th.id === c.themeId)?.name ?? c.themeId}`).join(', ');
    return conflicts.length > 3 ? t('{{named}} and {{n}} more', { named, n: formatCount(conflicts.length - 3) }) : named;
  };
  /** "Would tag 2 positions: EQIX, DLR" (the first ten symbols). */
  const wouldTag = (positions: number, symbols: string[]): string => {
    const list = `${symbols.slice(0, 10).join(', ')}${symbols.length > 10 ? ', …' : ''}`;
    const n = formatCount(positions);
    if (positions === 1) return symbols.length ? t('Would tag 1 position: {{symbols}}', { symbols: list }) : t('Would tag 1 position');
    return symbols.length ? t('Would tag {{n}} positions: {{symbols}}', { n, symbols: list }) : t('Would tag {{n}} positions', { n });
  };
  return (
    <div data-testid="rules-panel">
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (preview)
            void run(async () => {
              await api().createRule(rule);
              setPattern('');
              return t('Rule saved. It tags new imports; "Apply rules now" tags what you hold.');
            });
        }}
      >
        <label className="field">
          <span>{t('When', { context: 'rule' })}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as RuleKind)} data-testid="rule-kind">
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t('Pattern')}</span>
          <input value={pattern} onChange={(e) => setPattern(e.target.value)} placeholder={kind === 'symbols' ? 'EQIX, DLR' : kind === 'isin-prefix' ? 'JP' : '*REALTY*'} data-testid="rule-pattern" />
        </label>
        <label className="field">
          <span>{t('Theme')}</span>
          <select value={themeId} onChange={(e) => setThemeId(e.target.value)} data-testid="rule-theme">
            {themes.map((th) => (
              <option key={th.id} value={th.id}>
                {th.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('Weight %')}</span>
          <input value={weight} onChange={(e) => setWeight(e.target.value)} size={5} />
        </label>
        <label className="field">
          <span>{t('Priority')}</span>
          <input value={priority} onChange={(e) => setPriority(e.target.value)} size={4} />
        </label>
        <button type="submit" className="primary small" disabled={!preview} data-testid="rule-save">
          {t('Save rule')}
        </button>
      </form>
      <p className="muted small" data-testid="rule-preview">
        {preview ? wouldTag(preview.positions, preview.symbols) : t('Type a pattern to see what it would tag. Rules never change a tag you set by hand.')}
      </p>
      {/* A tie with a saved rule is never decided quietly (db/repos/rules.ts): said before the rule is saved. */}
      {preview && preview.conflicts.length > 0 && (
        <p className="warn small" role="status" data-testid="rule-conflicts">
          {t('A saved rule of the same priority gives {{pairs}} another weight: the rules would leave those as they are. Choose another priority, or the same weight.', { pairs: pairsOf(preview.conflicts) })}
        </p>
      )}
      {message && <p className="small">{message}</p>}
      <div className="issues">
        <table>
          <thead>
            <tr>
              <th>{t('When', { context: 'rule' })}</th>
              <th>{t('Pattern')}</th>
              <th>{t('Theme')}</th>
              <th className="num">{t('Weight')}</th>
              <th className="num">{t('Priority')}</th>
              <th><span className="visually-hidden">{t('Actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>{t(KIND_LABEL[r.kind])}</td>
                <td>
                  <code>{r.pattern}</code>
                </td>
                <td>{themes.find((th) => th.id === r.themeId)?.name ?? r.themeId}</td>
                <td className="num">{formatWeight(r.weightBp / 10000)}</td>
                <td className="num">{r.priority}</td>
                <td>
                  <button type="button" className="small" onClick={() => void run(async () => void (await api().deleteRule({ id: r.id })))} aria-label={t('Delete rule {{id}}', { id: r.id })}>
                    {t('Delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="small" disabled={rules.length === 0} data-testid="apply-rules" onClick={() => void run(async () => {
          const r = await record(t('Apply rules'), () => api().applyRules({}));
          const values = { n: formatCount(r.tagged), skipped: formatCount(r.skipped.length) };
          const tagged =
            r.tagged === 1
              ? r.skipped.length ? t('Tagged 1 holding/theme pair; {{skipped}} left out to stay within 100%.', values) : t('Tagged 1 holding/theme pair.', values)
              : r.skipped.length ? t('Tagged {{n}} holding/theme pairs; {{skipped}} left out to stay within 100%.', values) : t('Tagged {{n}} holding/theme pairs.', values);
          // Pairs that rules of one priority disagree on were left as they are: said, never decided quietly.
          if (r.conflicts.length === 0) return tagged;
          return `${tagged} ${t('Left as they are, since rules of the same priority give them different weights: {{pairs}}. Give the rule that should win a higher priority.', { pairs: pairsOf(r.conflicts) })}`;
        })}>
          {t('Apply rules now')}
        </button>
      </div>
    </div>
  );
}
