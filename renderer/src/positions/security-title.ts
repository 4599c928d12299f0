import type { SnapshotSecurity } from '../../../shared/api/contract';
import { OR, wordingOf } from '../../../shared/securities/resolve-text';
import { t } from '../i18n';

/**
 * How a holding was identified, or why it waits in Needs review, as the backend stored it in
 * English, in the interface's language (shared/securities/resolve-text.ts); a text of no template
 * (an identifier alone) as it is.
 */
export function resolutionWords(stored: string): string {
  const found = wordingOf(stored);
  if (!found) return stored;
  const { candidates } = found.params;
  return t(found.text, candidates === undefined ? found.params : { ...found.params, candidates: candidates.split(OR).join(t(OR)) });
}

/** What a position's symbol is, as its tooltip says it: name, ISIN, market, and how it was identified. */
export function securityTitle(s: SnapshotSecurity | undefined): string {
  if (!s) return '';
  const parts = [s.name, s.isin ? `ISIN ${s.isin}` : '', s.market ? (s.market === 'US' ? t('US listing') : t('listed on {{market}}', { market: s.market })) : ''].filter(Boolean);
  const how =
    s.method === 'review'
      ? t('Needs review: {{detail}}', { detail: resolutionWords(s.detail) })
      : s.method === 'identifier' || s.method === 'ticker'
        ? t('identified by {{detail}}', { detail: resolutionWords(s.detail) })
        : t('not in the security master: tagged by its own symbol');
  const link = s.linkReason && s.canonicalKey !== s.key ? t('takes the tags of {{key}} ({{reason}})', { key: s.canonicalKey, reason: s.linkReason === 'listing' ? t('another listing of the same company') : s.linkReason === 'user' ? t('linked by you') : t('the same security') }) : '';
  return [...parts, how, link].filter(Boolean).join(' · ');
}
