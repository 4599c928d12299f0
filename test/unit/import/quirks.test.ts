import { describe, it, expect } from 'vitest';
import { decodeBytes, decodeUtf8Strict } from '../../../shared/import/decode';
import { sniffDelimiter } from '../../../shared/import/dialect';
import { autoMapIndexes } from '../../../shared/import/header';
import { MAX_FILE_BYTES, parseHoldings, previewHoldings } from '../../../shared/import/parse';
import { tokenize } from '../../../shared/import/tokenize';
import { bySymbolKey, bytesOf, fixture, parseOk, totals } from './helpers';
import { ROW_TEXT } from '../../../shared/import/row-text';

describe('file quirks', () => {
  it('windows-1252, `;`, decimal comma with `.` thousands, title lines, German headers', () => {
    const r = parseOk('generic-german-semicolon.csv');
    expect(r.format).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerLine: 5, preset: null, asOf: '2026-11-24' });
    expect(r.format.headers).toEqual(['Bezeichnung', 'ISIN', 'Stück', 'Kurs', 'Währung', 'Kurswert']);
    expect(r.format.mapping).toEqual({ description: 'Bezeichnung', isin: 'ISIN', quantity: 'Stück', price: 'Kurs', currency: 'Währung', value: 'Kurswert' });
    expect(r.positions).toHaveLength(6);
    // EUR: 17850.00 + 5785.00 + 6624.00 + 37328.50 + 2500.00 cash; USD: 1836.00
    expect(totals(r.positions)).toEqual({ EUR: 7008750, USD: 183600 });
    // `1.234` in a decimal-comma column is one thousand two hundred thirty-four shares.
    expect(bySymbolKey(r.positions, 'DE0005557508')).toMatchObject({ quantity: '1234', price: '30.25', isin: 'DE0005557508', symbol: null });
    expect(bySymbolKey(r.positions, 'DE0007164600').valueCents).toBe(578500);
    expect(bySymbolKey(r.positions, 'CASH:EUR')).toMatchObject({ description: 'Liquidität', isCash: true });
  });

  it('French headers, no-break and narrow no-break thousands, day-first date', () => {
    const r = parseOk('generic-french.csv');
    expect(r.format).toMatchObject({ delimiter: ';', headerLine: 4, asOf: '2026-11-03' });
    expect(r.format.mapping).toMatchObject({ description: 'Libellé', isin: 'Code ISIN', quantity: 'Quantité', price: 'Cours', currency: 'Devise', value: 'Valorisation' });
    expect(r.positions).toHaveLength(5);
    // 8617.00 + 6584.40 + 3468.00 + 1716.40 + 1250.00
    expect(totals(r.positions)).toEqual({ EUR: 2163580 });
    expect(bySymbolKey(r.positions, 'CASH:EUR').description).toBe('Espèces');
  });

  it('UTF-16LE with BOM, tab-delimited, Japanese names', () => {
    const r = parseOk('utf16le.csv');
    expect(r.format).toMatchObject({ encoding: 'utf-16le', hadBom: true, delimiter: '\t' });
    expect(r.positions).toHaveLength(3);
    expect(totals(r.positions)).toEqual({ USD: 352824, JPY: 95125000 });
    expect(bySymbolKey(r.positions, '9984').description).toBe('ソフトバンクグループ');
  });

  it('UTF-16 without a BOM is found by its null bytes (LE and BE)', () => {
    const text = 'Symbol,Value\nNVDA,10.50\n';
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i);
      be[2 * i + 1] = text.charCodeAt(i);
    }
    expect(parseOk(le).format.encoding).toBe('utf-16le');
    expect(parseOk(be).format.encoding).toBe('utf-16be');
    expect(parseOk(be).positions[0]!.valueCents).toBe(1050);
  });

  it('honours an encoding override', () => {
    const bytes = fixture('generic-german-semicolon.csv');
    const r = parseOk(bytes, { encoding: 'iso-8859-1' });
    expect(r.format.encoding).toBe('iso-8859-1');
    expect(r.format.headers[2]).toBe('Stück');
    const bad = parseHoldings(bytes, { encoding: 'klingon' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
  });

  it('reads ASCII bytes (the quick latin1 path) as the strict decoder does, and leaves any other byte to it', () => {
    // Every ASCII byte, a view into a larger buffer (the chunk of a file), from an offset.
    const all = new Uint8Array(300);
    for (let i = 0; i < 128; i++) all[100 + i] = i;
    const view = all.subarray(100, 228);
    expect(decodeUtf8Strict(view, 0)).toBe(String.fromCharCode(...Array.from({ length: 128 }, (_, i) => i)));
    expect(decodeUtf8Strict(view, 65)).toBe(String.fromCharCode(...Array.from({ length: 63 }, (_, i) => 65 + i)));
    // Not ASCII: UTF-8 decoded as UTF-8 (not as latin1's "WÃ¤hrung"); a lone 0xE4 is not UTF-8.
    expect(decodeUtf8Strict(bytesOf('Währung, 銘柄'), 0)).toBe('Währung, 銘柄');
    expect(decodeUtf8Strict(new Uint8Array([0x57, 0xe4, 0x2c]), 0)).toBeNull();
    // A byte order mark is kept, as the strict decoder keeps it (ignoreBOM).
    expect(decodeUtf8Strict(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 0)).toBe('\ufeffA');
  });

  it('decodes valid UTF-8 as UTF-8 and invalid UTF-8 as windows-1252', () => {
    expect(decodeBytes(bytesOf('Währung'))).toMatchObject({ ok: true, encoding: 'utf-8', text: 'Währung' });
    expect(decodeBytes(new Uint8Array([0x57, 0xe4, 0x80]))).toMatchObject({ ok: true, encoding: 'windows-1252', text: 'Wä€' });
  });

  it('finds Shift_JIS and EUC-JP by their kana, and never takes European windows-1252 text for them', () => {
    // "銘柄,数量\nソフトバンク,100" in Shift_JIS (CP932) and in EUC-JP.
    const sjis = new Uint8Array([0x96, 0xc1, 0x95, 0xbf, 0x2c, 0x90, 0x94, 0x97, 0xca, 0x0a, 0x83, 0x5c, 0x83, 0x74, 0x83, 0x67, 0x83, 0x6f, 0x83, 0x93, 0x83, 0x4e, 0x2c, 0x31, 0x30, 0x30]);
    expect(decodeBytes(sjis)).toMatchObject({ ok: true, encoding: 'shift_jis', text: '銘柄,数量\nソフトバンク,100' });
    const euc = new Uint8Array([0xcc, 0xc3, 0xca, 0xc1, 0x2c, 0xbf, 0xf4, 0xce, 0xcc, 0x0a, 0xa5, 0xbd, 0xa5, 0xd5, 0xa5, 0xc8, 0xa5, 0xd0, 0xa5, 0xf3, 0xa5, 0xaf, 0x2c, 0x31, 0x30, 0x30]);
    expect(decodeBytes(euc)).toMatchObject({ ok: true, encoding: 'euc-jp', text: '銘柄,数量\nソフトバンク,100' });
    // German and French in windows-1252: "ä", "ü", "ß", "é" would read as kanji or half-width kana in Shift_JIS.
    const latin = Uint8Array.from(Buffer.from('Bezeichnung;Währung;Stück;Kurswert\nMüller Straße;EUR;10;1.234,56\nSociété Générale;EUR;5;élevé\n', 'latin1'));
    expect(decodeBytes(latin)).toMatchObject({ ok: true, encoding: 'windows-1252' });
  });

  it('parentheses mean negative', () => {
    const r = parseOk('parentheses-negative.csv');
    expect(r.positions).toHaveLength(4);
    // 18360.00 - 2625.00 - 2210.00 - 1234.56
    expect(totals(r.positions)).toEqual({ USD: 1229044 });
    expect(bySymbolKey(r.positions, 'VRT')).toMatchObject({ quantity: '-20', valueCents: -262500 });
    expect(bySymbolKey(r.positions, 'CASH:USD')).toMatchObject({ isCash: true, valueCents: -123456, description: 'Margin balance' });
  });

  it('shorts keep their sign; Unicode minus; missing value = quantity x price', () => {
    const r = parseOk('short-positions.csv');
    expect(r.positions).toHaveLength(4);
    // -2849.50 + 9180.00 + (-30 x 35.12 = -1053.60) + (-200 x 38.125 = -7625.00)
    expect(totals(r.positions)).toEqual({ USD: -234810 });
    expect(bySymbolKey(r.positions, 'SLB')).toMatchObject({ quantity: '-30', valueCents: -105360, account: 'MARGIN-01' });
    expect(bySymbolKey(r.positions, 'IREN')).toMatchObject({ valueCents: -762500, account: 'MARGIN-02' });
  });

  it('an unterminated quote is fatal and names the line where it opened', () => {
    const r = parseHoldings(fixture('malformed-quote.csv'));
    expect(r).toMatchObject({ ok: false, error: { code: 'UNTERMINATED_QUOTE', line: 3 } });
    if (!r.ok) expect(r.error.message).toContain('line 3');
  });

  it('a non-numeric cell rejects its row with line, column, header and a message to act on', () => {
    const r = parseOk('bad-quantity.csv');
    expect(r.positions.map((p) => p.symbolKey)).toEqual(['NVDA', 'MSFT']);
    expect(bySymbolKey(r.positions, 'MSFT').valueCents).toBe(252200);
    expect(r.rejected).toEqual([
      { line: 3, column: 3, header: 'Quantity', cell: 'abc', message: 'Quantity "abc" is not a number; fix the cell or map another column', text: ROW_TEXT.quantityNotNumber, params: { cell: 'abc' } },
      { line: 5, column: 4, header: 'Price', cell: '1O4.20', message: 'Price "1O4.20" is not a number; fix the cell or map another column', text: ROW_TEXT.priceNotNumber, params: { cell: '1O4.20' } },
    ]);
  });

  it('a percentage in the value column is rejected with a hint', () => {
    const r = parseOk(bytesOf('Symbol,Value\nNVDA,12.5%\nAAPL,10\n'));
    expect(r.rejected[0]).toMatchObject({ line: 2, column: 2, header: 'Value', cell: '12.5%' });
    expect(r.rejected[0]!.message).toContain('percentage');
  });

  it('a row without value, quantity or price is rejected, not guessed', () => {
    const r = parseOk(bytesOf('Symbol,Quantity,Price,Value\nNVDA,10,,\nAAPL,1,2,\n'));
    expect(r.positions.map((p) => p.valueCents)).toEqual([200]);
    expect(r.rejected[0]).toMatchObject({ line: 2, column: 4, header: 'Value' });
  });

  it('empty file, header only, binary, no usable columns, too large', () => {
    expect(parseHoldings(fixture('empty.csv'))).toMatchObject({ ok: false, error: { code: 'EMPTY_FILE' } });
    expect(parseHoldings(bytesOf('\n\n ,,\n'))).toMatchObject({ ok: false, error: { code: 'EMPTY_FILE' } });
    expect(parseHoldings(fixture('header-only.csv'))).toMatchObject({ ok: false, error: { code: 'HEADER_ONLY', line: 1 } });
    expect(parseHoldings(fixture('binary.bin'))).toMatchObject({ ok: false, error: { code: 'BINARY_FILE' } });
    const none = parseHoldings(bytesOf('Foo,Bar,Baz\n1,2,3\n'));
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_USABLE_COLUMNS', line: 1 } });
    if (!none.ok) {
      expect(none.error.message).toContain('"Foo", "Bar", "Baz"');
      expect(none.error.message).toContain('Map the columns');
    }
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(parseHoldings(big)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('identifiers stay strings and symbol keys are upper-cased tickers', () => {
    const r = parseOk(bytesOf('Ticker,Name,Shares,Value\n0700,Tencent,100,1000\n brk.b ,Berkshire,1,500\n,Some Fund,1,5\n'));
    expect(r.positions.map((p) => [p.symbol, p.symbolKey])).toEqual([
      ['0700', '0700'],
      ['brk.b', 'BRK.B'],
      [null, 'SOME FUND'],
    ]);
  });

  it('currency: column, else defaultCurrency, else USD', () => {
    expect(parseOk(bytesOf('Symbol,Value\nSAP,10\n'), { defaultCurrency: 'eur' }).positions[0]!.currency).toBe('EUR');
    expect(parseOk(bytesOf('Symbol,Value\nSAP,10\n')).positions[0]!.currency).toBe('USD');
    expect(parseOk(bytesOf('Symbol,Value,Currency\nSAP,10,chf\n')).positions[0]!.currency).toBe('CHF');
  });

  it('total rows never become positions', () => {
    const r = parseOk(bytesOf('Symbol,Value\nNVDA,10\nTotal,10\n'));
    expect(r.positions).toHaveLength(1);
    expect(r.format.fileTotalCents).toBe(1000);
    expect(r.warnings).toEqual([]);
  });

  it('user mapping overrides the automatic one and unknown headers are a BAD_OPTION', () => {
    const bytes = bytesOf('Code,Label,Held,Worth\nNVDA,Nvidia,3,30\n');
    const r = parseOk(bytes, { mapping: { symbol: 'code', description: 'Label', quantity: 'Held', value: 'Worth' } });
    expect(r.positions[0]).toMatchObject({ symbol: 'NVDA', description: 'Nvidia', quantity: '3', valueCents: 3000 });
    expect(parseHoldings(bytes, { mapping: { value: 'Nope' } })).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
  });

  it('forced preset and delimiter options', () => {
    expect(parseHoldings(fixture('degiro.csv'), { preset: 'nope' })).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
    expect(parseOk('degiro.csv', { preset: 'degiro' }).format.preset).toBe('degiro');
    expect(parseOk(bytesOf('Symbol|Value\nA|1\n'), { delimiter: '|' }).positions).toHaveLength(1);
    expect(parseOk(bytesOf('sep=;\nSymbol;Value\nA;1,5\n')).positions[0]).toMatchObject({ line: 3, valueCents: 150 });
  });
});

describe('dialect and tokenizer', () => {
  it('sniffs the delimiter without being fooled by decimal commas in quotes', () => {
    expect(sniffDelimiter('Product,Amount,Value\nA,1,"1079,92"\nB,2,"3,5"\n')).toBe(',');
    expect(sniffDelimiter('Name;Kurs;Wert\nA;1,5;1.234,56\nB;2,25;3,5\n')).toBe(';');
    expect(sniffDelimiter('Name\tValue\tX\nA, Inc.\t1\t2\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('gives each record the line it starts on, across quoted line breaks', () => {
    const { rows, unterminatedQuoteLine } = tokenize('a,b\r\n"multi\nline",2\n\nx,"y ""q"""\n', ',');
    expect(unterminatedQuoteLine).toBeNull();
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['multi\nline', '2']],
      [4, ['']],
      [5, ['x', 'y "q"']],
    ]);
  });

  it('maps English, German and French headers', () => {
    const idx = autoMapIndexes(['Ticker', 'Libellé', 'Anzahl', 'Cours', 'Kurswert', 'Devise', 'Konto', 'Asset Class', 'CUSIP', 'ISIN']);
    expect(idx).toEqual({ symbol: 0, description: 1, quantity: 2, price: 3, value: 4, currency: 5, account: 6, securityType: 7, cusip: 8, isin: 9, baseValue: -1, fxRateToBase: -1, conid: -1 });
  });

  it('maps a value in one named currency beside the local value as the base value, never alone', () => {
    expect(autoMapIndexes(['Bezeichnung', 'Stück', 'Währung', 'Kurswert', 'Kurswert in EUR']).baseValue).toBe(4);
    expect(autoMapIndexes(['Libellé', 'Quantité', 'Devise', 'Valorisation', 'Valeur en EUR']).baseValue).toBe(4);
    expect(autoMapIndexes(['Symbol', 'Quantity', 'Market Value', 'Market Value (EUR)']).baseValue).toBe(3);
    // The only value there is: not taken for a base value (it stays unmapped, as before).
    expect(autoMapIndexes(['Symbol', 'Quantity', 'Value in EUR'])).toMatchObject({ value: -1, baseValue: -1 });
  });
});

describe('previewHoldings', () => {
  it('shows the first rows with each cell read, flagging what did not parse', () => {
    const r = previewHoldings(fixture('bad-quantity.csv'), {}, 2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problem).toBeNull();
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]!.kind).toBe('position');
    expect(r.rows[0]!.cells[4]).toEqual({ text: '18360.00', field: 'value', parsed: '18360', ok: true, message: null });
    expect(r.rows[1]!.kind).toBe('rejected');
    expect(r.rows[1]!.cells[2]).toMatchObject({ text: 'abc', field: 'quantity', parsed: null, ok: false });
    expect(r.rows[1]!.issue).toMatchObject({ line: 3, column: 3 });
  });

  it('still shows the file when no columns are recognised, so the user can map them', () => {
    const r = previewHoldings(bytesOf('Title line\nFoo,Bar,Baz\n1,2,3\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problem?.code).toBe('NO_USABLE_COLUMNS');
    expect(r.format.headers).toEqual(['Foo', 'Bar', 'Baz']);
    expect(r.format.headerLine).toBe(2);
    expect(r.rows.map((x) => x.line)).toEqual([3]);
    expect(r.presets.length).toBeGreaterThan(5);
  });

  it('reports cash and total rows by kind', () => {
    const r = previewHoldings(fixture('schwab-2025.csv'));
    if (!r.ok) expect.fail(r.error.message);
    expect(r.rows.map((x) => x.kind)).toEqual(['position', 'position', 'position', 'position', 'cash', 'total']);
  });
});
