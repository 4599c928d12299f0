import { FATAL_TEXT, fatalError } from '../../shared/import/fatal-text';
import { portfolioNameKey } from '../../shared/domain/portfolio-name';
import { renamePortfolio } from '../repos/portfolio-edits';
import { SLOT } from '../../shared/import/position-columns';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { basename } from 'node:path';
import type { ApiParsedInput, ImportOutcome, ImportProgress } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { ParseOptions, RowIssue } from '../../shared/import/types';
import { checkText, isLasting } from '../../shared/import/checks';
import { accountsLeftOut } from './accounts-left';
import { futureDateCheck } from '../../shared/import/future-date';
import type { Db } from '../connection';
import { localDate } from '../repos/clock';
import { createPortfolio, findPortfolioByName, getPortfolio } from '../repos/portfolios';
import { findSnapshotByHash, findSnapshotWithSameContent, getSnapshot, recordImportIssues } from '../repos/snapshots';
import { fatal, invalidRows } from './import-errors';
import { withSavedMappings } from './preview-import';
import { saveMapping } from '../repos/saved-mappings';
import { applyRules, ruleConflictsWarning } from '../repos/rules';
import { assertDurable } from '../integrity/durability';

const hasRules = (db: Db) => db.prepare('SELECT 1 FROM rules LIMIT 1').get() !== undefined;
import { parseInline, parseInWorker } from './parse-source';
import { RowBatchReader, type RowBatch } from './row-batch';
import { SecurityResolver } from '../securities/resolve';
import { refreshLinkedTags } from '../securities/links';
import { threadCpuMs } from './thread-cpu';
import { ROWS_PER_INSERT, SnapshotWriter, VALUES_PER_ROW } from '../repos/snapshot-writer';

/** The slots the insert loop reads, once per row: constants, not a lookup of SLOT per use. */
const { line: S_LINE, symbolKey: S_KEY, symbol: S_SYMBOL, isin: S_ISIN, cusip: S_CUSIP, description: S_DESCRIPTION, currency: S_CURRENCY, isCash: S_CASH, conid: S_CONID } = SLOT;

/** Rejected rows kept in memory for the error message and the snapshot; the rest are counted. */
const MAX_KEPT_ISSUES = 1000;

/** Where the time of the last import in this thread went (for `npm run bench`). */
export interface ImportStages {
  /** From the call to the start of parsing: reading the head, detection, the snapshot row. */
  setupMs: number;
  /** Parsing and inserting, start to end. */
  pipelineMs: number;
  /** Of which this thread spent inserting. */
  insertMs: number;
  /** Of which this thread waited for parsed rows. */
  insertIdleMs: number;
  /** The parsing thread's busy time and its time waiting for the inserter (0 when parsed inline). */
  parseBusyMs: number;
  parseWaitMs: number;
  /** CPU time of the parsing thread, and of this thread from the start of parsing to the commit (Linux only). */
  parseCpuMs: number | null;
  insertCpuMs: number | null;
  /** After the last row: checks, the snapshot's totals, commit. */
  finishMs: number;
}

export interface ImportHooks {
  onProgress?: ((p: ImportProgress) => void) | undefined;
  isCancelled?: (() => boolean) | undefined;
  /**
   * Parse on a thread of its own while this thread inserts (the two-thread pipeline), rather than
   * here. The import runner chooses, by the file's size (run-import.ts, importOnThreads).
   */
  parseOnAThread?: boolean | undefined;
  /** false: keep each row's own key, no security resolution (the benchmark's baseline for its cost). */
  identify?: boolean | undefined;
  /** Where the time of a committed import went (the benchmark prints it). */
  onStages?: ((stages: ImportStages) => void) | undefined;
}

/**
 * Imports one holdings file as one snapshot inside ONE transaction: the file is parsed in chunks
 * (here, or on a parse thread while this thread inserts the rows: hooks.parseOnAThread). Either the snapshot with all
 * its rows (and, for a new name, its portfolio) is committed, or nothing is: a fatal error, rejected
 * rows without skipInvalid, a re-import of the same bytes, a cancel or a killed process all leave
 * the database as it was.
 */
export async function importHoldingsFile(db: Db, input: ApiParsedInput<'importHoldings'>, now: string, hooks: ImportHooks = {}): Promise<ImportOutcome> {
  const t0 = performance.now();
  assertDurable(db);
  const name = basename(input.path);
  const existing = input.portfolioId !== undefined ? getPortfolio(db, input.portfolioId) : input.portfolioName ? findPortfolioByName(db, input.portfolioName) : null;
  if (!existing && !input.portfolioName) throw new AppError('VALIDATION', 'Name the portfolio to import into.');
  // A portfolio stays with its client: another client's name is a mistake to point out, not a move.
  if (existing && input.clientName && existing.clientName && portfolioNameKey(existing.clientName) !== portfolioNameKey(input.clientName)) {
    throw new AppError('CONFLICT', `${existing.name} belongs to the client ${existing.clientName}, not ${input.clientName}. Nothing was imported; to move it, run themelens client set "${existing.name}" "${input.clientName}".`);
  }
  // A snapshot is in its portfolio's base currency: another one asked for was silently ignored, and
  // a file without a currency column was read in the portfolio's currency, not the one given.
  if (existing && input.baseCurrency && input.baseCurrency !== existing.baseCurrency) {
    throw new AppError('CONFLICT', `${existing.name}'s base currency is ${existing.baseCurrency}, not ${input.baseCurrency}. Nothing was imported; leave out --base-currency to import into ${existing.name}, or import into a new portfolio.`);
  }
  const baseCurrency = existing?.baseCurrency ?? input.baseCurrency ?? 'USD';
  let totalBytes = 0;
  try {
    totalBytes = statSync(input.path).size;
  } catch {
    // openChunkedFile reports the problem with the file itself
  }
  // Read once: the parser detects the format and applies a saved mapping as it meets the header.
  const options: ParseOptions = withSavedMappings(db, { ...input.options, fileName: name, defaultCurrency: baseCurrency });

  db.exec('BEGIN IMMEDIATE');
  try {
    let portfolio = existing ?? createPortfolio(db, { name: input.portfolioName as string, baseCurrency, clientName: input.clientName ?? null }, now);
    if (existing && input.clientName && !existing.clientName) {
      portfolio = renamePortfolio(db, existing.id, existing.name, input.clientName);
    }
    // Its date and hash are known once the whole file is read (db/repos/snapshot-writer.ts).
    const writer = new SnapshotWriter(db, { portfolioId: portfolio.id, asOf: '', sourceFile: name, sha256: '', preset: null, importedAt: now });
    const snapshotId = writer.id;
    const resolver = new SecurityResolver(db, name);
    const identify = hooks.identify ?? true;
    const args: unknown[] = new Array<unknown>(ROWS_PER_INSERT * VALUES_PER_ROW);
    const oneArgs: unknown[] = new Array<unknown>(VALUES_PER_ROW);
    const kept: RowIssue[] = [];
    let rows = 0;
    let insertMs = 0;
    let lastProgress = 0;
    const report = (bytes: number, force = false) => {
      const t = Date.now();
      if (!hooks.onProgress || (!force && t - lastProgress < 100)) return;
      lastProgress = t;
      hooks.onProgress({ rows, bytes, totalBytes, percent: totalBytes === 0 ? 100 : Math.min(100, (bytes / totalBytes) * 100) });
    };
    const consumer = {
      rows(batch: RowBatch, bytesRead: number) {
        const tr = performance.now();
        const reader = new RowBatchReader(batch);
        while (reader.remaining > 0) {
          const many = reader.remaining >= ROWS_PER_INSERT;
          const n = many ? ROWS_PER_INSERT : 1;
          const values = many ? args : oneArgs;
          for (let k = 0; k < n; k++) {
            const o = k * VALUES_PER_ROW;
            reader.next(values, o);
            // The row's key becomes its security's (db/securities/resolve.ts).
            if (identify) {
              values[o + S_KEY] = resolver.resolve(
                values[o + S_LINE] as number,
                values[o + S_KEY] as string,
                values[o + S_SYMBOL] as string | null,
                values[o + S_ISIN] as string | null,
                values[o + S_CUSIP] as string | null,
                values[o + S_DESCRIPTION] as string,
                values[o + S_CURRENCY] as string,
                values[o + S_CASH] === 1,
                values[o + S_CONID] as string | null,
              );
            }
          }
          writer.add(values, n);
        }
        rows += batch.count;
        report(bytesRead);
        insertMs += performance.now() - tr;
      },
      issues(list: RowIssue[]) {
        for (const i of list) if (kept.length < MAX_KEPT_ISSUES) kept.push(i);
      },
      cancelled: () => hooks.isCancelled?.() ?? false,
    };
    const tp = performance.now();
    const cpuAtStart = threadCpuMs();
    const result = await (hooks.parseOnAThread ? parseInWorker : parseInline)(input.path, options, consumer);
    const tf = performance.now();
    if (!result.ok) {
      if ('cancelled' in result) throw new AppError('CANCELLED', `Import of ${name} cancelled; nothing was written.`);
      throw fatal(name, result.error);
    }
    if (result.rejected > 0 && !input.skipInvalid) throw invalidRows(name, kept, result.rejected, result.positions);
    if (result.positions === 0) {
      throw fatal(name, fatalError('NO_POSITIONS', FATAL_TEXT.noPositions, {}));
    }
    const duplicate = findSnapshotByHash(db, portfolio.id, result.sha256);
    if (duplicate && !input.allowDuplicate) {
      throw new AppError(
        'ALREADY_IMPORTED',
        `${name} was already imported into ${portfolio.name} on ${duplicate.importedAt.slice(0, 10)} (snapshot ${duplicate.id}, as of ${duplicate.asOf}). Nothing was imported.`,
        // Its figures too, so the app can say it in the user's language (renderer/src/import/already-imported.ts).
        { file: name, snapshotId: duplicate.id, same: 'file', portfolio: portfolio.name, importedAt: duplicate.importedAt, asOf: duplicate.asOf },
      );
    }
    const asOf = input.asOf ?? result.format.asOf ?? localDate();
    const { first: firstId, last: lastId, count } = writer.range;
    // Every position the parser passed on was stored, or the figures would silently leave some out.
    if (count !== result.positions) throw new Error(`${name}: ${result.positions} positions parsed but ${count} stored.`);
    // The same holdings downloaded twice (only a "Date downloaded" line differs) are the same snapshot.
    const sameContent = input.allowDuplicate ? null : findSnapshotWithSameContent(db, portfolio.id, snapshotId, asOf, result.positions, firstId, lastId);
    if (sameContent) {
      throw new AppError(
        'ALREADY_IMPORTED',
        `${name} holds the same positions (quantities and values) as of ${asOf} as snapshot ${sameContent.id} of ${portfolio.name} (${sameContent.sourceFile}), already imported. Nothing was imported; to keep both, import with --allow-duplicate.`,
        { file: name, snapshotId: sameContent.id, same: 'content', portfolio: portfolio.name, asOf, sourceFile: sameContent.sourceFile },
      );
    }
    writer.finish({ asOf, sha256: result.sha256, preset: result.format.preset }, 'resolved');
    // The file's own total, and what its imported rows add up to, stay with the snapshot (TOTAL_MISMATCH).
    if (result.format.fileTotalCents !== null && firstId !== null) {
      const rows = db.prepare('SELECT sum(value_cents) FROM positions WHERE id BETWEEN ? AND ? AND snapshot_id = ?').pluck().get(firstId, lastId, snapshotId) as number;
      db.prepare('UPDATE snapshots SET file_total_cents = ?, rows_total_cents = ? WHERE id = ?').run(result.format.fileTotalCents, rows, snapshotId);
    }
    // The checks that stay true of the snapshot's figures stay with it (SIGN_DIFFERS, VALUE_COMPUTED).
    const lasting = result.checks.filter(isLasting);
    if (lasting.length > 0) db.prepare('UPDATE snapshots SET checks = ? WHERE id = ?').run(JSON.stringify(lasting), snapshotId);
    // The broker's values in a base currency: which currency, and the column they came from.
    const warnings = [...result.warnings];
    if (result.format.baseValueColumn && firstId !== null) {
      const column = result.format.baseValueColumn;
      const currency = result.format.baseValueCurrency ?? portfolio.baseCurrency;
      const coverage = db
        .prepare('SELECT currency, count(base_value_cents) AS valued, count(*) AS n FROM positions WHERE id BETWEEN ? AND ? AND snapshot_id = ? GROUP BY currency ORDER BY currency')
        .all(firstId, lastId, snapshotId) as { currency: string; valued: number; n: number }[];
      const some = coverage.filter((c) => c.valued > 0).map((c) => c.currency);
      const all = coverage.filter((c) => c.valued === c.n).map((c) => c.currency);
      db.prepare('UPDATE snapshots SET base_value_currency = ?, base_value_column = ?, base_valued_some = ?, base_valued_all = ? WHERE id = ?').run(currency, column, some.join(','), all.join(','), snapshotId);
      if (currency !== '' && currency !== portfolio.baseCurrency) {
        warnings.push(`The file's values in ${currency} ("${column}") are kept, but ${portfolio.name} is in ${portfolio.baseCurrency}: its figures use exchange rates.`);
      }
    }
    const identified = resolver.finish(snapshotId, result.format.headers, result.format.mapping, now);
    warnings.push(...identified.warnings);
    const accountsLeft = accountsLeftOut(db, portfolio.id, snapshotId);
    if (accountsLeft) warnings.push(checkText(accountsLeft));
    const future = futureDateCheck(asOf, now);
    if (future) warnings.push(checkText(future));
    recordImportIssues(db, snapshotId, kept);
    // Saved rules tag the new snapshot's holdings in the same transaction (never over a manual tag).
    if (hasRules(db)) {
      const { conflicts } = applyRules(db, now, snapshotId);
      // A tie is never decided quietly (repos/rules.ts): the import says which pairs the rules left.
      if (conflicts.length > 0) warnings.push(ruleConflictsWarning(conflicts));
      // What the rules tagged reaches the keys linked to it (db/securities/links.ts).
      refreshLinkedTags(db);
    }
    if (input.rememberMapping && input.options.mapping) {
      saveMapping(db, result.format.headers, { mapping: input.options.mapping, encoding: input.options.encoding ?? null, delimiter: input.options.delimiter ?? null, decimal: input.options.decimal === 'auto' ? null : (input.options.decimal ?? null) }, now);
    }
    db.exec('COMMIT');
    const te = performance.now();
    const cpuAtEnd = threadCpuMs();
    hooks.onStages?.({
      setupMs: tp - t0,
      pipelineMs: tf - tp,
      insertMs,
      insertIdleMs: tf - tp - insertMs,
      parseBusyMs: result.timing?.busyMs ?? 0,
      parseWaitMs: result.timing?.waitMs ?? 0,
      parseCpuMs: result.timing?.cpuMs ?? null,
      insertCpuMs: cpuAtEnd !== null && cpuAtStart !== null ? cpuAtEnd - cpuAtStart : null,
      finishMs: te - tf,
    });
    report(totalBytes, true);
    return { portfolio, snapshot: getSnapshot(db, snapshotId), imported: result.positions, rejected: kept, warnings, checks: [...result.checks, ...identified.checks, ...(accountsLeft ? [accountsLeft] : []), ...(future ? [future] : [])] };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}
