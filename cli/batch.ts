import { basename, extname, join, resolve } from 'node:path';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { AppError } from '../shared/api/errors';
import { reportFileName } from '../shared/report/file-name';
import type { Io } from './args';
import { parseCommandArgs } from './args';
import { UsageError } from './errors';
import { counted } from './plural';
import { parseFormat, parseLanguage, parsePaper, parseSections, seconds } from './report-options';
import { portfolioNamed } from '../shared/domain/portfolio-name';
import { outputFolder } from './output-folder';
import { overlapped } from './overlapped';

/** The snapshot to report on: the one just imported, or the one these very bytes were imported as before. */
async function importOne(h: BackendHandlers, path: string, portfolioName: string, baseCurrency: string | undefined, io: Io, tag: string) {
  try {
    const outcome = await h.importHoldings(validateInput('importHoldings', { path, portfolioName, ...(baseCurrency ? { baseCurrency } : {}) }));
    for (const w of outcome.warnings) io.err(`${tag} warning: ${w}\n`);
    return { portfolioId: outcome.portfolio.id, snapshotId: outcome.snapshot.id, note: `imported ${counted(outcome.imported, 'position')}` };
  } catch (err) {
    const snapshotId = err instanceof AppError && err.code === 'ALREADY_IMPORTED' ? err.details?.['snapshotId'] : undefined;
    if (typeof snapshotId !== 'number') throw err;
    const portfolio = portfolioNamed(await h.listPortfolios({}), portfolioName);
    if (!portfolio) throw err;
    return { portfolioId: portfolio.id, snapshotId, note: `already imported as snapshot ${snapshotId}` };
  }
}

/**
 * themelens batch FILES... --out DIR [--format F] [--paper P] [--base-currency C] [--language en|ja]: each holdings
 * file becomes its own portfolio (named after the file) and gets a report in DIR. Progress goes
 * to stderr; a failing file is reported and the others still complete; exit 1 if any failed.
 */
export async function batchCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    replace: { type: 'boolean' },
    format: { type: 'string' },
    paper: { type: 'string' },
    sections: { type: 'string' },
    'base-currency': { type: 'string' },
    language: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('batch needs one or more holdings FILES: themelens batch FILES... --out DIR [--format pdf]');
  if (!values.out) throw new UsageError('batch needs --out DIR');
  // One file named twice was imported twice, the second as "h1 (2)": a portfolio that holds nothing new.
  const twice = positionals.find((f, i) => positionals.findIndex((g) => resolve(g) === resolve(f)) !== i);
  if (twice !== undefined) throw new UsageError(`batch names ${twice} twice: name each file once`);
  const format = parseFormat(values.format ?? 'pdf', 'batch');
  const paper = parsePaper(values.paper);
  const sections = parseSections(values.sections);
  const language = parseLanguage(values.language);
  const baseCurrency = values['base-currency']?.toUpperCase();
  const dir = outputFolder(values.out);
  // Without --replace an existing file is replaced only if ThemeLens wrote it: a holdings file
  // named like its own report (h.csv -> h.csv) is never overwritten.
  const replace = values.replace ? ('any' as const) : ('own' as const);
  const names = new Set<string>();
  let failed = 0;
  // First every import, one by one (an import holds its transaction while the file is read, so
  // nothing else may write meanwhile); then the reports, one printing while the next is prepared,
  // each file's line in order (cli/overlapped.ts).
  if (format === 'pdf') await h.warmUpPdf({});
  const imports: { tag: string; portfolioName: string; started: number; imported: Awaited<ReturnType<typeof importOne>> | { error: unknown } }[] = [];
  for (const [i, file] of positionals.entries()) {
    const tag = `[${i + 1}/${positionals.length}] ${basename(file)}:`;
    const started = Date.now();
    let portfolioName = basename(file, extname(file)).trim() || 'Portfolio';
    for (let n = 2; names.has(portfolioName.toLowerCase()); n++) portfolioName = `${basename(file, extname(file)).trim()} (${n})`;
    names.add(portfolioName.toLowerCase());
    const imported = await importOne(h, resolve(file), portfolioName, baseCurrency, io, tag).catch((err: unknown) => ({ error: err }));
    imports.push({ tag, portfolioName, started, imported });
  }
  const jobs = overlapped<string>();
  for (const { tag, portfolioName, started, imported } of imports) {
    const job = (async () => {
      if ('error' in imported) throw imported.error;
      const out = join(dir, reportFileName(null, portfolioName, format));
      const done = await h.exportReport(validateInput('exportReport', { portfolioId: imported.portfolioId, snapshotId: imported.snapshotId, format, paper, path: out, replace, ...(sections ? { sections } : {}), ...language }));
      return `${tag} ${imported.note} into "${portfolioName}"; wrote ${basename(out)} (${done.bytes} bytes, ${seconds(Date.now() - started)})\n`;
    })();
    await jobs.add(job, (o) => {
      if (o.ok) return io.err(o.value);
      failed++;
      io.err(`${tag} FAILED: ${(o.error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
    });
  }
  await jobs.drain();
  io.err(`batch: ${positionals.length - failed} of ${counted(positionals.length, 'file')} reported into ${dir}\n`);
  if (failed > 0) throw new AppError('IMPORT_FATAL', `${failed} of ${counted(positionals.length, 'file')} failed (see the lines above); the others were reported.`);
}
