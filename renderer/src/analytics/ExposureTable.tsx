import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNTAGGED_COLOR } from '../../../shared/domain/default-themes';
import type { Exposure } from '../../../shared/exposure/model';
import { formatCount, formatMoney, formatShare } from '../format';
import { msg } from '../i18n';
import { summaryHtml, summaryLines, summaryTsv, type SummaryLine } from './exposure-summary';
import { TargetCell } from './TargetCell';

type Mode = 'net' | 'long-short';

/** Puts the table on the clipboard as rich text and as tab-separated text (spreadsheets take either). */
async function copyTable(lines: SummaryLine[], currency: string): Promise<void> {
  const locale = navigator.language || 'en-US';
  const tsv = summaryTsv(lines, currency, locale);
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
    const item = new ClipboardItem({ 'text/plain': new Blob([tsv], { type: 'text/plain' }), 'text/html': new Blob([summaryHtml(lines, currency, locale)], { type: 'text/html' }) });
    await navigator.clipboard.write([item]);
  } else {
    await navigator.clipboard.writeText(tsv);
  }
}

/**
 * The exposure summary: per theme its net value (or long, short and gross), share and positions;
 * Untagged; cash; total. "Copy table" copies every column whichever is shown.
 */
export function ExposureTable({ exposure }: { exposure: Exposure }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('net');
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const cur = exposure.baseCurrency;
  const lines = summaryLines(exposure, UNTAGGED_COLOR);
  const body = lines.filter((l) => l.kind === 'theme' || l.kind === 'sub-theme' || l.kind === 'untagged');
  const foot = lines.filter((l) => l.kind === 'cash' || l.kind === 'total');
  const money = (v: number | null) => (v === null ? '' : formatMoney(v, cur));
  // Targets (themelens targets set): a column only when the portfolio has any.
  const targets = new Map(exposure.themes.filter((th) => th.target).map((th) => [th.id, th.target!]));
  const targetCell = (key: string) => <TargetCell target={targets.get(key)} testId={`target-${key}`} />;
  const onCopy = () => {
    copyTable(lines, cur).then(
      () => setCopied('ok'),
      () => setCopied('failed'),
    );
  };
  const row = (l: SummaryLine) => (
    <tr key={l.key} data-testid={`exposure-row-${l.key}`} className={l.kind === 'theme' ? undefined : l.kind}>
      <td>
        {l.color && <span className="swatch" style={{ background: l.color }} />}
        {l.label}
      </td>
      {mode === 'net' ? (
        <td className="num">{money(l.net)}</td>
      ) : (
        <>
          <td className="num">{money(l.long)}</td>
          <td className="num">{money(l.short)}</td>
          <td className="num">{money(l.gross)}</td>
          <td className="num">{money(l.net)}</td>
        </>
      )}
      <td className="num">{formatShare(l.share)}</td>
      {targets.size > 0 && targetCell(l.key)}
      <td className="num">{(l.kind === 'theme' || l.kind === 'sub-theme') && l.positions !== null ? formatCount(l.positions) : ''}</td>
    </tr>
  );
  return (
    <div className="exposure-summary">
      <div className="table-tools">
        <div className="segmented" role="radiogroup" aria-label={t('Values shown')}>
          {(
            [
              ['net', msg('Net')],
              ['long-short', msg('Long · short · gross')],
            ] as const
          ).map(([m, label]) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? 'active' : undefined} data-testid={`exposure-mode-${m}`} onClick={() => setMode(m)}>
              {t(label)}
            </button>
          ))}
        </div>
        <span className="muted small" aria-live="polite" data-testid="exposure-copy-status">
          {copied === 'ok' ? t('Copied') : copied === 'failed' ? t('Could not copy') : ''}
        </span>
        <button type="button" className="small" data-testid="exposure-copy" onClick={onCopy} title={t('Copy the whole table (net, long, short, gross, share, positions)')}>
          {t('Copy table')}
        </button>
      </div>
      <table className={mode === 'net' ? 'exposure-table' : 'exposure-table dense'} data-testid="exposure-table">
        <thead>
          <tr>
            <th>{t('Theme')}</th>
            {mode === 'net' ? (
              <th className="num">{t('Value')}</th>
            ) : (
              <>
                <th className="num">{t('Long')}</th>
                <th className="num">{t('Short')}</th>
                <th className="num">{t('Gross')}</th>
                <th className="num">{t('Net')}</th>
              </>
            )}
            <th className="num">{t('Share')}</th>
            {targets.size > 0 && <th className="num">{t('Target · drift')}</th>}
            <th className="num" title={t('Positions')}>
              {mode === 'net' ? t('Positions') : t('Pos.')}
            </th>
          </tr>
        </thead>
        <tbody>{body.map(row)}</tbody>
        <tfoot>{foot.map(row)}</tfoot>
      </table>
    </div>
  );
}
