/**
 * Page 1 of a report is the answer, as X-Ray and Sharesight put it: the total, each theme's value and
 * share with a chart, untagged and cash, the largest contributors per theme, and what the figures rest
 * on (as-of date, theme pack, exchange rates). The particulars (client, adviser, file, fingerprint)
 * are a compact header above it.
 */
import { UNTAGGED_COLOR } from '../domain/default-themes';
import type { ExposurePosition } from '../exposure/model';
import { themeBarChartSvg, topLevelParts } from './charts-svg';
import { contributionsByTheme, textOf, titleOf, type ReportDocument } from './document';
import { escapeHtml as e } from './escape';
import { formatMoney, formatShare, formatWeight, safeLogo } from './format';
import { swatch, rateWords } from './html-table';

/** Contributors shown per theme on page 1 (the Themes section lists them all). */
const TOP = 3;


export function answerHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const p = doc.preferences;
  const { tr, html } = textOf(doc);
  const cur = r.baseCurrency;
  const m = (v: number) => e(formatMoney(v, cur));
  const share = (v: number) => formatShare(r.totalValue === 0 ? 0 : v / r.totalValue);
  const logo = safeLogo(p.logoDataUrl);
  const adviser = [p.adviserName, p.adviserFirm].filter(Boolean).join(', ');
  const particulars = [
    r.portfolios ? tr('Portfolios {{names}}', { names: r.portfolios.map((x) => x.name).join(', ') }) : '',
    adviser ? tr('Prepared by {{adviser}}', { adviser }) : '',
    r.portfolios ? tr('Holdings files {{files}}', { files: r.sourceFile }) : tr('Holdings file {{file}}', { file: r.sourceFile }),
    tr('Generated {{date}}', { date: r.generatedAt.slice(0, 10) }),
  ].filter(Boolean);

  // Contributors per theme, a parent's including its sub-themes', largest first: one line per
  // position, a position tagged with the parent and a sub-theme once, with its weights and
  // contributions added (in basis points and cents).
  const byTheme = contributionsByTheme(r);
  const top = (id: string) => {
    const lines = new Map<ExposurePosition, { position: ExposurePosition; bp: number; cents: number }>();
    for (const t of [id, ...r.themes.filter((c) => c.parentId === id).map((c) => c.id)]) {
      for (const { position, theme } of byTheme.get(t) ?? []) {
        const line = lines.get(position) ?? { position, bp: 0, cents: 0 };
        line.bp += Math.round(theme.weight * 10_000);
        line.cents += Math.round(theme.value * 100);
        lines.set(position, line);
      }
    }
    const listed = [...lines.values()].sort((a, b) => Math.abs(b.cents) - Math.abs(a.cents)).slice(0, TOP);
    // A security held in two accounts is two lines: each names its account, so they do not read as one holding twice.
    const twice = new Set(listed.map((c) => c.position.symbol).filter((s, i, all) => all.indexOf(s) !== i));
    return listed
      .map((c) => `${e(c.position.symbol)}${twice.has(c.position.symbol) ? ` <span class="meta">(${e(c.position.account)})</span>` : ''} ${m(c.cents / 100)} <span class="meta">${html('({{weight}} of {{value}})', { weight: formatWeight(c.bp / 10_000), value: c.position.value === null ? '—' : m(c.position.value) })}</span>`)
      .join('<br>');
  };
  const rows = r.themes.map(
    (t) => `<tr${t.parentId ? ' class="sub"' : ''}><td>${swatch(t.color)}${e(t.name)}</td><td class="num">${m(t.value)}</td><td class="num">${formatShare(t.share)}</td><td>${top(t.id) || `<span class="meta">${html('none')}</span>`}</td></tr>`,
  );
  rows.push(
    `<tr><td>${swatch(UNTAGGED_COLOR)}${html('Untagged')}</td><td class="num">${m(r.untaggedValue)}</td><td class="num">${share(r.untaggedValue)}</td><td class="meta">${html('of which cash {{cash}} ({{share}})', { cash: m(r.cashValue), share: share(r.cashValue) })}</td></tr>`,
  );
  const bars = topLevelParts(r, tr('Untagged'));
  // Each share is rounded to a tenth of a percent on its own. Where those shown (the top-level
  // themes and Untagged) do not add up to 100.0%, this page says so beside them: the methodology
  // that explains it is off by default, and 32.0 + 20.1 + 0.9 + 47.1 = 100.1 read as a slip.
  const tenths = (x: number) => Math.round(Number((x * 100).toFixed(1)) * 10);
  const shownTenths = r.totalValue === 0 ? 1000 : bars.reduce((sum, b) => sum + tenths(b.share), 0);
  const rounding = shownTenths === 1000 ? '' : `\n<p class="meta rests-on">${html('Each share is rounded on its own: those above add up to {{sum}}, not 100.0%.', { sum: `${(shownTenths / 10).toFixed(1)}%` })}</p>`;
  const packs = doc.packs && doc.packs.length > 0 ? doc.packs.join('; ') : null;
  const rates = r.fxRates.length === 0 ? html('every position is in {{currency}}, no exchange rate used', { currency: e(cur) }) : r.fxRates.map((f) => `${rateWords(f.rate, html)} (${e(f.asOf)})`).join('; ');
  return `<section class="cover answer">${logo ? `<img class="logo" alt="" src="${e(logo)}">` : ''}
<h1>${e(titleOf(doc))}: ${e(r.portfolio)}</h1>
${r.clientName ? `<p class="meta">${html('Prepared for {{client}}', { client: e(r.clientName) })}</p>` : ''}
<p class="particulars">${particulars.map(e).join(' · ')}${doc.fingerprint ? ` · ${html('fingerprint')} <span class="fingerprint">${e(doc.fingerprint)}</span>` : ''}</p>
<p class="headline">${html('Total value {{total}} as of {{date}} (base currency {{currency}})', { total: `<strong>${m(r.totalValue)}</strong>`, date: `<strong>${e(r.asOf)}</strong>`, currency: e(cur) })}</p>
<figure>${themeBarChartSvg(bars, cur, tr)}</figure>
<table class="answer-table"><thead><tr><th scope="col">${html('Theme')}</th><th scope="col" class="num">${html('Value ({{currency}})', { currency: e(cur) })}</th><th scope="col" class="num">${html('Share')}</th><th scope="col">${html('Largest contributors')}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
<p class="meta rests-on">${html('Rests on: {{packs}}exchange rates: {{rates}}{{warnings}}.', {
    packs: packs ? html('themes from {{packs}}; ', { packs: e(packs) }) : '',
    rates,
    warnings: r.warnings.length === 0 ? '' : r.warnings.length === 1 ? html('; 1 warning on the next page') : html('; {{n}} warnings on the next page', { n: r.warnings.length }),
  })}</p>${rounding}
</section>`;
}
