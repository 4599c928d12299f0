import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../shared/domain/types';
import { formatWeight } from '../format';
import { msg } from '../i18n';
import { TagEditor } from '../tagging/TagEditor';
import { refusedWhenReadOnly, useReadOnly } from '../ui/read-only';
import { isFullyTagged, type PositionLine } from './position-lines';

/** What the positions table shows for a tag that was not set by hand (translated where shown). */
const SOURCE_LABELS: Record<string, string> = {
  rule: msg('rule'),
  suggestion: msg('suggestion'),
  imported: msg('imported'),
  'look-through': msg('via holdings'),
  linked: msg('same security'),
};

interface Props {
  position: PositionLine;
  themes: Theme[];
  themeById: Map<string, Theme>;
  /** The tag editor is open on this row. */
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSave: (themeId: string, weightBp: number, note: { rationale?: string; sourceUrl?: string }) => Promise<void>;
  onLinked: () => void;
  onRemove: (themeId: string) => void;
}

/** A position's Themes cell: its tags as chips (each removable) and the button that opens the tag editor, or the editor itself. */
export function PositionThemes({ position, themes, themeById, editing, onEdit, onCancel, onSave, onLinked, onRemove }: Props) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  return editing ? (
    <TagEditor
      symbolKey={position.symbolKey}
      current={position.themes}
      themes={themes}
      onCancel={onCancel}
      onSave={onSave}
      onLinked={onLinked}
    />
  ) : (
    <div className="chips">
      {position.themes.map((tag) => {
        const theme = themeById.get(tag.id);
        // Where the tag came from, unless the user set it; a source without a label (none today) shows its code.
        const source = tag.source && tag.source !== 'manual' ? (SOURCE_LABELS[tag.source] ? t(SOURCE_LABELS[tag.source] as string) : tag.source) : null;
        return (
          <span key={tag.id} className={source !== null ? 'chip chip-sourced' : 'chip'} title={[`${theme?.name ?? tag.id} ${formatWeight(tag.weight)}`, theme?.description].filter(Boolean).join('\n')}>
            <span className="swatch" style={{ background: theme?.color ?? '#9ca3af' }} />
            {/* One line per chip, so a row stays one or two lines tall: a long theme name is cut with an
                ellipsis (whole in the chip's tooltip and to a screen reader), its weight and × always in view. */}
            <span className="chip-label">
              <span className="chip-name">{theme?.name ?? tag.id}</span> {formatWeight(tag.weight)}
            </span>
            {source !== null && <span className="chip-source">{source}</span>}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('Remove {{theme}} from {{symbol}}', { theme: theme?.name ?? tag.id, symbol: position.symbolKey })}
              {...refusedWhenReadOnly(readOnly)}
              onClick={() => onRemove(tag.id)}
            >
              ×
            </button>
          </span>
        );
      })}
      {/* Fully tagged positions keep the button: the editor also changes an existing weight. Beside a
          tag it is a sign (+, or ✎ when fully tagged), named for screen readers and in its tooltip,
          so a tag and the button share one line and the row stays one line tall. */}
      {!position.isCash && (
        <button
          type="button"
          className={position.themes.length > 0 ? 'small ghost tag-sign' : 'small ghost'}
          data-testid={`tag-button-${position.symbolKey}`}
          onClick={onEdit}
          aria-label={isFullyTagged(position) ? t('Edit the tags of {{symbol}}', { symbol: position.symbolKey }) : t('Tag {{symbol}}', { symbol: position.symbolKey })}
          {...refusedWhenReadOnly(readOnly, isFullyTagged(position) ? t('Fully tagged: pick one of its themes to change its weight') : t('Tag with a theme (Enter)'))}
        >
          {position.themes.length === 0 ? t('+ Tag') : isFullyTagged(position) ? '✎' : '+'}
        </button>
      )}
    </div>
  );
}
