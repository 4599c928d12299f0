/** Header names -> position fields, in English, German and French, and finding the header row. */

import type { ColumnMapping, PositionField } from './types';
import { POSITION_FIELDS } from './types';

/** Header text as compared: trimmed, lower case, single spaces, no BOM, straight apostrophes. */
export function normaliseHeader(text: string): string {
  let s = text;
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s.replace(/[\s\u00a0\u202f]+/g, ' ').replace(/[\u2018\u2019]/g, "'").trim().toLowerCase();
}

/** Known header names per field, most specific first. Compared after normaliseHeader. */
export const HEADER_SYNONYMS: Record<PositionField, readonly string[]> = {
  symbol: ['symbol', 'ticker', 'ticker symbol', 'symbole', 'code', 'symbol/isin', 'symbool/isin', 'instrument symbol', '銘柄コード', 'コード', 'ティッカー'],
  isin: ['isin', 'code isin', 'isin code', 'isin-code'],
  cusip: ['cusip', 'cusip number'],
  conid: ['conid', 'con id', 'contract id', 'contractid'],
  description: [
    'description',
    'name',
    'investment name',
    'security name',
    'security description',
    'product',
    'produkt',
    'bezeichnung',
    'wertpapier',
    'wertpapierbezeichnung',
    'name des wertpapiers',
    'libellé',
    'libelle',
    'désignation',
    'designation',
    'nom',
    'produit',
    'valeur',
    'instrument',
    'security',
    'holding',
    'company',
    'company name',
    'fund name',
    // Japanese brokers: the name, or "code name" in one cell (SBI's 銘柄（コード）, split on import).
    '銘柄（コード）',
    '銘柄(コード)',
    '銘柄名',
    '銘柄',
    'ファンド名',
  ],
  quantity: [
    'quantity',
    'qty (quantity)',
    'qty',
    'shares',
    'amount',
    'units',
    'stück',
    'stück/nominale',
    'stk.',
    'stk',
    'anzahl',
    'bestand',
    'menge',
    'nominal',
    'quantité',
    'quantite',
    'qté',
    'nombre',
    'aantal',
    'position',
    '数量',
    '保有数量',
    '保有株数',
    '口数',
  ],
  price: [
    'price',
    'last price',
    'last price $',
    'share price',
    'close price',
    'closing',
    'closing price',
    'mark price',
    'markprice',
    'current price',
    'market price',
    'kurs',
    'aktueller kurs',
    'schlusskurs',
    'cours',
    'dernier cours',
    'cours actuel',
    'prix',
    'slotkoers',
    '現在値',
    '現在価格',
    '時価',
    '基準価額',
  ],
  value: [
    'current value',
    'market value',
    'mkt val (market value)',
    'market value ($)',
    'total value',
    'value',
    'value $',
    'position value',
    'positionvalue',
    'local value',
    'kurswert',
    'marktwert',
    'wert',
    'valorisation',
    'valeur de marché',
    'valeur actuelle',
    'montant',
    'lokale waarde',
    '評価額',
    '時価評価額',
  ],
  baseValue: [
    'value in base currency',
    'value in base',
    'base value',
    'market value in base currency',
    'market value (base)',
    'positionvalueinbase',
    'position value in base',
  ],
  fxRateToBase: ['fxratetobase', 'fx rate to base', 'fx rate to base currency'],
  currency: ['currency', 'currencyprimary', 'currency primary', 'ccy', 'währung', 'whg', 'whg.', 'devise', 'monnaie', 'valuta', 'munt', '通貨', '決済通貨'],
  account: [
    'account number',
    'account',
    'account name',
    'account id',
    'clientaccountid',
    'konto',
    'kontonummer',
    'depot',
    'depotnummer',
    'compte',
    'numéro de compte',
    '預り区分',
    '口座区分',
  ],
  securityType: [
    'security type',
    'asset class',
    'asset category',
    'assetclass',
    'investment type',
    'type',
    'product type',
    'gattung',
    'wertpapierart',
    'art',
    'type de titre',
    'classe d\'actif',
  ],
};

const SYNONYM_FIELD = new Map<string, { field: PositionField; rank: number }>();
for (const field of POSITION_FIELDS) {
  HEADER_SYNONYMS[field].forEach((name, rank) => {
    if (!SYNONYM_FIELD.has(name)) SYNONYM_FIELD.set(name, { field, rank });
  });
}

/** Column index per field; -1 when the file has no such column. */
export type ColumnIndexes = Record<PositionField, number>;

export function emptyIndexes(): ColumnIndexes {
  return { account: -1, symbol: -1, isin: -1, cusip: -1, description: -1, securityType: -1, quantity: -1, price: -1, value: -1, currency: -1, baseValue: -1, fxRateToBase: -1, conid: -1 };
}

/** "Value in EUR", "Kurswert in EUR", "Waarde in EUR", "Valeur en EUR", "Market value (EUR)": a value column in one named currency. */
const VALUE_IN_CURRENCY = /^(?:value|market value|position value|kurswert|marktwert|wert|waarde|valeur|valorisation|montant)\s*(?:in|en|\(|-)\s*([a-z]{3})\)?$/;

/** The currency a base-value header names: "EUR" for "Value in EUR"; null for "value in base" and the like. */
export function baseValueCurrencyOf(header: string): string | null {
  const m = VALUE_IN_CURRENCY.exec(normaliseHeader(header));
  return m && m[1] !== 'base' ? (m[1] as string).toUpperCase() : null;
}

/**
 * Maps headers to fields automatically: for each field the header whose name ranks best among
 * its synonyms; one header serves one field.
 */
export function autoMapIndexes(headers: readonly string[]): ColumnIndexes {
  const indexes = emptyIndexes();
  const bestRank: Partial<Record<PositionField, number>> = {};
  for (let i = 0; i < headers.length; i++) {
    const hit = SYNONYM_FIELD.get(normaliseHeader(headers[i]!));
    if (!hit) continue;
    const prev = bestRank[hit.field];
    if (prev === undefined || hit.rank < prev) {
      bestRank[hit.field] = hit.rank;
      indexes[hit.field] = i;
    }
  }
  // A value in one named currency beside the local value is the broker's base value. Alone, it is
  // the only value there is and stays unmapped, as it always was (the user can map it as the value).
  if (indexes.baseValue < 0 && indexes.value >= 0) {
    const i = headers.findIndex((h, j) => j !== indexes.value && baseValueCurrencyOf(h) !== null);
    if (i >= 0) indexes.baseValue = i;
  }
  return indexes;
}

/** True when the columns can make positions: something naming the holding and something giving its size. */
export function isUsable(indexes: ColumnIndexes): boolean {
  const names = indexes.symbol >= 0 || indexes.isin >= 0 || indexes.cusip >= 0 || indexes.description >= 0;
  const sizes = indexes.value >= 0 || indexes.quantity >= 0;
  return names && sizes;
}

/**
 * Index of the header named `name` (compared normalised), or -1. Where two columns share a name,
 * "Market Value#2" names the second (the first is plain "Market Value", as headerLabels shows them).
 */
export function findHeader(headers: readonly string[], name: string): number {
  const want = normaliseHeader(name);
  for (let i = 0; i < headers.length; i++) if (normaliseHeader(headers[i]!) === want) return i;
  const nth = /^(.*)#(\d+)$/.exec(name.trim());
  if (!nth) return -1;
  const base = normaliseHeader(nth[1] as string);
  let seen = 0;
  for (let i = 0; i < headers.length; i++) if (normaliseHeader(headers[i]!) === base && ++seen === Number(nth[2])) return i;
  return -1;
}

/** Each header as the user picks it: its text, with "#2", "#3"... on the second and later columns of one name. */
export function headerLabels(headers: readonly string[]): string[] {
  const count = new Map<string, number>();
  return headers.map((h) => {
    const key = normaliseHeader(h);
    const n = (count.get(key) ?? 0) + 1;
    count.set(key, n);
    return n === 1 || key === '' ? h.trim() : `${h.trim()}#${n}`;
  });
}

/**
 * One line per mapped field whose column shares its name with another: which one was used and how to
 * choose the other. Never silent, because the two often hold different figures (local and base value).
 */
export function duplicateHeaderNotes(headers: readonly string[], indexes: ColumnIndexes): string[] {
  const labels = headerLabels(headers);
  const notes: string[] = [];
  for (const field of POSITION_FIELDS) {
    const i = indexes[field];
    if (i < 0) continue;
    const key = normaliseHeader(headers[i]!);
    const same = headers.map((h, j) => (normaliseHeader(h) === key ? j : -1)).filter((j) => j >= 0);
    if (same.length < 2) continue;
    const others = same.filter((j) => j !== i).map((j) => `"${labels[j]}" (column ${j + 1})`);
    notes.push(`The header has ${same.length} columns named "${headers[i]!.trim()}" (columns ${same.map((j) => j + 1).join(', ')}); ${field} was read from column ${i + 1}. To use ${others.join(' or ')}, choose it on the mapping screen or add --map ${field}="${labels[same.find((j) => j !== i)!]}".`);
  }
  return notes;
}

/** The mapping as header labels (headerLabels), for FileFormat and the mapping screen. */
export function indexesToMapping(headers: readonly string[], indexes: ColumnIndexes): ColumnMapping {
  const labels = headerLabels(headers);
  const mapping: ColumnMapping = {};
  for (const field of POSITION_FIELDS) {
    const i = indexes[field];
    if (i >= 0) mapping[field] = labels[i] as string;
  }
  return mapping;
}
