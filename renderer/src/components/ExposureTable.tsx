import { useState } from 'react';
import { UNTAGGED_COLOR } from '../../../shared/domain/default-themes';
import type { ExposureReport } from '../../../shared/report/model';
import { formatMoney, formatShare } from '../format';
import { summaryHtml, summaryLines, summaryTsv, type SummaryLine } from './exposure-summary';

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
export function ExposureTable({ report }: { report: ExposureReport }) {
  const [mode, setMode] = useState<Mode>('net');
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const cur = report.baseCurrency;
  const lines = summaryLines(report, UNTAGGED_COLOR);
  const body = lines.filter((l) => l.kind === 'theme' || l.kind === 'sub-theme' || l.kind === 'untagged');
  const foot = lines.filter((l) => l.kind === 'cash' || l.kind === 'total');
  const money = (v: number | null) => (v === null ? '' : formatMoney(v, cur));
  // Targets (themelens targets set): a column only when the portfolio has any.
  const targets = new Map(report.themes.filter((t) => t.target).map((t) => [t.id, t.target!]));
  const targetCell = (key: string) => {
    const t = targets.get(key);
    if (!t) return <td className="num" />;
    const drift = `${t.drift >= 0 ? '+' : ''}${(t.drift * 100).toFixed(1)} pts`;
    return (
      <td className={t.outside ? 'num drift-outside' : 'num'} data-testid={`target-${key}`} title={`Target ${formatShare(t.share)} ± ${(t.band * 100).toFixed(1)} points; now ${drift} ${t.outside ? 'outside' : 'within'} the band`}>
        {formatShare(t.share)} <span className="drift">{drift}</span>
        {t.outside && <span className="visually-hidden"> outside the band</span>}
      </td>
    );
  };
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
      <td className="num">{l.kind === 'theme' || l.kind === 'sub-theme' ? l.positions : ''}</td>
    </tr>
  );
  return (
    <div className="exposure-summary">
      <div className="table-tools">
        <div className="segmented" role="radiogroup" aria-label="Values shown">
          {(
            [
              ['net', 'Net'],
              ['long-short', 'Long · short · gross'],
            ] as const
          ).map(([m, label]) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? 'active' : undefined} data-testid={`exposure-mode-${m}`} onClick={() => setMode(m)}>
              {label}
            </button>
          ))}
        </div>
        <span className="muted small" aria-live="polite" data-testid="exposure-copy-status">
          {copied === 'ok' ? 'Copied' : copied === 'failed' ? 'Could not copy' : ''}
        </span>
        <button type="button" className="small" data-testid="exposure-copy" onClick={onCopy} title="Copy the whole table (net, long, short, gross, share, positions)">
          Copy table
        </button>
      </div>
      <table className={mode === 'net' ? 'exposure-table' : 'exposure-table dense'} data-testid="exposure-table">
        <thead>
          <tr>
            <th>Theme</th>
            {mode === 'net' ? (
              <th className="num">Value</th>
            ) : (
              <>
                <th className="num">Long</th>
                <th className="num">Short</th>
                <th className="num">Gross</th>
                <th className="num">Net</th>
              </>
            )}
            <th className="num">Share</th>
            {targets.size > 0 && <th className="num">Target · drift</th>}
            <th className="num" title="Positions">
              {mode === 'net' ? 'Positions' : 'Pos.'}
            </th>
          </tr>
        </thead>
        <tbody>{body.map(row)}</tbody>
        <tfoot>{foot.map(row)}</tfoot>
      </table>
    </div>
  );
}
