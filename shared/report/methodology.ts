import { projectsFor, projectText } from '../suggestions/projects';
import type { ReportLanguage } from './i18n';
import { textOf, type ReportDocument } from './document';
import type { Tr } from './i18n';

/** Where the report's default themes come from: each project, what it is, and the public sources that say so. */
function projectsParagraph(r: ReportDocument['exposure'], tr: Tr, language: ReportLanguage): string[] {
  const shown = projectsFor(r.themes);
  if (shown.length === 0) return [];
  const name = (id: string) => r.themes.find((t) => t.id === id)?.name ?? id;
  const projects = shown
    .map((p) => {
      const w = projectText(p, language);
      return tr('{{theme}}: the {{project}} ({{sponsor}}; {{location}}; {{size}})', { theme: name(p.themeId), project: w.name, sponsor: w.sponsor, location: w.location, size: w.size });
    })
    .join('; ');
  const sources = [...new Map(shown.flatMap((p) => p.sources).map((s) => [s.url, s])).values()].map((s) => `${s.title}, ${s.url}`).join('; ');
  return [tr("The default themes follow the first projects of Japan's $550 billion US investment program, announced on {{date}}. {{projects}}. Sources: {{sources}}.", { date: shown[0]!.announced, projects, sources })];
}

/**
 * The methodology section in plain words (plain text, in the report's language), with the report's
 * own base currency and whatever it adds (household, benchmark, scenario).
 */
export function methodologyParagraphs(doc: Pick<ReportDocument, 'exposure' | 'scenario' | 'preferences'>): string[] {
  const r = doc.exposure;
  const { tr, language } = textOf(doc);
  const baseCurrency = r.baseCurrency;
  const household = r.portfolios !== undefined;
  return [
    tr("Every position is valued in {{currency}}: its market value from the broker's file (or quantity times price where the file has no value), converted with the exchange rates listed in this report. A position in a currency with no rate is left out of the totals and named in a warning; it is never converted at 1.", { currency: baseCurrency }),
    ...(household
      ? [tr("This report combines the latest snapshot of each portfolio of {{client}}. Each is valued at the exchange rates of its own date; the same security held in the same currency in several accounts is added up into one line (held in two currencies, a line for each); each theme's figure is the sum of the portfolios' figures.", { client: r.portfolio })]
      : []),
    ...projectsParagraph(r, tr, language),
    tr('Each holding can be tagged with one or more themes, each with a weight: the share of that holding that rides on the theme (50% means half of its value counts). Weights of one holding add up to at most 100%.'),
    tr("A position's contribution to a theme is its value times the weight, rounded to the cent. A theme's exposure is the sum of those contributions; a theme with sub-themes includes theirs. Short positions have negative values: net exposure is long plus short, gross is long plus the size of the short."),
    household
      ? tr('Shares are of the total value of the household, cash included. Untagged is the total less every tagged contribution, so themes and untagged add up to the total.')
      : tr('Shares are of the total value of the portfolio, cash included. Untagged is the total less every tagged contribution, so themes and untagged add up to the total.'),
    tr('Cash is a part of untagged ("of which cash"), not a further row: where short positions are untagged, untagged can be smaller than the cash in it, or negative.'),
    tr('Each share is rounded on its own (to 0.1%), so the shares shown may not add up to exactly 100%; the amounts add up to the cent.'),
    ...(r.benchmark
      ? [tr("The benchmark {{symbol}} is a fund whose holdings file from its issuer was imported: its share in a theme is the sum over its constituents of each one's weight in the fund times its own theme weight. Active is the portfolio's share less the benchmark's.", { symbol: r.benchmark.symbol })]
      : []),
    ...(doc.scenario
      ? [tr("In the scenario, each position moves by the sum over its themes of weight times shock (a position 60% in one theme shocked -20% and 20% in another shocked +10% moves by -10%). A sub-theme takes its parent's shock unless it has its own. Cash does not move, nor does a position with no exchange rate. Each position's move is its value times that sum, rounded to the cent once; its part in each theme is rounded down or up to the cent so that the parts add up to the move (the largest remainders take the odd cents). Each theme's move and the total are sums of those.")]
      : []),
    household
      ? tr("The fingerprint on the cover identifies the inputs of this report: each portfolio's snapshot and the hash of its file, the theme weights and the exchange rates. The same fingerprint means the same inputs and the same figures.")
      : tr('The fingerprint on the cover identifies the inputs of this report: the snapshot and the hash of its file, the theme weights and the exchange rates. The same fingerprint means the same inputs and the same figures.'),
  ];
}
