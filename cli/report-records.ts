import { resolve } from 'node:path';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { readLogo } from './read-logo';
import { AppError } from '../shared/api/errors';
import type { Io } from './args';
import { parseCommandArgs } from './args';
import { UsageError } from './errors';
import { parseFormat, parseLanguage, parsePaper } from './report-options';
import { portfolioNamed } from '../shared/domain/portfolio-name';

/** themelens reports [--portfolio NAME]: the recorded reports, newest first. */
export async function reportsCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { portfolio: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('reports takes no positional argument');
  const portfolios = await h.listPortfolios({});
  const only = values.portfolio ? portfolioNamed(portfolios, values.portfolio) : undefined;
  if (values.portfolio && !only) throw new AppError('NOT_FOUND', `There is no portfolio named "${values.portfolio}".`);
  const records = await h.listReports(validateInput('listReports', only ? { portfolioId: only.id } : {}));
  if (records.length === 0) io.err('No reports recorded yet. Write one with: themelens report --portfolio NAME --format pdf --out FILE\n');
  const nameOf = new Map(portfolios.map((p) => [p.id, p.name]));
  for (const r of records) io.out(`${r.id}\t${r.generatedAt}\t${nameOf.get(r.portfolioId) ?? r.portfolioId}\tsnapshot ${r.snapshotId}\t${r.format}\t${r.fingerprint}\t${r.path ?? ''}\n`);
}

/** themelens regenerate REPORT_ID --out FILE [--format F] [--paper P]: the same report again from its record. */
export async function regenerateCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, replace: { type: 'boolean' }, format: { type: 'string' }, paper: { type: 'string' } });
  const [id, ...rest] = positionals;
  const reportId = Number(id);
  if (!id || rest.length > 0 || !Number.isInteger(reportId) || reportId <= 0) throw new UsageError('regenerate takes one REPORT_ID (see "themelens reports")');
  if (!values.out) throw new UsageError('regenerate needs --out FILE');
  const done = await h.regenerateReport(
    validateInput('regenerateReport', { reportId, path: resolve(values.out), replace: values.replace ? 'any' : 'own', ...(values.format ? { format: parseFormat(values.format, 'regenerate') } : {}), ...(values.paper ? { paper: parsePaper(values.paper) } : {}) }),
  );
  io.err(`Wrote ${values.out} (${done.bytes} bytes, fingerprint ${done.fingerprint}); ${done.sameContent ? 'same content as the recorded report' : 'the content DIFFERS from the recorded report'}\n`);
  if (!done.sameContent) throw new AppError('CONFLICT', `Report ${reportId} could not be made again identically (its snapshot or themes may have been deleted).`);
}

/** themelens preferences [--title T] [--adviser-name N] [--adviser-firm F] [--disclaimer TEXT] [--logo FILE | --no-logo] [--language en|ja]. */
export async function preferencesCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    title: { type: 'string' },
    'adviser-name': { type: 'string' },
    'adviser-firm': { type: 'string' },
    disclaimer: { type: 'string' },
    logo: { type: 'string' },
    'no-logo': { type: 'boolean' },
    language: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('preferences takes options only, e.g. --adviser-name "Ana Ruiz"');
  const patch: Record<string, string | null> = {};
  if (values.title !== undefined) patch['reportTitle'] = values.title;
  if (values['adviser-name'] !== undefined) patch['adviserName'] = values['adviser-name'];
  if (values['adviser-firm'] !== undefined) patch['adviserFirm'] = values['adviser-firm'];
  if (values.disclaimer !== undefined) patch['disclaimer'] = values.disclaimer;
  if (values['no-logo']) patch['logoDataUrl'] = null;
  if (values.language !== undefined) patch['language'] = parseLanguage(values.language).language as string;
  if (values.logo !== undefined) {
    patch['logoDataUrl'] = readLogo(values.logo);
  }
  const prefs = Object.keys(patch).length ? await h.setReportPreferences(validateInput('setReportPreferences', patch)) : await h.getReportPreferences({});
  io.out(`title\t${prefs.reportTitle}\nadviser\t${prefs.adviserName}\nfirm\t${prefs.adviserFirm}\nlogo\t${prefs.logoDataUrl ? 'set' : 'none'}\ndisclaimer\t${prefs.disclaimer}\nlanguage\t${prefs.language}\n`);
}
