import type { BackendHandlers, ClientSummary } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { portfolioNameKey } from '../../shared/domain/portfolio-name';
import { applyShocks } from '../../shared/exposure/scenario';
import { REPORT_CSS, renderReportBody, renderReportHtml } from '../../shared/report/report-html';
import type { Exposure } from '../../shared/exposure/model';
import { cachedClientExposure, clientPortfolios, computeClientExposure } from '../exposure/client';
import { householdAhead } from '../exposure/figures-ahead';
import { applyExtras, resolveExtras } from '../report/extras';
import { buildClientReport } from '../report/client-report';
import { renderDocument, renderText } from '../report/render';
import { writeOutput } from '../report/write-output';
import * as portfolios from '../repos/portfolios';
import * as targets from '../repos/targets';
import type { HandlerContext } from './handler-context';

/** Clients (households): their combined exposure, scenario, targets and report. */
export function clientHandlers({ db, now, settings }: HandlerContext) {
  /** The client's name as stored (and NOT_FOUND for a name no portfolio carries). */
  const named = (client: string) => clientPortfolios(db, client).name;
  return {
    listClients: () => {
      const groups = new Map<string, ClientSummary>();
      for (const p of portfolios.listPortfolios(db)) {
        if (!p.clientName) continue;
        const key = portfolioNameKey(p.clientName);
        const g = groups.get(key) ?? { name: p.clientName, baseCurrencies: [], portfolios: [] };
        g.portfolios.push({ id: p.id, name: p.name, baseCurrency: p.baseCurrency, snapshotCount: p.snapshotCount });
        if (!g.baseCurrencies.includes(p.baseCurrency)) g.baseCurrencies.push(p.baseCurrency);
        groups.set(key, g);
      }
      return [...groups.values()].map((g) => ({ ...g, baseCurrencies: g.baseCurrencies.sort() })).sort((a, b) => a.name.localeCompare(b.name));
    },
    getClientExposure: async (input) => {
      // A limited list (the Household view, the exposure command) is kept until data changes
      // (cachedClientExposure), and may be being computed ahead on the figures thread: that is
      // sooner than starting over here. The whole list (a report's) is not kept: it is as large as the positions.
      const { positionLimit } = input;
      let exposure: Exposure;
      if (positionLimit === undefined) exposure = computeClientExposure(db, input.client, now(), input);
      else {
        await householdAhead(db, { ...input, positionLimit });
        exposure = { ...cachedClientExposure(db, { ...input, positionLimit }), generatedAt: now() };
      }
      return applyExtras(exposure, resolveExtras(db, input)).exposure;
    },
    runClientScenario: (input) => {
      const exposure = computeClientExposure(db, input.client, now(), input);
      const result = applyShocks(exposure, new Map(input.shocks.map((s) => [s.themeId, s.shockBp])));
      return { client: exposure.portfolio, asOf: exposure.asOf, portfolios: exposure.portfolios ?? [], warnings: exposure.warnings.filter((w) => w.code === 'MISSING_FX'), ...result };
    },
    setClientTarget: (input) => targets.setClientTarget(db, { ...input, client: named(input.client) }),
    listClientTargets: (input) => targets.listClientTargets(db, named(input.client)),
    removeClientTarget: (input) => targets.removeClientTarget(db, named(input.client), input.themeId),
    exportClientReport: async (input) => {
      if (settings.readOnlyMessage) throw new AppError('IO', `Nothing was written: ${settings.readOnlyMessage}`);
      const doc = buildClientReport(db, input.client, now(), { baseCurrency: input.baseCurrency, sections: input.sections, extras: resolveExtras(db, input) });
      const bytes = writeOutput(db, input.path, await renderDocument(doc, input.format, input.paper, settings.pdfRenderer), input.replace);
      return { path: input.path, bytes, fingerprint: doc.fingerprint };
    },
    previewClientReport: (input) => {
      const doc = buildClientReport(db, input.client, now(), { baseCurrency: input.baseCurrency, sections: input.sections, extras: resolveExtras(db, input) });
      if (input.format !== 'html') return { content: renderText(doc, input.format), fingerprint: doc.fingerprint, page: null };
      const body = renderReportBody(doc);
      return { content: renderReportHtml(doc, body), fingerprint: doc.fingerprint, page: { css: REPORT_CSS, body } };
    },
  } satisfies Pick<
    BackendHandlers,
    'listClients' | 'getClientExposure' | 'runClientScenario' | 'setClientTarget' | 'listClientTargets' | 'removeClientTarget' | 'exportClientReport' | 'previewClientReport'
  >;
}
