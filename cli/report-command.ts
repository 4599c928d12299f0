import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { AppError } from '../shared/api/errors';
import { reportFileName } from '../shared/report/file-name';
import type { Io } from './args';
import { parseCommandArgs } from './args';
import { UsageError } from './errors';
import { parseFormat, parsePaper, parseSections, seconds } from './report-options';
import { portfolioArg, snapshotArg } from './portfolio-args';

/**
 * themelens report --portfolio NAME --format F [--out FILE] [--snapshot ID]   (DESIGN.md section 6)
 * themelens report --all --format F --out DIR                                  one file per portfolio
 * Both take [--paper a4|letter] [--sections LIST]. Without --out, a text format goes to stdout.
 */
export async function reportCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    portfolio: { type: 'string' },
    all: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    snapshot: { type: 'string' },
    paper: { type: 'string' },
    sections: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`report takes no positional argument (got "${positionals[0]}")`);
  if (values.all) return reportAll(h, values, io);
  if (!values.portfolio) throw new UsageError('report needs --portfolio NAME (or --all --out DIR)');
  const format = parseFormat(values.format, 'report');
  const paper = parsePaper(values.paper);
  const sections = parseSections(values.sections);
  const portfolio = await portfolioArg(h, values.portfolio);
  const snapshotId = snapshotArg(values.snapshot);
  const which = { portfolioId: portfolio.id, ...(snapshotId ? { snapshotId } : {}), ...(sections ? { sections } : {}) };
  if (!values.out) {
    if (format === 'pdf' || format === 'xlsx') throw new UsageError(`report --format ${format} writes a binary file: add --out FILE`);
    io.out((await h.previewReport(validateInput('previewReport', { ...which, format }))).content);
    return;
  }
  const done = await h.exportReport(validateInput('exportReport', { ...which, format, paper, path: resolve(values.out) }));
  io.err(`Wrote ${values.out} (${done.bytes} bytes, fingerprint ${done.fingerprint}, report record ${done.reportId})\n`);
}

/** One report per portfolio into a folder, named "<client> - <portfolio>.<ext>"; a failure does not stop the others. */
async function reportAll(h: BackendHandlers, values: { format?: string; out?: string; paper?: string; sections?: string; portfolio?: string; snapshot?: string }, io: Io): Promise<void> {
  if (values.portfolio || values.snapshot) throw new UsageError('report --all reports on every portfolio: leave out --portfolio and --snapshot');
  if (!values.out) throw new UsageError('report --all needs --out DIR');
  const format = parseFormat(values.format, 'report --all');
  const paper = parsePaper(values.paper);
  const sections = parseSections(values.sections);
  const dir = resolve(values.out);
  mkdirSync(dir, { recursive: true });
  const list = (await h.listPortfolios({})).filter((p) => p.snapshotCount > 0);
  if (list.length === 0) throw new AppError('NOT_FOUND', 'No portfolio has a snapshot yet. Import holdings first: themelens import FILE --portfolio NAME');
  const used = new Set<string>();
  let failed = 0;
  for (const [i, p] of list.entries()) {
    const started = Date.now();
    let name = reportFileName(p.clientName, p.name, format);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = reportFileName(p.clientName, `${p.name} (${n})`, format);
    used.add(name.toLowerCase());
    try {
      const done = await h.exportReport(validateInput('exportReport', { portfolioId: p.id, format, paper, path: join(dir, name), ...(sections ? { sections } : {}) }));
      io.err(`[${i + 1}/${list.length}] ${p.name}: wrote ${name} (${done.bytes} bytes, ${seconds(Date.now() - started)})\n`);
    } catch (err) {
      failed++;
      io.err(`[${i + 1}/${list.length}] ${p.name}: FAILED: ${(err as Error).message}\n`);
    }
  }
  io.err(`report --all: ${list.length - failed} of ${list.length} written to ${dir}\n`);
  if (failed > 0) throw new AppError('IO', `${failed} of ${list.length} reports failed (see the lines above).`);
}
