import { useCallback, useEffect, useState } from 'react';
import type { TagRule } from '../../../shared/api/contract';
import type { Theme } from '../../../shared/domain/types';
import { RULE_KINDS, type RuleKind } from '../../../shared/tags/rule-match';
import { api } from '../api';
import { useLoadedList } from '../hooks/useLoadedList';
import { formatWeight } from '../format';
import { percentToBp } from './TagEditor';
import type { RecordTagStep } from './ThemesDialog';

const KIND_LABEL: Record<RuleKind, string> = {
  symbols: 'Symbols (list)',
  description: 'Description contains / matches',
  'security-type': 'Security type is',
  'isin-prefix': 'ISIN starts with (country)',
  account: 'Account is',
};

/** Tagging rules: previewed as you type ("would tag 14 positions"), applied on import and on demand. */
export function RulesPanel({ themes, onChanged, record }: { themes: Theme[]; onChanged: () => void; record: RecordTagStep }) {
  const [kind, setKind] = useState<RuleKind>('description');
  const [pattern, setPattern] = useState('');
  const [themeId, setThemeId] = useState(themes[0]?.id ?? '');
  const [weight, setWeight] = useState('100');
  const [priority, setPriority] = useState('0');
  const [preview, setPreview] = useState<{ positions: number; symbols: string[] } | null>(null);
  const load = useCallback(() => api().listRules({}), []);
  const { items: rules, message, run } = useLoadedList<TagRule>(load, onChanged);
  const bp = percentToBp(weight);
  const rule = { kind, pattern, themeId, weightBp: bp ?? 0, priority: Number(priority) || 0 };
  useEffect(() => {
    if (!pattern.trim() || bp === null) return setPreview(null);
    const spec = { kind, pattern, themeId, weightBp: bp, priority: Number(priority) || 0 };
    const t = setTimeout(() => void api().previewRule(spec).then(setPreview).catch(() => setPreview(null)), 150);
    return () => clearTimeout(t);
  }, [kind, pattern, themeId, bp, priority]);
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
              return 'Rule saved. It tags new imports; "Apply rules now" tags what you hold.';
            });
        }}
      >
        <label className="field">
          <span>When</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as RuleKind)} data-testid="rule-kind">
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Pattern</span>
          <input value={pattern} onChange={(e) => setPattern(e.target.value)} placeholder={kind === 'symbols' ? 'EQIX, DLR' : kind === 'isin-prefix' ? 'JP' : '*REALTY*'} data-testid="rule-pattern" />
        </label>
        <label className="field">
          <span>Theme</span>
          <select value={themeId} onChange={(e) => setThemeId(e.target.value)} data-testid="rule-theme">
            {themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Weight %</span>
          <input value={weight} onChange={(e) => setWeight(e.target.value)} size={5} />
        </label>
        <label className="field">
          <span>Priority</span>
          <input value={priority} onChange={(e) => setPriority(e.target.value)} size={4} />
        </label>
        <button type="submit" className="primary small" disabled={!preview} data-testid="rule-save">
          Save rule
        </button>
      </form>
      <p className="muted small" data-testid="rule-preview">
        {preview ? `Would tag ${preview.positions} position${preview.positions === 1 ? '' : 's'}${preview.symbols.length ? `: ${preview.symbols.slice(0, 10).join(', ')}${preview.symbols.length > 10 ? ', …' : ''}` : ''}` : 'Type a pattern to see what it would tag. Rules never change a tag you set by hand.'}
      </p>
      {message && <p className="small">{message}</p>}
      <div className="issues">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Pattern</th>
              <th>Theme</th>
              <th className="num">Weight</th>
              <th className="num">Priority</th>
              <th><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>{KIND_LABEL[r.kind]}</td>
                <td>
                  <code>{r.pattern}</code>
                </td>
                <td>{themes.find((t) => t.id === r.themeId)?.name ?? r.themeId}</td>
                <td className="num">{formatWeight(r.weightBp / 10000)}</td>
                <td className="num">{r.priority}</td>
                <td>
                  <button type="button" className="small" onClick={() => void run(async () => void (await api().deleteRule({ id: r.id })))} aria-label={`Delete rule ${r.id}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="small" disabled={rules.length === 0} data-testid="apply-rules" onClick={() => void run(async () => {
          const r = await record('Apply rules', () => api().applyRules({}));
          return `Tagged ${r.tagged} holding/theme pair(s)${r.skipped.length ? `; ${r.skipped.length} left out to stay within 100%` : ''}.`;
        })}>
          Apply rules now
        </button>
      </div>
    </div>
  );
}
