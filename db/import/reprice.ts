import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { RepriceOutcome } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { FILE_TEXT, fileRefusal } from '../../shared/api/file-text';
import { decimalToString, multiplyToCents } from '../../shared/money/decimal';
import { parseDecimal } from '../../shared/money/parse-number';
import { latestPrices, parsePricesFile, type PriceRow } from '../../shared/prices/prices-file';
import type { Db } from '../connection';
import { SnapshotWriter } from '../repos/snapshot-writer';
import { positionRange } from '../exposure/scan';
import { readTextInput } from '../files/read-text-input';
import { findPortfolioByName, getPortfolio } from '../repos/portfolios';
import { POSITION_COLUMNS } from '../../shared/import/position-columns';
import { KEPT_NAMED, checkText, type KeptValueCheck, type StoredCheck } from '../../shared/import/checks';
import { futureDateCheck } from '../../shared/import/future-date';
import type { Snapshot } from '../../shared/domain/types';
import { getSnapshot, latestSnapshot } from '../repos/snapshots';
import { columns, sql } from '../sql';

interface HeldRow {
  line: number | null;
  account: string;
  symbol: string | null;
  symbol_key: string;
  isin: string | null;
  cusip: string | null;
  description: string;
  security_type: string | null;
  quantity: string | null;
  price: string | null;
  value_cents: number;
  currency: string;
  is_cash: number;
  base_value_cents: number | null;
  conid: string | null;
}

/**
 * Revalues a portfolio's latest holdings at the prices in a file, offline (`themelens reprice`, the
 * app's "Update prices…"): a new snapshot with the same positions, each priced one at quantity x price
 * exactly to the cent. A position without a usable price keeps its last value and is listed as stale,
 * with why; cash keeps its balance. The snapshot's source is the prices file. One transaction: the
 * new snapshot with all its positions, or nothing.
 */
export function repricePortfolio(db: Db, input: { path: string; portfolioId?: number | undefined; portfolioName?: string | undefined; asOf?: string | undefined }, now: string): RepriceOutcome {
  const file = basename(input.path);
  const portfolio = input.portfolioId !== undefined ? getPortfolio(db, input.portfolioId) : input.portfolioName ? findPortfolioByName(db, input.portfolioName) : null;
  if (!portfolio) throw new AppError('NOT_FOUND', `No portfolio named ${input.portfolioName ?? ''}. Import its holdings first.`);
  const from = latestSnapshot(db, portfolio.id);
  if (!from) throw saidError('NOT_FOUND', ERROR_TEXT.nothingToReprice, { portfolio: portfolio.name });

  const text = readTextInput(input.path, 'prices');
  const parsed = parsePricesFile(text, input.asOf ?? null);
  if (!parsed.ok) throw refused(file, parsed.line, parsed.column, parsed.message);
  const chosen = latestPrices(parsed.prices, input.asOf ?? null);
  if (!chosen.ok) throw refused(file, chosen.line, null, chosen.message);
  if (chosen.byKey.size === 0) throw fileRefusal('IMPORT_FATAL', FILE_TEXT.noPrices, { file, asOf: String(input.asOf) });
  const asOf = input.asOf ?? [...chosen.byKey.values()].reduce((d, p) => (p.date > d ? p.date : d), '');
  // Holdings revalued at a date before they were held would put the new snapshot behind the one it
  // comes from, and it would never be the latest: refused, saying what to do.
  if (asOf < from.asOf) {
    throw saidError('VALIDATION', ERROR_TEXT.pricesOlder, { file, asOf, portfolio: portfolio.name, latest: from.asOf }, { file });
  }

  const range = positionRange(db, from.id);
  const held = db.prepare(sql`SELECT ${columns(POSITION_COLUMNS)} FROM positions WHERE id BETWEEN ? AND ? AND snapshot_id = ? ORDER BY id`.text).all(range.first, range.last, from.id) as HeldRow[];
  // Every key the file prices on some day, to tell "no price" from "priced only after the date".
  const inFile = new Set(parsed.prices.map((x) => x.key));

  const known = masterIdentifiers(db);
  const stale: RepriceOutcome['stale'] = [];
  let repriced = 0;
  const rows = held.map((p) => {
    if (p.is_cash === 1) return p;
    const price = priceFor(p, chosen.byKey, known);
    const name = p.symbol ?? p.symbol_key;
    if (!price) {
      const later = [p.symbol_key, p.isin, ...known(p.symbol_key)].some((k) => k !== null && inFile.has(k));
      stale.push({ symbol: name, reason: later ? `its prices in the file are after ${asOf}` : 'no price in the file' });
      return p;
    }
    if (price.currency !== p.currency) {
      stale.push({ symbol: name, reason: `the price is in ${price.currency}, the position in ${p.currency}` });
      return p;
    }
    const quantity = p.quantity === null ? null : parseDecimal(p.quantity, { decimal: '.' });
    if (!quantity || !quantity.ok) {
      stale.push({ symbol: name, reason: 'the holdings give no quantity to price' });
      return p;
    }
    // A bond quoted per 100 of face value, or an option with a multiplier, is not worth quantity x
    // price: where the holdings show that, the new price cannot be applied that way. Never guessed.
    const before = p.price === null ? null : parseDecimal(p.price, { decimal: '.' });
    if (before?.ok) {
      const expected = multiplyToCents(quantity.value, before.value);
      if (Math.abs(expected - p.value_cents) > Math.max(1, Math.abs(p.value_cents) * 0.005)) {
        stale.push({ symbol: name, reason: 'its value is not quantity x price (a bond quoted per 100, or a contract with a multiplier)' });
        return p;
      }
    }
    const cents = multiplyToCents(quantity.value, price.price);
    if (!Number.isSafeInteger(cents)) {
      stale.push({ symbol: name, reason: 'quantity x price is beyond the largest amount kept exact' });
      return p;
    }
    repriced += 1;
    // The broker's base value was of the old price: a repriced position goes through rates.
    return { ...p, price: decimalToString(price.price), value_cents: cents, base_value_cents: null };
  });
  if (repriced === 0) {
    throw fileRefusal('IMPORT_FATAL', FILE_TEXT.noPriceMatch, { file, portfolio: portfolio.name, asOf });
  }

  const sha = createHash('sha256').update(text).update(`\0${from.id}\0${asOf}`).digest('hex');
  return db.transaction(() => {
    const writer = new SnapshotWriter(db, { portfolioId: portfolio.id, asOf, sourceFile: file, sha256: sha, preset: 'reprice', importedAt: now });
    const snapshotId = writer.id;
    for (const r of rows) writer.add(POSITION_COLUMNS.map((c) => r[c]), 1);
    // The same positions, so the same currencies; each key keeps the resolution it was given.
    writer.finish({ repricedFrom: from.id });
    // Positions that kept an earlier value make the total one of two dates: the snapshot says so
    // wherever it is shown or reported (KEPT_LAST_VALUE), not only in this call's answer.
    const kept = keptCheck(db, from, asOf, stale);
    if (kept) db.prepare('UPDATE snapshots SET checks = ? WHERE id = ?').run(JSON.stringify([kept]), snapshotId);
    // A price dated 2099 made a 2099 snapshot, the portfolio's figures from then on, unsaid (an import says it).
    const future = futureDateCheck(asOf, now);
    return { portfolio, snapshot: getSnapshot(db, snapshotId), file, repricedFrom: from.id, positions: rows.length, repriced, stale, warnings: future ? [checkText(future)] : [], checks: future ? [future] : [] };
  })();
}

/**
 * What the new snapshot keeps of the positions that kept their values: how many, the first few
 * names, and how far back those values go. `from`'s own kept values are older than `from` (it was
 * repriced too): the oldest date is carried on, so a value kept twice is not dated `from`'s day.
 * Nothing when none is older than the new snapshot (revalued the day the holdings are of, a kept
 * value is of that day).
 */
function keptCheck(db: Db, from: Snapshot, asOf: string, stale: RepriceOutcome['stale']): KeptValueCheck | null {
  if (stale.length === 0) return null;
  const stored = db.prepare('SELECT checks FROM snapshots WHERE id = ?').pluck().get(from.id) as string | null;
  const earlier = stored === null ? undefined : (JSON.parse(stored) as StoredCheck[]).find((c) => c.kind === 'kept');
  const fromAsOf = earlier && earlier.fromAsOf < from.asOf ? earlier.fromAsOf : from.asOf;
  if (fromAsOf >= asOf) return null;
  // A security held in two accounts is two positions, named once.
  const names = [...new Set(stale.map((s) => s.symbol))];
  return { kind: 'kept', count: stale.length, symbols: names.slice(0, KEPT_NAMED), more: names.length > KEPT_NAMED, fromAsOf, asOf };
}

/**
 * A position's price: by ISIN where both have one, else by its symbol key or CUSIP, else by the ISIN
 * or CUSIP the security master holds for that very key. A holdings file that gave NVDA alone, priced
 * by ISIN US67066G1040, kept its last value as having "no price in the file".
 */
function priceFor(p: HeldRow, byKey: Map<string, PriceRow>, known: (symbolKey: string) => string[]): PriceRow | undefined {
  const direct = (p.isin ? byKey.get(p.isin) : undefined) ?? byKey.get(p.symbol_key) ?? (p.cusip ? byKey.get(p.cusip) : undefined);
  if (direct) return direct;
  for (const id of known(p.symbol_key)) {
    const price = byKey.get(id);
    if (price) return price;
  }
  return undefined;
}

/**
 * The ISINs and CUSIPs the security master holds for a key itself (each names one security: the
 * table's key is the identifier); asked once per key. Never through a link: a link shares tags, not a
 * price (BRK.B linked to BRK.A took BRK.A's 700,000.00, an ADR its share's). Never a ticker without
 * its market: 9984 in Tokyo is not 9984 elsewhere.
 */
function masterIdentifiers(db: Db): (symbolKey: string) => string[] {
  const query = db.prepare("SELECT value FROM security_identifiers WHERE security_key = ? AND kind IN ('isin', 'cusip') ORDER BY kind, value").pluck();
  const asked = new Map<string, string[]>();
  return (symbolKey) => {
    let ids = asked.get(symbolKey);
    if (!ids) {
      ids = query.all(symbolKey) as string[];
      asked.set(symbolKey, ids);
    }
    return ids;
  };
}

function refused(file: string, line: number, column: number | null, message: string): AppError {
  return new AppError('IMPORT_FATAL', `${file}, line ${line}${column ? `, column ${column}` : ''}: ${message}. Nothing was written.`, { file, line, ...(column ? { column } : {}) });
}
