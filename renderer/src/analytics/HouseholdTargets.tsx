import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExposureTheme } from '../../../shared/exposure/model';
import { api } from '../api';
import { percentToBp } from '../tagging/TagEditor';

/** Percent text ("25", "12.5%") as basis points, as the tag editor reads it; null unless 0..100. */
const percentBp = (text: string): number | null => {
  const bp = percentToBp(text);
  return bp !== null && bp <= 10_000 ? bp : null;
};

/** A fraction as the percent a user types: 0.3 -> "30", 0.125 -> "12.5" (no float tail). */
const percentText = (fraction: number): string => String(Number((fraction * 100).toFixed(2)));

/** Sets or removes one theme's target share (and band) for a client; the view shows the drift. */
export function HouseholdTargets({ client, themes, onSaved, onError }: { client: string; themes: readonly ExposureTheme[]; onSaved: (text: string) => void; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [themeId, setThemeId] = useState(themes[0]?.id ?? '');
  // What the user typed for a theme; otherwise its target as set (to change it, not type it
  // again from a grey hint), or nothing and a band of 5 points.
  const [draft, setDraft] = useState<{ themeId: string; share: string; band: string } | null>(null);
  // What was typed stays until the figures come back with it (a save, or a removal): in between the
  // fields would show the target before the change, and a second save would write it again.
  useEffect(() => setDraft(null), [themes]);
  const current = themes.find((th) => th.id === themeId);
  const set = current?.target ? { share: percentText(current.target.share), band: percentText(current.target.band) } : { share: '', band: '5' };
  const { share, band } = draft?.themeId === themeId ? draft : set;
  const edit = (change: Partial<{ share: string; band: string }>) => setDraft({ themeId, share, band, ...change });
  const shareBp = percentBp(share);
  const bandBp = percentBp(band);
  const save = async () => {
    if (shareBp === null || bandBp === null) return;
    try {
      await api().setClientTarget({ client, themeId, shareBp, bandBp });
      onSaved(t('Target for {{theme}}: {{share}}% ± {{band}} points for {{client}}.', { theme: current?.name ?? themeId, share: shareBp / 100, band: bandBp / 100, client }));
    } catch (err) {
      onError(err);
    }
  };
  const remove = async () => {
    try {
      await api().removeClientTarget({ client, themeId });
      onSaved(t('Removed the target for {{theme}}.', { theme: current?.name ?? themeId }));
      setDraft({ themeId, share: '', band: '5' });
    } catch (err) {
      onError(err);
    }
  };
  return (
    <form
      className="target-form"
      data-testid="household-target-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('Target mix of {{client}}', { client })}</h3>
      <label>
        {t('Theme')}{' '}
        <select value={themeId} onChange={(e) => setThemeId(e.target.value)} data-testid="household-target-theme">
          {themes.map((th) => (
            <option key={th.id} value={th.id}>
              {th.parentId ? '— ' : ''}
              {th.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('Target %')}{' '}
        <input inputMode="decimal" size={6} value={share} placeholder="25" onChange={(e) => edit({ share: e.target.value })} data-testid="household-target-share" aria-invalid={share !== '' && shareBp === null} />
      </label>{' '}
      <label>
        {t('Band ± points')}{' '}
        <input inputMode="decimal" size={4} value={band} onChange={(e) => edit({ band: e.target.value })} data-testid="household-target-band" aria-invalid={bandBp === null} />
      </label>{' '}
      <button type="submit" className="small" disabled={shareBp === null || bandBp === null} data-testid="household-target-save">
        {t('Set target')}
      </button>{' '}
      {current?.target && (
        <button type="button" className="small" onClick={() => void remove()} data-testid="household-target-remove">
          {t('Remove')}
        </button>
      )}
      {share !== '' && shareBp === null && <p className="warn small">{t('Write the target as a percent from 0 to 100, e.g. 25 or 12.5.')}</p>}
    </form>
  );
}
