import { describe, expect, it } from 'vitest';
import { parseHoldings } from '../../../shared/import/parse';
import { checkWarnings } from '../../../db/exposure/import-checks';
import { isLasting } from '../../../shared/import/checks';

/**
 * A value cell with digits finer than a cent is kept rounded to the cent, and said: "$1.234" in a
 * file whose figures use a point for decimals was stored as $1.23, silently, though it may be 1,234
 * written with a point for thousands (a helper's hostile-input run).
 */
function parse(text: string, decimal?: '.' | ',') {
  const r = parseHoldings(new TextEncoder().encode(text), decimal ? { decimal } : {});
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('values finer than a cent', () => {
  it('are kept to the cent and said, the first with its line; trailing zeros are not finer', () => {
    const r = parse('Symbol,Description,Quantity,Price,Market Value\nXYZ,SOMETHING,,,$1.234\nNVDA,NVIDIA CORP,100,180.25,"18,025.005"\nAAPL,APPLE INC,10,205.35,2053.5000\nMSFT,MICROSOFT,5,500.00,2500.00\n');
    expect(r.positions.map((p) => p.valueCents)).toEqual([123, 1_802_501, 205_350, 250_000]);
    expect(r.checks).toEqual([{ kind: 'subCent', count: 2, first: { line: 2, label: 'XYZ', quantity: '', price: '', valueCents: 123 } }]);
    expect(r.warnings).toEqual([
      '2 positions have values with digits finer than a cent (first: line 2, XYZ: kept as 1.23). Values are kept to the cent; if the cells are whole amounts written with a point for thousands (1.234 for 1,234), import the file again choosing Comma as the decimal separator (on the command line, --decimal comma).',
    ]);
    const [w] = checkWarnings(JSON.stringify(r.checks.filter(isLasting)), 'f.csv');
    expect(w?.code).toBe('VALUE_SUB_CENT');
    expect(w?.message).toMatch(/^2 positions of f\.csv have values with digits finer than a cent \(the first on line 2, XYZ: kept as 1\.23\)/);
  });

  it('with a decimal comma too', () => {
    const r = parse('Symbol;Description;Quantity;Price;Market Value\nSAP;SAP SE;10;123,4567;1.234,567\nDTE;TELEKOM;100;30,25;3.025,00\n', ',');
    expect(r.positions.map((p) => p.valueCents)).toEqual([123_457, 302_500]);
    expect(r.checks.map((c) => c.kind)).toEqual(['subCent']);
  });
});
