import type { SnapshotSecurity } from '../../../shared/api/contract';

/** What a holding's symbol is, as its tooltip says it: name, ISIN, market, and how it was identified. */
export function securityTitle(s: SnapshotSecurity | undefined): string {
  if (!s) return '';
  const parts = [s.name, s.isin ? `ISIN ${s.isin}` : '', s.market ? (s.market === 'US' ? 'US listing' : `listed on ${s.market}`) : ''].filter(Boolean);
  const how =
    s.method === 'review'
      ? `Needs review: ${s.detail}`
      : s.method === 'identifier'
        ? `identified by ${s.detail}`
        : s.method === 'ticker'
          ? `identified by ${s.detail}`
          : 'not in the security master: tagged by its own symbol';
  const link = s.linkReason && s.canonicalKey !== s.key ? `takes the tags of ${s.canonicalKey} (${s.linkReason === 'listing' ? 'another listing of the same company' : s.linkReason === 'user' ? 'linked by you' : 'the same security'})` : '';
  return [...parts, how, link].filter(Boolean).join(' · ');
}
