import { describe, expect, it } from 'vitest';
import { parseHoldings } from '../../../shared/import/parse';
import { checkWarnings } from '../../../db/exposure/import-checks';
import { isLasting } from '../../../shared/import/checks';

/**
 * A value that may be a whole amount written with a point for thousands ("$1.234" in a file whose
 * figures use a point for decimals) is kept to the cent, as before, and now said: it was stored as
 * $1.23 without a word (a helper's hostile-input run). Values that are merely finer than a cent
 * (a fractional holding's 2225.2944, a grouped 18,025.005) are rounded and not said.
 */
const HEADER = 'Symbol,Description,Quantity,Price,Market Value\n';

function parse(text: string, decimal?: '.' | ',') {
  const r = parseHoldings(new TextEncoder().encode(text), decimal ? { decimal } : {});
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('a value that may be thousands written with a point', () => {
  it('is kept to the cent and said, the first with its line', () => {
    const r = parse(`${HEADER}XYZ,SOMETHING,,,$1.234\nMSFT,MICROSOFT,5,500.00,2500.00\nABC,OTHER,,,-12.345\n`);
    expect(r.positions.map((p) => p.valueCents)).toEqual([123, 250_000, -1235]);
    expect(r.checks).toEqual([{ kind: 'subCent', count: 2, first: { line: 2, label: 'XYZ', quantity: '', price: '', valueCents: 123 } }]);
    expect(r.warnings).toEqual([
      '2 positions have values with digits finer than a cent (first: line 2, XYZ: kept as 1.23). Values are kept to the cent; if the cells are whole amounts written with a point for thousands (1.234 for 1,234), import the file again choosing Comma as the decimal separator (on the command line, --decimal comma).',
    ]);
    const [w] = checkWarnings(JSON.stringify(r.checks.filter(isLasting)), 'f.csv');
    expect(w?.code).toBe('VALUE_SUB_CENT');
    expect(w?.message).toMatch(/^2 positions of f\.csv have values with digits finer than a cent \(the first on line 2, XYZ: kept as 1\.23\)/);
  });

  it('is not said of values merely finer than a cent, of a 0 third decimal, nor in a decimal-comma file', () => {
    const fine = parse(`${HEADER}NVDA,NVIDIA CORP,12.3456,180.25,2225.2944\nAAPL,APPLE INC,100,180.25,"18,025.005"\nBND,BOND ETF,,,1.230\nMSFT,MICROSOFT,5,500.00,2500.00\n`);
    expect(fine.positions.map((p) => p.valueCents)).toEqual([222_529, 1_802_501, 123, 250_000]);
    expect(fine.checks).toEqual([]);
    const comma = parse('Symbol;Description;Quantity;Price;Market Value\nSAP;SAP SE;10;123,4567;1.234,567\n', ',');
    expect(comma.checks).toEqual([]);
  });

  it('a value that is not quantity x price says that first (the stronger sign of a slip)', () => {
    const r = parse(`${HEADER}DTE,DEUTSCHE TELEKOM,100,12.34,1.234\n`);
    expect(r.checks.map((c) => c.kind)).toEqual(['differs']);
  });
});
