import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Series } from './colors';
import { chartSvg, safeFileName, svgToPngBase64 } from './save-chart';
import { errorWords } from '../../failure-words';

interface Props {
  title: string;
  /** Says what the chart shows to a screen reader. */
  description: string;
  testId: string;
  legend: readonly Series[];
  /** The file name offered in the save dialog, without extension. */
  fileName: string;
  children: ReactNode;
  onMessage?: (text: string, kind: 'ok' | 'error') => void;
  /** Spans the whole row of a view. */
  wide?: boolean;
  /** The chart's figures as a table: its text alternative, one keyboard press away (a disclosure under the chart). */
  data: ChartData;
  /** Nothing drawn (the view says why in words): no chart to save, so no Save buttons. */
  empty?: boolean;
}

/** What a chart draws, as rows of formatted cells under a header row. */
export interface ChartData {
  head: readonly string[];
  rows: readonly (readonly string[])[];
}

/** A chart with its title, legend, and Save SVG / Save PNG buttons (drawn in the renderer, saved by the host). */
export function ChartFrame({ title, description, testId, legend, fileName, children, onMessage, wide = false, data, empty = false }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
  const save = async (format: 'svg' | 'png') => {
    const svg = ref.current?.querySelector('svg.recharts-surface') as SVGSVGElement | null;
    if (!svg) return;
    setSaving(true);
    try {
      const text = chartSvg(svg, title, legend);
      const data = format === 'svg' ? text : await svgToPngBase64(text);
      const saved = await api().saveChart({ format, suggestedName: `${safeFileName(fileName)}.${format}`, data });
      if (saved) onMessage?.(t('Chart saved to {{path}}', { path: saved.path }), 'ok');
    } catch (err) {
      onMessage?.(errorWords(err), 'error');
    } finally {
      setSaving(false);
    }
  };
  return (
    <figure className={`chart chart-frame${wide ? ' wide' : ''}`} data-testid={testId} aria-label={description}>
      <div className="chart-head">
        <figcaption className="chart-title">{title}</figcaption>
        <div className="chart-save" hidden={empty}>
          <button type="button" className="small" data-testid={`${testId}-save-svg`} disabled={saving} onClick={() => void save('svg')} title={t('Save this chart as an SVG image')}>
            {/* i18n-ignore: a format name, the same in every language */}
            SVG
          </button>
          <button type="button" className="small" data-testid={`${testId}-save-png`} disabled={saving} onClick={() => void save('png')} title={t('Save this chart as a PNG image')}>
            {/* i18n-ignore: a format name, the same in every language */}
            PNG
          </button>
        </div>
      </div>
      <div ref={ref}>{children}</div>
      <ChartLegend items={legend} />
      <ChartDataTable title={title} data={data} testId={testId} />
    </figure>
  );
}

/** The chart's data for screen readers and keyboard users: a disclosure (Enter or Space opens it) holding a table. */
function ChartDataTable({ title, data, testId }: { title: string; data: ChartData; testId: string }) {
  const { t } = useTranslation();
  return (
    <details className="chart-data" data-testid={`${testId}-data`}>
      <summary data-testid={`${testId}-data-toggle`}>{t('Data as a table')}</summary>
      <table className="compact">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {data.head.map((h, i) => (
              <th key={i} scope="col" className={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j} className="num">
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The legend under every chart: a swatch in the series' color, its name, and its detail where it has one. */
function ChartLegend({ items }: { items: readonly Series[] }) {
  const { t } = useTranslation();
  return (
    <ul className="chart-legend" aria-label={t('Legend')}>
      {items.map((s) => (
        <li key={s.id} data-testid={`legend-${s.id}`}>
          <span className="swatch" style={{ background: s.color }} />
          {s.name}
          {s.detail && <span className="legend-detail"> {s.detail}</span>}
        </li>
      ))}
    </ul>
  );
}

export interface TooltipRow {
  name: string;
  color: string;
  value: string;
  detail?: string | undefined;
}

/** The tooltip of every chart: a heading and exact, formatted figures. */
export function ChartTooltipBox({ title, rows }: { title: string; rows: readonly TooltipRow[] }) {
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <strong>{title}</strong>
      {rows.map((r, i) => (
        <div key={i} className="tooltip-row">
          <span className="swatch" style={{ background: r.color }} />
          <span className="tooltip-name">{r.name}</span>
          <span className="num">{r.value}</span>
          {r.detail && <span className="muted num">{r.detail}</span>}
        </div>
      ))}
    </div>
  );
}
