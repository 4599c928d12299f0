/**
 * A currency column's cell as an ISO code. Brokers and spreadsheets write `USD`, `usd`, but also
 * `US$`, `€`, `Euro`, `£` or `円`: the symbols and names that name one currency map to its code.
 * `$` (US, Canadian, Australian... dollars) and `¥` (yen or yuan) name more than one and are refused
 * with the codes they may mean, never guessed; anything else that is not three letters (a split
 * number, `Euro Stoxx`) is refused. The caller names the line and column.
 */

/** Symbols and names that name one currency, lower-cased, spaces and dots removed. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['us$', 'USD'],
  ['usd$', 'USD'],
  ['u$s', 'USD'],
  ['usdollar', 'USD'],
  ['usdollars', 'USD'],
  ['dollarus', 'USD'],
  ['米ドル', 'USD'],
  ['米国ドル', 'USD'],
  ['usドル', 'USD'],
  ['c$', 'CAD'],
  ['ca$', 'CAD'],
  ['can$', 'CAD'],
  ['a$', 'AUD'],
  ['au$', 'AUD'],
  ['hk$', 'HKD'],
  ['nz$', 'NZD'],
  ['s$', 'SGD'],
  ['sg$', 'SGD'],
  ['r$', 'BRL'],
  ['€', 'EUR'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['ユーロ', 'EUR'],
  ['£', 'GBP'],
  ['poundsterling', 'GBP'],
  ['sterling', 'GBP'],
  ['円', 'JPY'],
  ['日本円', 'JPY'],
  ['yen', 'JPY'],
  ['sfr', 'CHF'],
  ['₹', 'INR'],
  ['人民元', 'CNY'],
  ['元', 'CNY'],
  ['₩', 'KRW'],
]);

/** Signs that stand for several currencies: the codes they may mean, as the refusal names them. */
const AMBIGUOUS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD, CAD, AUD, HKD, SGD, NZD...'],
  ['dollar', 'USD, CAD, AUD, HKD, SGD, NZD...'],
  ['dollars', 'USD, CAD, AUD, HKD, SGD, NZD...'],
  ['¥', 'JPY or CNY'],
  ['￥', 'JPY or CNY'],
  ['kr', 'SEK, NOK, DKK or ISK'],
]);

export type CurrencyCell = { ok: true; code: string } | { ok: false; ambiguous: string | null };

/** Three upper-case ASCII letters: a cell that is already a code (most rows), read as it is. */
export function isUpperCode(s: string): boolean {
  if (s.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) return false;
  }
  return true;
}

const SPACES_AND_DOTS = /[\s.\u3000]+/g;

/** A trimmed, non-empty currency cell read as an ISO code, or why it is not one. */
export function currencyOfCell(cell: string): CurrencyCell {
  // A code in lower or mixed case (`usd`, `Eur`): ASCII letters only.
  if (/^[A-Za-z]{3}$/.test(cell)) return { ok: true, code: cell.toUpperCase() };
  const key = cell.toLowerCase().replace(SPACES_AND_DOTS, '');
  const code = ALIASES.get(key);
  if (code) return { ok: true, code };
  return { ok: false, ambiguous: AMBIGUOUS.get(key) ?? null };
}
