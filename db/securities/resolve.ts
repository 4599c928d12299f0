import { cusipFromIsin, identifiersInDescription, isCusip, isIsin, isSedol } from '../../shared/securities/identifiers';
import { marketOf, tickerId } from '../../shared/securities/market';
import { OR, RESOLVE_TEXT, resolveSaid } from '../../shared/securities/resolve-text';
import { checkText, IDENTIFIERS_LISTED, type IdentifierScheme, type ImportCheck } from '../../shared/import/checks';
import type { ColumnMapping, PositionField } from '../../shared/import/types';
import type { Db } from '../connection';
import { linkKeys } from './links';

export type ResolutionMethod = 'identifier' | 'ticker' | 'unknown' | 'review';

interface Resolution {
  key: string;
  method: ResolutionMethod;
  detail: string;
}

/** A key that waits for the user (Needs review): untagged, so nothing is guessed meanwhile. */
export const reviewKey = (symbolKey: string): string => `REVIEW:${symbolKey}`;

/**
 * Resolves each imported row to a security (issue: securities, not ticker strings), in the import's
 * own transaction:
 *  1. by an identifier the row carries (ISIN, CUSIP, or an ISIN or SEDOL in the description, as
 *     Fidelity writes foreign holdings), when the master knows it;
 *  2. else by ticker within the market the row's currency implies (a US broker's AAL in dollars is
 *     the US listing, American Airlines; Anglo American is XLON:AAL);
 *  3. else the row keeps its own key, as before; a non-US row whose bare ticker is a known US
 *     security's key is qualified with its market, so the two never share tags.
 * A row whose identifier and ticker name two different securities, or a ticker the master knows on
 * several exchanges with no market implied, goes to Needs review under a key of its own. Identifiers
 * with a wrong check digit are reported (file, line, column) and not used. A row carrying both a
 * ticker and a valid ISIN teaches the master, recorded with the file it came from.
 */
export class SecurityResolver {
  private readonly ids = new Map<string, string>();
  private readonly isinOf = new Map<string, string>();
  /** Tickers (any market) the master knows: a row with none of them and no identifier is resolved at once. */
  private readonly tickers = new Set<string>();
  private readonly marketsOf = new Map<string, string[]>();
  private readonly masterKeys = new Set<string>();
  private readonly cache = new Map<string, Resolution>();
  private readonly seen = new Map<string, Resolution & { n: number }>();
  private readonly bad: { line: number; field: PositionField; value: string; kind: IdentifierScheme }[] = [];
  private readonly reviews = new Map<string, { candidates: string[]; message: string }>();
  private readonly learned: { kind: 'isin' | 'cusip' | 'ticker' | 'conid'; value: string; key: string; isNew: boolean; name: string; currency: string }[] = [];

  constructor(private readonly db: Db, private readonly fileName: string) {
    for (const r of db.prepare('SELECT kind, value, security_key AS key FROM security_identifiers').all() as { kind: string; value: string; key: string }[]) {
      this.ids.set(`${r.kind}:${r.value}`, r.key);
      this.masterKeys.add(r.key);
      if (r.kind === 'isin') this.isinOf.set(r.key, r.value);
      if (r.kind === 'ticker') {
        const ticker = r.value.slice(r.value.indexOf(':') + 1);
        this.tickers.add(ticker);
        this.marketsOf.set(ticker, [...(this.marketsOf.get(ticker) ?? []), r.key]);
      }
    }
  }

  /** The key of the row's security. Arguments are the row's own fields as the parser wrote them. */
  resolve(line: number, symbolKey: string, symbol: string | null, isin: string | null, cusip: string | null, description: string, currency: string, isCash: boolean, conid: string | null = null): string {
    if (isCash) return this.note(symbolKey, 'unknown', 'cash');
    const mayHaveIds = isin !== null || cusip !== null || conid !== null || description.includes('ISIN') || description.includes('SEDOL');
    if (!mayHaveIds && !this.tickers.has(symbolKey)) return this.note(symbolKey, 'unknown', '');
    const cacheKey = `${symbolKey}\u0000${isin ?? ''}\u0000${cusip ?? ''}\u0000${conid ?? ''}\u0000${currency}\u0000${mayHaveIds && isin === null ? description : ''}`;
    let r = this.cache.get(cacheKey);
    if (!r) {
      r = this.work(symbolKey, symbol, isin, cusip, description, currency, conid);
      this.cache.set(cacheKey, r);
    }
    // Identifiers are checked on every row that carries them, so each bad one is reported with its line.
    if (mayHaveIds) this.checkIds(line, isin, cusip, description);
    return this.note(r.key, r.method, r.detail);
  }

  private checkIds(line: number, isin: string | null, cusip: string | null, description: string): void {
    if (isin !== null && !isIsin(isin)) this.bad.push({ line, field: 'isin', value: isin, kind: 'ISIN' });
    if (cusip !== null && !isCusip(cusip)) this.bad.push({ line, field: 'cusip', value: cusip, kind: 'CUSIP' });
    if (isin === null) {
      const d = identifiersInDescription(description);
      if (d.isin !== null && !isIsin(d.isin)) this.bad.push({ line, field: 'description', value: d.isin, kind: 'ISIN' });
      if (d.sedol !== null && !isSedol(d.sedol)) this.bad.push({ line, field: 'description', value: d.sedol, kind: 'SEDOL' });
    }
  }

  /**
   * Counts a row under its key; the first row of a key records how it was resolved. Runs once per
   * imported row, so it builds nothing for a key already seen (a million rows paid 0.2 s for that).
   */
  private note(key: string, method: ResolutionMethod, detail: string): string {
    const seen = this.seen.get(key);
    if (seen) seen.n++;
    else this.seen.set(key, { key, method, detail, n: 1 });
    return key;
  }

  private work(symbolKey: string, symbol: string | null, isin: string | null, cusip: string | null, description: string, currency: string, conid: string | null): Resolution {
    const fromText = isin === null ? identifiersInDescription(description) : { isin: null, sedol: null };
    const isinV = isin !== null && isIsin(isin) ? isin : fromText.isin !== null && isIsin(fromText.isin) ? fromText.isin : null;
    const cusipV = cusip !== null && isCusip(cusip) ? cusip : isinV ? cusipFromIsin(isinV) : null;
    const sedolV = fromText.sedol !== null && isSedol(fromText.sedol) ? fromText.sedol : null;
    const conidV = conid !== null && /^\d{1,12}$/.test(conid.trim()) ? conid.trim() : null;
    const byId =
      (isinV ? this.ids.get(`isin:${isinV}`) : undefined) ??
      (cusipV ? this.ids.get(`cusip:${cusipV}`) : undefined) ??
      (sedolV ? this.ids.get(`sedol:${sedolV}`) : undefined) ??
      (conidV ? this.ids.get(`conid:${conidV}`) : undefined);
    const idText = isinV ? `ISIN ${isinV}` : cusipV ? `CUSIP ${cusipV}` : sedolV ? `SEDOL ${sedolV}` : conidV ? `IBKR conid ${conidV}` : '';
    const market = marketOf(currency);
    const ticker = symbol !== null ? symbol.trim().toUpperCase() : null;
    const byTicker = ticker !== null && market !== null ? this.ids.get(`ticker:${tickerId(market, ticker)}`) : undefined;
    // The ticker names one security and an identifier another: never guessed.
    const tickerIsin = byTicker ? this.isinOf.get(byTicker) : undefined;
    if ((byId && byTicker && byId !== byTicker) || (!byId && byTicker && isinV && tickerIsin && tickerIsin !== isinV)) {
      const candidates = [byTicker, ...(byId ? [byId] : [])] as string[];
      const said = byId
        ? resolveSaid(RESOLVE_TEXT.idIsOther, { symbol: String(symbol), currency, byTicker, id: idText, byId })
        : resolveSaid(RESOLVE_TEXT.idIsNotTickers, { symbol: String(symbol), currency, byTicker, id: idText, tickerIsin: String(tickerIsin) });
      return this.review(symbolKey, candidates, said);
    }
    // A broker id seen with a security it names is learned for that security.
    const learnConid = (key: string) => {
      if (conidV && this.ids.get(`conid:${conidV}`) === undefined) {
        this.learn('conid', conidV, key, false, description, currency);
        this.ids.set(`conid:${conidV}`, key);
      }
    };
    if (byId) {
      if (ticker !== null && market !== null && !byTicker) this.learn('ticker', tickerId(market, ticker), byId, false, description, currency);
      learnConid(byId);
      return { key: byId, method: 'identifier', detail: idText };
    }
    if (byTicker) {
      if (isinV && !tickerIsin) this.learn('isin', isinV, byTicker, false, description, currency);
      learnConid(byTicker);
      // Found by ticker: the ticker and the market are known.
      const figures = { ticker: String(ticker), market: String(market), currency };
      return { key: byTicker, method: 'ticker', detail: resolveSaid(market === 'US' ? RESOLVE_TEXT.tickerInUs : RESOLVE_TEXT.tickerInMarket, figures) };
    }
    // A ticker the master knows only on other exchanges, with no market implied (a euro account's "AAL"):
    // which listing it is cannot be told without an identifier.
    const elsewhere = ticker !== null ? (this.marketsOf.get(ticker) ?? []) : [];
    if (market === null && elsewhere.length > 0 && !isinV) {
      return this.review(symbolKey, elsewhere, resolveSaid(RESOLVE_TEXT.whichExchange, { symbol: String(symbol), currency, candidates: elsewhere.join(OR) }));
    }
    // Not a known security. Outside the US, a bare ticker that is a US security's key is qualified.
    let key = symbolKey;
    if (ticker !== null && market !== null && market !== 'US' && this.masterKeys.has(symbolKey)) key = tickerId(market, ticker);
    if (isinV && ticker !== null && market !== null) {
      this.learn('isin', isinV, key, true, description, currency);
      this.learn('ticker', tickerId(market, ticker), key, true, description, currency);
      this.ids.set(`isin:${isinV}`, key);
      this.ids.set(`ticker:${tickerId(market, ticker)}`, key);
      learnConid(key);
      return { key, method: 'identifier', detail: resolveSaid(RESOLVE_TEXT.firstSeen, { id: idText, file: this.fileName }) };
    }
    return { key, method: 'unknown', detail: idText };
  }

  private review(symbolKey: string, candidates: string[], message: string): Resolution {
    const key = reviewKey(symbolKey);
    this.reviews.set(key, { candidates, message });
    return { key, method: 'review', detail: message };
  }

  private learn(kind: 'isin' | 'cusip' | 'ticker' | 'conid', value: string, key: string, isNew: boolean, name: string, currency: string): void {
    this.learned.push({ kind, value, key, isNew, name, currency });
  }

  /** What the file taught the master (identifiers, new securities), and links from keys held under an ISIN before. */
  saveLearned(now: string): void {
    const db = this.db;
    const source = `file: ${this.fileName}`;
    const security = db.prepare('INSERT OR IGNORE INTO securities (key, name, currency, source) VALUES (?, ?, ?, ?)');
    const identifier = db.prepare('INSERT OR IGNORE INTO security_identifiers (kind, value, security_key, source, added_at) VALUES (?, ?, ?, ?, ?)');
    for (const l of this.learned) {
      if (l.isNew) security.run(l.key, l.name, l.currency, source);
      identifier.run(l.kind, l.value, l.key, source, now);
      // Positions imported earlier under this ISIN alone are the same security: they take its tags.
      if (l.kind === 'isin' && l.value !== l.key) {
        // position_resolutions names every key held (a few rows per snapshot), not every position.
        const heldAsIsin = db.prepare('SELECT 1 FROM position_resolutions WHERE symbol_key = ? LIMIT 1').get(l.value) !== undefined;
        const linked = db.prepare('SELECT 1 FROM security_links WHERE key = ?').get(l.value) !== undefined;
        if (heldAsIsin && !linked) {
          try {
            linkKeys(db, l.value, l.key, 'identifier', `${source} gives ${l.value} as ${l.key}`, now);
          } catch {
            // Both keys already have tags of their own: left apart, for the user to link.
          }
        }
      }
    }
  }

  /**
   * Writes what the import found, in its transaction: each key's resolution for the snapshot, new
   * review items, what the file taught the master (and links from keys held under an ISIN before);
   * returns the identifiers that fail their check digit, as checks the window words in its
   * language, and the notes, in English (the checks' text among them).
   */
  finish(snapshotId: number, headers: readonly string[], mapping: ColumnMapping, now: string): { warnings: string[]; checks: ImportCheck[] } {
    const db = this.db;
    this.saveLearned(now);
    const resolution = db.prepare('INSERT OR REPLACE INTO position_resolutions (snapshot_id, symbol_key, method, detail, position_count) VALUES (?, ?, ?, ?, ?)');
    for (const [key, r] of this.seen) resolution.run(snapshotId, key, r.method, r.detail, r.n);
    const review = db.prepare("INSERT OR IGNORE INTO security_reviews (symbol_key, candidates, message, source, created_at) VALUES (?, ?, ?, ?, ?)");
    for (const [key, r] of this.reviews) review.run(key, r.candidates.join(','), r.message, this.fileName, now);
    const file = this.fileName;
    const checks: ImportCheck[] = this.bad.slice(0, IDENTIFIERS_LISTED).map((b) => {
      const header = mapping[b.field];
      const i = header === undefined ? -1 : headers.indexOf(header);
      return { kind: 'identifier', file, line: b.line, column: i < 0 ? null : i + 1, header: i < 0 ? null : (header as string), value: b.value, scheme: b.kind };
    });
    if (this.bad.length > IDENTIFIERS_LISTED) checks.push({ kind: 'moreIdentifiers', file, count: this.bad.length - IDENTIFIERS_LISTED });
    const warnings = checks.map(checkText);
    if (this.reviews.size > 0) warnings.push(`${this.reviews.size} holding(s) could not be identified for certain and wait in Needs review (themelens securities --unresolved); they count as untagged until confirmed.`);
    return { warnings, checks };
  }
}

/**
 * The keys of a snapshot made from positions already resolved (a repriced snapshot, a copied or
 * restored portfolio), with the resolution each key was last given, and their position counts:
 * read from the snapshot's position groups (written first), a few rows per key, not every position.
 */
export function recordSnapshotKeys(db: Db, snapshotId: number): void {
  db.prepare(
    `INSERT OR REPLACE INTO position_resolutions (snapshot_id, symbol_key, method, detail, position_count)
     SELECT @sid, p.symbol_key,
            coalesce((SELECT r.method FROM position_resolutions r WHERE r.symbol_key = p.symbol_key AND r.snapshot_id <> @sid ORDER BY r.snapshot_id DESC LIMIT 1), 'unknown'),
            coalesce((SELECT r.detail FROM position_resolutions r WHERE r.symbol_key = p.symbol_key AND r.snapshot_id <> @sid ORDER BY r.snapshot_id DESC LIMIT 1), ''),
            sum(p.position_count)
     FROM position_groups p WHERE p.snapshot_id = @sid GROUP BY p.symbol_key`,
  ).run({ sid: snapshotId });
}
