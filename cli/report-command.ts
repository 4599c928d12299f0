import { join, resolve } from 'node:path';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { AppError } from '../shared/api/errors';
import { reportFileName } from '../shared/report/file-name';
import type { Io } from './args';
import { parseCommandArgs } from './args';
import { UsageError } from './errors';
import { outputFolder } from './output-folder';
import { overlapped } from './overlapped';
import { parseFormat, parseLanguage, parsePaper, parseSections, seconds } from './report-options';
import type { ReportLanguage } from '../shared/report/i18n';
import { baseCurrencyArg, portfolioArg, portfolioOrClient, snapshotArg } from './portfolio-args';
import { checkShockThemes, takeShocks, type ShockArg } from './shock-args';
import type { PaperSize, ReportSection } from '../shared/report/document';
import type { ReportFormat } from '../shared/report/model';

/**
 * themelens report --portfolio NAME --format F [--out FILE] [--snapshot ID]   (the command-line contract in the README)
 * themelens report --client NAME --format F [--out FILE] [--base-currency C]    a client's portfolios combined
 * themelens report --all [--by-client] --format F --out DIR                      one file per portfolio (or client)
 * All take [--paper a4|letter] [--sections LIST] [--benchmark FUND] [--shock THEME_ID=+/-P ...] [--language en|ja].
 * Without --out, a text format goes to stdout.
 */
export async function reportCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { shocks, rest, notes } = takeShocks(args);
  for (const n of notes) io.err(`note: ${n}\n`);
  const { values, positionals } = parseCommandArgs(rest, {
    portfolio: { type: 'string' },
    client: { type: 'string' },
    'base-currency': { type: 'string' },
    benchmark: { type: 'string' },
    'by-client': { type: 'boolean' },
    all: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    replace: { type: 'boolean' },
    snapshot: { type: 'string' },
    paper: { type: 'string' },
    sections: { type: 'string' },
    language: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`report takes no positional argument (got "${positionals[0]}")`);
  if (shocks.length > 0) checkShockThemes(shocks, await h.listThemes({}));
  // Without --replace an existing file is replaced only if ThemeLens wrote it (db/report/write-output.ts).
  const replace = values.replace ? ('any' as const) : ('own' as const);
  const extras = { ...(values.benchmark ? { benchmark: values.benchmark } : {}), ...(shocks.length > 0 ? { shocks } : {}), ...parseLanguage(values.language) };
  if (values.all) return reportAll(h, values, extras, replace, io);
  if (values['by-client']) throw new UsageError('--by-client goes with --all');
  if (!values.portfolio && !values.client) throw new UsageError('report needs --portfolio NAME or --client NAME (or --all --out DIR)');
  const format = parseFormat(values.format, 'report');
  const paper = parsePaper(values.paper);
  const sections = parseSections(values.sections);
  if ('client' in portfolioOrClient(values, 'report')) return reportClient(h, { ...values, client: values.client as string }, { format, paper, sections, extras, replace }, io);
  if (values['base-currency']) throw new UsageError('--base-currency is for --client: a portfolio is reported in its own base currency');
  const portfolio = await portfolioArg(h, values.portfolio as string);
  const snapshotId = snapshotArg(values.snapshot);
  const which = { portfolioId: portfolio.id, ...(snapshotId ? { snapshotId } : {}), ...(sections ? { sections } : {}), ...extras };
  if (!values.out) {
    if (format === 'pdf' || format === 'xlsx') throw new UsageError(`report --format ${format} writes a binary file: add --out FILE`);
    io.out((await h.previewReport(validateInput('previewReport', { ...which, format }))).content);
    return;
  }
  const done = await h.exportReport(validateInput('exportReport', { ...which, format, paper, path: resolve(values.out), replace }));
  io.err(`Wrote ${values.out} (${done.bytes} bytes, fingerprint ${done.fingerprint}, report record ${done.reportId})\n`);
}

type Extras = { benchmark?: string; shocks?: ShockArg[]; language?: ReportLanguage };

/** A client's combined report: to a file, or a text format to stdout. */
async function reportClient(
  h: BackendHandlers,
  values: { client: string; out?: string | undefined; snapshot?: string | undefined; 'base-currency'?: string | undefined },
  o: { format: ReportFormat; paper: PaperSize; sections: ReportSection[] | undefined; extras: Extras; replace: 'own' | 'any' },
  io: Io,
): Promise<void> {
  if (values.snapshot) throw new UsageError('report --client uses the latest snapshot of each portfolio: leave out --snapshot');
  const which = { client: values.client, ...baseCurrencyArg(values['base-currency']), ...(o.sections ? { sections: o.sections } : {}), ...o.extras };
  if (!values.out) {
    if (o.format === 'pdf' || o.format === 'xlsx') throw new UsageError(`report --format ${o.format} writes a binary file: add --out FILE`);
    io.out((await h.previewClientReport(validateInput('previewClientReport', { ...which, format: o.format }))).content);
    return;
  }
  const done = await h.exportClientReport(validateInput('exportClientReport', { ...which, format: o.format, paper: o.paper, path: resolve(values.out), replace: o.replace }));
  io.err(`Wrote ${values.out} (${done.bytes} bytes, fingerprint ${done.fingerprint})\n`);
}

/**
 * One report per portfolio into a folder, named "<client> - <portfolio>.<ext>"; with --by-client, one
 * combined report per client ("<client>.<ext>") and one per portfolio that has no client. A failure
 * does not stop the others.
 */
async function reportAll(
  h: BackendHandlers,
  values: { format?: string; out?: string; paper?: string; sections?: string; portfolio?: string; client?: string; snapshot?: string; 'by-client'?: boolean; 'base-currency'?: string },
  extras: Extras,
  replace: 'own' | 'any',
  io: Io,
): Promise<void> {
  if (values.portfolio || values.client || values.snapshot) throw new UsageError('report --all reports on every portfolio: leave out --portfolio, --client and --snapshot');
  if (values['base-currency'] && !values['by-client']) throw new UsageError('--base-currency is for combined client reports: add --by-client');
  if (!values.out) throw new UsageError('report --all needs --out DIR');
  const format = parseFormat(values.format, 'report --all');
  const paper = parsePaper(values.paper);
  const sections = parseSections(values.sections);
  const dir = outputFolder(values.out);
  const portfolios = (await h.listPortfolios({})).filter((p) => p.snapshotCount > 0);
  if (portfolios.length === 0) throw new AppError('NOT_FOUND', 'No portfolio has a snapshot yet. Import holdings first: themelens import FILE --portfolio NAME');
  const clients = values['by-client'] ? (await h.listClients({})).filter((c) => c.portfolios.some((p) => p.snapshotCount > 0)) : [];
  // Each job: what it is called in progress lines, the file name it wants, and how it writes to a path.
  const jobs: { label: string; file: (n: number) => string; write: (path: string) => { bytes: number } | Promise<{ bytes: number }> }[] = [
    ...clients.map((c) => ({
      label: `${c.name} (client)`,
      file: (n: number) => reportFileName(null, n > 1 ? `${c.name} (${n})` : c.name, format),
      write: (path: string) => h.exportClientReport(validateInput('exportClientReport', { client: c.name, ...baseCurrencyArg(values['base-currency']), format, paper, path, replace, ...(sections ? { sections } : {}), ...extras })),
    })),
    ...portfolios
      .filter((p) => !values['by-client'] || !p.clientName)
      .map((p) => ({
        label: p.name,
        file: (n: number) => reportFileName(p.clientName, n > 1 ? `${p.name} (${n})` : p.name, format),
        write: (path: string) => h.exportReport(validateInput('exportReport', { portfolioId: p.id, format, paper, path, replace, ...(sections ? { sections } : {}), ...extras })),
      })),
  ];
  if (format === 'pdf') await h.warmUpPdf({});
  const used = new Set<string>();
  let failed = 0;
  // One report prints while the next is prepared; progress lines keep their order (cli/overlapped.ts).
  const running = overlapped<string>();
  for (const [i, job] of jobs.entries()) {
    const started = Date.now();
    let name = job.file(1);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = job.file(n);
    used.add(name.toLowerCase());
    const written = (async () => {
      const done = await job.write(join(dir, name));
      return `[${i + 1}/${jobs.length}] ${job.label}: wrote ${name} (${done.bytes} bytes, ${seconds(Date.now() - started)})\n`;
    })();
    await running.add(written, (o) => {
      if (o.ok) return io.err(o.value);
      failed++;
      io.err(`[${i + 1}/${jobs.length}] ${job.label}: FAILED: ${(o.error as Error).message}\n`);
    });
  }
  await running.drain();
  io.err(`report --all: ${jobs.length - failed} of ${jobs.length} written to ${dir}\n`);
  if (failed > 0) throw new AppError('IO', `${failed} of ${jobs.length} reports failed (see the lines above).`);
}
