/**
 * Built-in broker presets, recognised by the header row's fingerprint (each preset says what its
 * broker's file looks like). Longer than 300 lines: a table of self-contained entries, one per
 * broker layout, each with the comment that says where its quirks come from.
 */

import type { ParseContext } from './context';
import { offerAsOf } from './context';
import { findDate, readDateCell } from './dates';
import type { ColumnIndexes } from './header';
import type { ParsedPosition } from './types';
import { autoMapIndexes, normaliseHeader } from './header';
import { decimalToCents, parseDecimal } from '../money/parse-number';
import { ROW_TEXT, rowReason, type RowReason } from './row-text';

/** How a preset sorts a row before the generic rules; undefined lets the generic rules decide. */
/** How a preset sorts a row; `reject`: a row error with that message (a row it knows it cannot read right). */
export type RowVerdict = 'data' | 'skip' | 'total' | { reject: RowReason };

export interface Preset {
  id: string;
  name: string;
  /** True when this normalised header row is this broker's. */
  matches(header: readonly string[]): boolean;
  /** True when the first non-blank row alone identifies the file (IBKR statements). */
  matchesFirstRow?(cells: readonly string[]): boolean;
  /** For files whose header row is marked rather than found by names. */
  isHeaderRow?(cells: readonly string[]): boolean;
  /** Column indexes for this broker's header. */
  columns(headers: readonly string[]): ColumnIndexes;
  /** Sorts a row after the header before the generic rules. */
  classify?(cells: readonly string[], ctx: ParseContext, line: number): RowVerdict | undefined;
  /** Called once with the header row. */
  onHeader?(headers: readonly string[], ctx: ParseContext): void;
  /** Reads a title, footer or other-section line. */
  readMeta?(cells: readonly string[], ctx: ParseContext, line: number): void;
  /** Last touches once every row is read (IBKR names its instruments after the positions). */
  finish?(positions: ParsedPosition[], ctx: ParseContext): void;
  /** True when a total row states the sum of the positions (a checksum worth checking). */
  totalIsChecksum: boolean;
  /** Some rows' prices are in another currency than their values (Rakuten's US stocks): quantity x price is not compared with the value. */
  pricesInOtherCurrency?: boolean;
  /** Slash dates in this broker's lines are day-first. */
  dayFirst?: boolean;
  /**
   * The currency of every amount when the file has no currency column: a US broker's export is in
   * dollars whatever the portfolio's base currency (never the base currency by default).
   */
  currency?: string;
}

function has(header: readonly string[], ...names: string[]): boolean {
  for (const n of names) if (!header.includes(n)) return false;
  return true;
}

function hasAny(header: readonly string[], ...names: string[]): boolean {
  for (const n of names) if (header.includes(n)) return true;
  return false;
}

function indexOfNorm(headers: readonly string[], ...names: string[]): number {
  for (let i = 0; i < headers.length; i++) {
    if (names.includes(normaliseHeader(headers[i]!))) return i;
  }
  return -1;
}

function nonEmpty(cells: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    const t = c.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

const fidelity: Preset = {
  id: 'fidelity',
  currency: 'USD',
  name: 'Fidelity (Portfolio_Positions)',
  matches: (h) => has(h, 'account number', 'symbol', 'description', 'quantity', 'last price', 'current value'),
  columns(headers) {
    const idx = autoMapIndexes(headers);
    // Fidelity's `Type` is the account type (Cash, Margin), not the security type.
    idx.securityType = indexOfNorm(headers, 'investment type');
    return idx;
  },
  totalIsChecksum: true,
};

const SCHWAB_TITLE = /positions for account\s+(.+?)\s+as of\b/i;
const SCHWAB_ALL = /^positions for (all[- ]accounts|all accounts)/i;

const schwab: Preset = {
  id: 'schwab',
  currency: 'USD',
  name: 'Charles Schwab (Positions)',
  matches: (h) =>
    has(h, 'symbol', 'description') &&
    hasAny(h, 'qty (quantity)', 'quantity') &&
    hasAny(h, 'mkt val (market value)', 'market value') &&
    hasAny(h, '% of acct (% of account)', '% of account', 'security type') &&
    !h.includes('account number'),
  columns: (headers) => autoMapIndexes(headers),
  readMeta(cells, ctx) {
    const texts = nonEmpty(cells);
    if (texts.length !== 1) return;
    const text = texts[0]!;
    const m = SCHWAB_TITLE.exec(text);
    if (m) ctx.account = m[1]!.trim();
    else if (!SCHWAB_ALL.test(text) && text.length <= 60 && findDate(text) === null) ctx.account = text;
  },
  totalIsChecksum: true,
};

const vanguard: Preset = {
  id: 'vanguard',
  currency: 'USD',
  name: 'Vanguard (OfxDownload)',
  matches: (h) => has(h, 'investment name', 'symbol', 'shares', 'share price', 'total value') && !h.includes('trade date'),
  columns: (headers) => autoMapIndexes(headers),
  totalIsChecksum: true,
};

const IBKR_FIRST_SECTIONS = ['statement', 'account information'];

const ibkrActivity: Preset = {
  id: 'ibkr-activity',
  name: 'Interactive Brokers (Activity statement)',
  matches: (h) => h[0] === 'open positions' && h[1] === 'header',
  matchesFirstRow: (cells) => IBKR_FIRST_SECTIONS.includes(normaliseHeader(cells[0] ?? '')) && normaliseHeader(cells[1] ?? '') === 'header',
  isHeaderRow: (cells) => cells[0]?.trim() === 'Open Positions' && cells[1]?.trim() === 'Header',
  columns(headers) {
    const idx = autoMapIndexes(headers);
    idx.price = indexOfNorm(headers, 'close price', 'mark price', 'price');
    return idx;
  },
  onHeader(headers, ctx) {
    ctx.state['discriminator'] = headers.findIndex((c) => c.trim() === 'DataDiscriminator');
  },
  classify(cells, ctx, line) {
    const section = cells[0]?.trim();
    const kind = cells[1]?.trim();
    if (section !== 'Open Positions') {
      this.readMeta!(cells, ctx, line);
      return 'skip';
    }
    if (kind === 'Header') return 'skip';
    if (kind === 'Total' || kind === 'SubTotal') return 'total';
    if (kind !== 'Data') return 'skip';
    const d = ctx.state['discriminator'];
    if (typeof d === 'number' && d >= 0 && cells[d]?.trim() !== 'Summary') return 'skip';
    return 'data';
  },
  readMeta(cells, ctx, line) {
    const section = cells[0]?.trim();
    const kind = cells[1]?.trim();
    if (kind === 'Header') {
      if (section === 'Financial Instrument Information') ctx.state['fiiHeader'] = cells.map((c) => c.trim());
      if (section === 'Cash Report') {
        ctx.state['cashCurrency'] = cells.findIndex((c) => c.trim() === 'Currency');
        ctx.state['cashTotal'] = cells.findIndex((c) => c.trim() === 'Total');
      }
      return;
    }
    if (kind !== 'Data') return;
    const field = cells[2]?.trim();
    const value = cells[3]?.trim() ?? '';
    if (section === 'Financial Instrument Information') {
      const h = ctx.state['fiiHeader'];
      if (Array.isArray(h)) {
        const si = h.indexOf('Symbol');
        const di = h.indexOf('Description');
        const ai = h.indexOf('Security ID');
        if (si >= 0 && di >= 0) {
          const names = (ctx.state['names'] ??= new Map<string, { description: string; isin: string }>()) as Map<string, { description: string; isin: string }>;
          names.set(cells[si]?.trim() ?? '', { description: cells[di]?.trim() ?? '', isin: ai >= 0 ? (cells[ai]?.trim() ?? '') : '' });
        }
      }
      return;
    }
    if (section === 'Statement' && field === 'Period') offerAsOf(ctx, findDate(value), 0);
    else if (section === 'Account Information' && field === 'Base Currency') ctx.baseCurrency = value.toUpperCase();
    else if (section === 'Account Information' && field === 'Account') ctx.account = value;
    else if (section === 'Cash Report' && field === 'Ending Cash') {
      const ci = ctx.state['cashCurrency'];
      const ti = ctx.state['cashTotal'];
      if (typeof ci !== 'number' || typeof ti !== 'number' || ci < 0 || ti < 0) return;
      const currency = cells[ci]?.trim() ?? '';
      if (!/^[A-Z]{3}$/.test(currency)) return; // skips "Base Currency Summary"
      const valueText = cells[ti]?.trim() ?? '';
      if (valueText === '' || valueText === '0') return;
      ctx.extraCash.push({ line, currency, valueText, description: `Cash (${currency})` });
    }
  },
  finish(positions, ctx) {
    const names = ctx.state['names'];
    if (!(names instanceof Map)) return;
    for (const p of positions) {
      if (p.symbol === null) continue;
      const info = (names as Map<string, { description: string; isin: string }>).get(p.symbol);
      if (!info) continue;
      if (p.description === '') p.description = info.description;
      if (p.isin === null && /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/.test(info.isin)) p.isin = info.isin;
    }
  },
  totalIsChecksum: false,
};

const FLEX_MARKERS = new Set(['BOF', 'EOF', 'BOA', 'EOA', 'BOS', 'EOS', 'HEADER', 'TRAILER']);

const ibkrFlex: Preset = {
  id: 'ibkr-flex',
  name: 'Interactive Brokers (Flex query)',
  matches: (h) => h.includes('clientaccountid') || (h.includes('currencyprimary') && hasAny(h, 'markprice', 'positionvalue')),
  columns(headers) {
    const idx = autoMapIndexes(headers);
    idx.price = indexOfNorm(headers, 'markprice', 'mark price', 'closeprice', 'price');
    idx.value = indexOfNorm(headers, 'positionvalue', 'position value', 'value');
    return idx;
  },
  classify(cells, ctx) {
    const first = cells[0]?.trim() ?? '';
    if (FLEX_MARKERS.has(first)) return 'skip';
    if (ctx.asOfRank > 0) {
      const i = ctx.state['reportDate'];
      if (typeof i === 'number' && i >= 0) offerAsOf(ctx, readDateCell(cells[i] ?? ''), 0);
    }
    return undefined;
  },
  onHeader(headers, ctx) {
    ctx.state['reportDate'] = headers.findIndex((c) => normaliseHeader(c) === 'reportdate');
  },
  totalIsChecksum: false,
};

const etrade: Preset = {
  id: 'etrade',
  currency: 'USD',
  name: 'E*TRADE (PortfolioDownload)',
  matches: (h) => has(h, 'symbol', 'quantity') && hasAny(h, 'last price $', 'last price') && hasAny(h, 'value $') && h.includes("day's gain $"),
  columns: (headers) => autoMapIndexes(headers),
  readMeta(cells, ctx) {
    const first = cells[0]?.trim() ?? '';
    if (ctx.state['expectAccount'] === true) {
      ctx.state['expectAccount'] = false;
      if (first !== '') ctx.account = first;
      return;
    }
    if (normaliseHeader(first) === 'account' && cells.length > 1) ctx.state['expectAccount'] = true;
  },
  // E*TRADE's TOTAL row shifts its values into other columns: not a usable checksum.
  totalIsChecksum: false,
};

const degiro: Preset = {
  id: 'degiro',
  name: 'DEGIRO (Portfolio)',
  matches: (h) => hasAny(h, 'product', 'produkt', 'produit') && hasAny(h, 'symbol/isin', 'symbool/isin') && hasAny(h, 'local value', 'lokale waarde', 'lokaler wert', 'valeur locale'),
  columns(headers) {
    const idx = autoMapIndexes(headers);
    idx.description = indexOfNorm(headers, 'product', 'produkt', 'produit');
    idx.symbol = indexOfNorm(headers, 'symbol/isin', 'symbool/isin');
    idx.quantity = indexOfNorm(headers, 'amount', 'aantal', 'anzahl', 'quantité', 'quantity');
    idx.price = indexOfNorm(headers, 'closing', 'slotkoers', 'schlusskurs', 'clôture', 'cours de clôture', 'price');
    const local = indexOfNorm(headers, 'local value', 'lokale waarde', 'lokaler wert', 'valeur locale');
    // `Local value` holds the currency code; the unnamed column after it holds the amount.
    idx.currency = local;
    idx.value = local >= 0 && normaliseHeader(headers[local + 1] ?? 'x') === '' ? local + 1 : -1;
    return idx;
  },
  totalIsChecksum: true,
  dayFirst: true,
};

/** A section title of SBI's portfolio CSV: "株式（現物/特定預り）", "投資信託（金額/NISA預り（つみたて投資枠））". */
const SBI_SECTION = /預り|投資枠|^(株式|国内株式|投資信託|外国株式|米国株式|債券|MMF)/;
/** Sections whose amounts are not in yen: refused row by row until their layout is known, never read as yen. */
const SBI_FOREIGN = /外国|米国|外貨|USD|ドル/;
const SBI_HEADER_FIRST = new Set(['銘柄（コード）', '銘柄(コード)', 'ファンド名', '銘柄名', '銘柄']);

/**
 * SBI Securities' portfolio CSV (ポートフォリオ): a title and a "YYYY/MM/DD HH:MM現在" line, then one
 * section per account type (特定預り, 一般預り, NISA 成長投資枠, NISA つみたて投資枠), each a title line,
 * its own header row and a 合計 line; a 総合計 line at the end is checked against the positions. Each
 * section is an account. Amounts are yen; funds' 評価額 is their value whatever their price's unit
 * (per 10,000 units).
 */
const sbi: Preset = {
  id: 'sbi',
  name: 'SBI Securities (ポートフォリオ)',
  matches: (h) => hasAny(h, '銘柄（コード）', '銘柄(コード)') && h.includes('評価額'),
  columns(headers) {
    const idx = autoMapIndexes(headers);
    idx.symbol = -1;
    idx.description = indexOfNorm(headers, '銘柄（コード）', '銘柄(コード)');
    idx.value = indexOfNorm(headers, '評価額');
    idx.quantity = indexOfNorm(headers, '数量', '保有数量', '保有株数');
    idx.price = indexOfNorm(headers, '現在値', '基準価額');
    return idx;
  },
  readMeta(cells, ctx) {
    const title = cells.map((c) => c.trim()).find((c) => c !== '') ?? '';
    if (SBI_SECTION.test(title) && !title.includes('現在')) {
      ctx.account = title;
      ctx.state['foreign'] = SBI_FOREIGN.test(title);
    }
  },
  classify(cells, ctx) {
    const first = (cells[0] ?? '').trim();
    // A section's own header row (funds name their first column ファンド名) and its total.
    if (SBI_HEADER_FIRST.has(first)) return 'skip';
    if (first === '合計') return 'skip';
    if (first === '総合計') return undefined;
    if (ctx.state['foreign'] === true && first !== '') {
      return { reject: rowReason(ROW_TEXT.foreignSection, { section: ctx.account ?? '' }) };
    }
    return undefined;
  },
  totalIsChecksum: true,
  currency: 'JPY',
};

/** Rakuten's row kinds (種別) whose amounts are in a foreign currency, with that currency. */
const RAKUTEN_FOREIGN: Record<string, string> = { 米国株式: 'USD', 米国ETF: 'USD' };

/**
 * Rakuten Securities' 保有商品一覧 (assetbalance) CSV: a 資産合計 summary, then "■ 保有商品詳細" with
 * one row per holding: 種別 (国内株式, 米国株式, 投資信託...), 銘柄コード・ティッカー, 銘柄, 口座 (特定,
 * NISA成長投資枠, つみたてNISA...), 保有数量, units in 【単位】 columns, and 時価評価額[円] (every row's
 * value in yen) beside 時価評価額[外貨]. Each 口座 is an account. Domestic rows are yen; a US row is
 * its dollars (時価評価額[外貨]) with the yen figure as the broker's base value, so a JPY portfolio
 * is valued at Rakuten's own figures and the security is the US listing. Funds are valued at their
 * 時価評価額[円] (their price is per 10,000 units).
 */
const rakuten: Preset = {
  id: 'rakuten',
  name: 'Rakuten Securities (保有商品一覧)',
  // Brackets are ASCII in some versions of the export and full-width (［円］) in others.
  matches: (h) => has(h, '種別', '銘柄コード・ティッカー') && hasAny(h, '時価評価額[円]', '時価評価額［円］'),
  columns(headers) {
    const idx = autoMapIndexes(headers);
    idx.symbol = indexOfNorm(headers, '銘柄コード・ティッカー');
    idx.description = indexOfNorm(headers, '銘柄');
    idx.account = indexOfNorm(headers, '口座');
    idx.quantity = indexOfNorm(headers, '保有数量');
    idx.price = indexOfNorm(headers, '現在値');
    idx.value = indexOfNorm(headers, '時価評価額[円]', '時価評価額［円］');
    // The yen value is each row's base value too: for a US row it stays the base value when the
    // row's own value becomes its dollars (finish).
    idx.baseValue = idx.value;
    idx.currency = -1;
    return idx;
  },
  onHeader(headers, ctx) {
    ctx.baseCurrency = 'JPY';
    ctx.state['kind'] = headers.findIndex((h) => normaliseHeader(h) === '種別');
    ctx.state['foreignValue'] = headers.findIndex((h) => ['時価評価額[外貨]', '時価評価額［外貨］'].includes(normaliseHeader(h)));
    ctx.state['foreignRows'] = new Map<number, { currency: string; cell: string }>();
  },
  classify(cells, ctx, line) {
    const k = ctx.state['kind'];
    const f = ctx.state['foreignValue'];
    const rows = ctx.state['foreignRows'];
    if (typeof k !== 'number' || typeof f !== 'number' || !(rows instanceof Map)) return undefined;
    const kind = (cells[k] ?? '').trim();
    const currency = RAKUTEN_FOREIGN[kind];
    if (!currency) return undefined;
    const cell = (cells[f] ?? '').trim();
    const amount = parseDecimal(cell);
    if (f < 0 || !amount.ok) return { reject: rowReason(ROW_TEXT.noForeignValue, { kind, currency, cell }) };
    rows.set(line, { currency, cell });
    return undefined;
  },
  finish(positions, ctx) {
    const rows = ctx.state['foreignRows'];
    if (!(rows instanceof Map)) return;
    for (const p of positions) {
      const foreign = (rows as Map<number, { currency: string; cell: string }>).get(p.line);
      if (!foreign) continue;
      const amount = parseDecimal(foreign.cell);
      if (!amount.ok) continue;
      p.baseValueCents = p.valueCents;
      p.valueCents = decimalToCents(amount.value);
      p.currency = foreign.currency;
    }
  },
  totalIsChecksum: false,
  pricesInOtherCurrency: true,
  currency: 'JPY',
};

/** All built-in presets, most specific first. */
export const BUILT_IN_PRESETS: readonly Preset[] = [ibkrActivity, ibkrFlex, fidelity, schwab, vanguard, etrade, degiro, sbi, rakuten];

/** Id and name of every built-in preset, for the UI's preset menu. */
export const PRESETS: readonly { id: string; name: string }[] = BUILT_IN_PRESETS.map((p) => ({ id: p.id, name: p.name }));

export function presetById(id: string): Preset | null {
  return BUILT_IN_PRESETS.find((p) => p.id === id) ?? null;
}

/** The preset whose fingerprint matches this (normalised) header row, if any. */
export function presetForHeader(normalisedHeader: readonly string[]): Preset | null {
  for (const p of BUILT_IN_PRESETS) if (p.matches(normalisedHeader)) return p;
  return null;
}
