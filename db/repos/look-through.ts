import { readTextInput } from '../files/read-text-input';
import { xlsxAsCsv } from '../files/xlsx-rows';
import { basename } from 'node:path';
import type { FundSummary } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { parseFundHoldings } from '../../shared/lookthrough/parse-fund';
import { ERROR_TEXT, FUND_ROW_TEXT, saidError } from '../../shared/api/error-text';
import { fillTemplate } from '../../shared/text/fill';
import type { Db } from '../connection';
import { isCashKey, normaliseSymbolKey } from './tags';
import { isIsin } from '../../shared/securities/identifiers';
import { SecurityResolver } from '../securities/resolve';


export function listFunds(db: Db): FundSummary[] {
  return db
    .prepare(
      `SELECT f.fund_key AS fundKey, f.as_of AS asOf, f.source_file AS sourceFile, count(h.constituent_key) AS constituents,
              coalesce(sum(h.weight_ppm), 0) / 1000000.0 AS coverage
       FROM funds f LEFT JOIN fund_holdings h ON h.fund_key = f.fund_key GROUP BY f.fund_key ORDER BY f.fund_key`,
    )
    .all() as FundSummary[];
}

/**
 * Imports an issuer's holdings file for a fund symbol, replacing its previous holdings, and
 * re-derives every fund's look-through tags, all in one transaction. A cycle (a fund that holds
 * itself through other funds) is refused and nothing is written.
 */
export async function importFundHoldings(db: Db, input: { fundSymbol: string; path: string }, now: string): Promise<FundSummary> {
  // SPDR publishes its holdings as XLSX: read to rows first, then the same reader as the CSV files.
  const text = /\.xlsx$/i.test(input.path) ? await xlsxAsCsv(input.path) : readTextInput(input.path, 'fund');
  return importFundHoldingsText(db, input.fundSymbol, basename(input.path), text, now);
}

function importFundHoldingsText(db: Db, fundSymbol: string, name: string, text: string, now: string): FundSummary {
  const fund = normaliseSymbolKey(fundSymbol);
  // Cash takes no tags (tags.ts): its look-through tags would have counted the account's cash in a theme.
  if (isCashKey(fund)) throw saidError('VALIDATION', ERROR_TEXT.fundIsCash, { key: fund });
  const parsed = parseFundHoldings(text);
  const first = parsed.errors[0];
  if (first) {
    // Said from the template of the row's reason (the app words it in its language), placed as the
    // import places its own; a reason without one in the English it came in.
    const refusal =
      first.text === FUND_ROW_TEXT.weight ? ERROR_TEXT.fundWeight : first.text === FUND_ROW_TEXT.weightOver100 ? ERROR_TEXT.fundWeightOver100 : first.text === FUND_ROW_TEXT.noHeader ? ERROR_TEXT.fundNoHeader : null;
    const params = first.params ?? {};
    const at = { file: name, line: first.line, column: null, issues: parsed.errors };
    if (!refusal) throw new AppError('IMPORT_FATAL', `${name} line ${first.line}: ${first.message} Nothing was imported.`, at);
    throw new AppError('IMPORT_FATAL', `${name} line ${first.line}: ${fillTemplate(refusal, params)}`, { ...at, text: refusal, params });
  }
  if (parsed.constituents.length === 0) {
    throw new AppError('IMPORT_FATAL', `${name}: ${ERROR_TEXT.fundNoHoldings}`, { file: name, line: null, column: null, text: ERROR_TEXT.fundNoHoldings, params: {} });
  }
  // Matched by identifier first: a constituent whose ISIN the security master knows is that
  // security, whatever ticker text the issuer wrote; else its ticker (a listing key for a foreign one).
  const byIsin = db.prepare("SELECT security_key FROM security_identifiers WHERE kind = 'isin' AND value = ?").pluck();
  for (const c of parsed.constituents) {
    const known = c.isin ? (byIsin.get(c.isin) as string | undefined) : undefined;
    if (known) c.key = known;
  }
  refuseHoldingOver100(name, parsed.constituents);
  db.transaction(() => {
    db.prepare('DELETE FROM funds WHERE fund_key = ?').run(fund);
    db.prepare('INSERT INTO funds (fund_key, as_of, source_file, imported_at) VALUES (?, ?, ?, ?)').run(fund, parsed.asOf, name, now);
    const insert = db.prepare(
      `INSERT INTO fund_holdings (fund_key, constituent_key, name, weight_ppm) VALUES (?, ?, ?, ?)
       ON CONFLICT (fund_key, constituent_key) DO UPDATE SET weight_ppm = weight_ppm + excluded.weight_ppm`,
    );
    for (const c of parsed.constituents) insert.run(fund, c.key, c.name, c.weightPpm);
    // An issuer file that gives a constituent's ticker and ISIN teaches the security master, as a broker's does.
    const learner = new SecurityResolver(db, name);
    for (const c of parsed.constituents) if (c.ticker && c.isin && !c.ticker.includes(':')) learner.resolve(c.line, c.ticker, c.ticker, c.isin, null, c.name, c.currency ?? '', false);
    learner.saveLearned(now);
    refreshLookThrough(db, now);
  })();
  return listFunds(db).find((f) => f.fundKey === fund) as FundSummary;
}

/**
 * One holding past the whole fund (a ticker listed twice, 60% + 60%) stopped on the database's check
 * as an internal error: refused, named. A file whose weights add up past 100% is a real one (a
 * Treasury fund holds 102-108% of its net assets, a leveraged fund more): it is kept, and the
 * command says its sum (FundSummary.coverage).
 */
function refuseHoldingOver100(name: string, constituents: readonly { key: string; weightPpm: number }[]): void {
  const byKey = new Map<string, number>();
  for (const c of constituents) byKey.set(c.key, (byKey.get(c.key) ?? 0) + c.weightPpm);
  for (const [key, ppm] of byKey) {
    if (Math.abs(ppm) <= 1_000_000) continue;
    const params = { key, total: (ppm / 10_000).toFixed(2) };
    throw new AppError('IMPORT_FATAL', `${name}: ${fillTemplate(ERROR_TEXT.fundHoldingOver100, params)}`, { file: name, line: null, column: null, text: ERROR_TEXT.fundHoldingOver100, params });
  }
}

/** The keys of the securities a fund's holdings file lists. */
export function fundConstituents(db: Db, fundSymbol: string): string[] {
  return db.prepare('SELECT constituent_key FROM fund_holdings WHERE fund_key = ?').pluck().all(normaliseSymbolKey(fundSymbol)) as string[];
}

/**
 * Derives each fund's theme weights from its constituents' tags (following nested funds) and
 * stores them as tags with source "look-through". A fund the user tagged by hand keeps the user's
 * tags. Called after every change to tags or holdings; the caller holds the transaction.
 */
export function refreshLookThrough(db: Db, now: string): void {
  const funds = db.prepare('SELECT fund_key FROM funds').pluck().all() as string[];
  if (funds.length === 0) return;
  const holdings = new Map<string, { key: string; ppm: number }[]>();
  for (const f of funds) holdings.set(f, db.prepare('SELECT constituent_key AS key, weight_ppm AS ppm FROM fund_holdings WHERE fund_key = ?').all(f) as { key: string; ppm: number }[]);
  const direct = (key: string) =>
    db.prepare("SELECT theme_id AS theme, weight_bp AS bp FROM tags WHERE symbol_key = ? AND source <> 'look-through'").all(key) as { theme: string; bp: number }[];
  // A constituent is a security: an issuer's ISIN or ticker finds it in the master (Tokyo's "9984" is
  // XTKS:9984), through its link if it has one; a key with tags of its own, or unknown, is itself.
  const byIsin = db.prepare("SELECT security_key FROM security_identifiers WHERE kind = 'isin' AND value = ?").pluck();
  const byTicker = db.prepare("SELECT DISTINCT security_key FROM security_identifiers WHERE kind = 'ticker' AND substr(value, instr(value, ':') + 1) = ?").pluck();
  const linkOf = db.prepare('SELECT canonical_key FROM security_links WHERE key = ?').pluck();
  const securityOf = (key: string): string => {
    let k = key;
    if (isIsin(key)) k = (byIsin.get(key) as string | undefined) ?? key;
    else if (direct(key).length === 0) {
      const listed = byTicker.all(key) as string[];
      if (listed.length === 1) k = listed[0] as string;
    }
    return (linkOf.get(k) as string | undefined) ?? k;
  };
  const derived = new Map<string, Map<string, number>>();
  const derive = (fund: string, path: string[]): Map<string, number> => {
    if (path.includes(fund)) throw new AppError('CONFLICT', `Fund ${[...path, fund].join(' → ')} holds itself; fix the holdings file. Nothing was written.`);
    const done = derived.get(fund);
    if (done) return done;
    const own = direct(fund);
    const out = new Map<string, number>(); // theme -> bp, fractional
    if (own.length > 0) for (const t of own) out.set(t.theme, t.bp);
    else {
      for (const h of holdings.get(fund) ?? []) {
        const weights = holdings.has(h.key) ? derive(h.key, [...path, fund]) : new Map(direct(securityOf(h.key)).map((t) => [t.theme, t.bp]));
        for (const [theme, bp] of weights) out.set(theme, (out.get(theme) ?? 0) + (h.ppm / 1_000_000) * bp);
      }
    }
    derived.set(fund, out);
    return out;
  };
  const remove = db.prepare("DELETE FROM tags WHERE symbol_key = ? AND source = 'look-through'");
  const upsert = db.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, source, rationale, updated_at) VALUES (?, ?, ?, 'look-through', ?, ?)");
  for (const fund of funds) {
    const weights = derive(fund, []);
    if (direct(fund).length > 0) continue; // tagged by hand: the user's tags stand
    remove.run(fund);
    let total = 0;
    for (const [theme, bp] of [...weights].sort((a, b) => b[1] - a[1])) {
      const w = Math.min(Math.round(bp), 10_000 - total);
      if (w <= 0) continue;
      upsert.run(fund, theme, w, `Derived from the holdings of ${fund}`, now);
      total += w;
    }
  }
}
