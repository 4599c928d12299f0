import { describe, expect, it } from 'vitest';
import { parseHoldings } from '../../../shared/import/parse';
import { parseStreamed } from './parse-streamed';
import type { ParsedPosition } from '../../../shared/import/types';
import type { ImportCheck } from '../../../shared/import/checks';

/**
 * Total rows the tester found imported as positions (doubling the portfolio): labels with a colon or
 * in other words, and totals with no label a total has, told by their value being the rows' sum.
 */
const HEADER = 'Symbol,Description,Quantity,Price,Market Value\n';
const ROWS = 'NVDA,NVIDIA CORP,100,183.60,18360.00\nAAPL,APPLE INC,10,205.35,2053.50\n';

type Parsed = { warnings: string[]; checks: ImportCheck[]; positions: ParsedPosition[]; fileTotalCents: number | null };

function whole(text: string): Parsed {
  const r = parseHoldings(new TextEncoder().encode(text), {});
  if (!r.ok) throw new Error(r.error.message);
  return { ...r, fileTotalCents: r.format.fileTotalCents };
}

/** Enough ordinary rows for the head of the stream to end before the rows under test. */
const FILLER = Array.from({ length: 20 }, (_, i) => `F${i},FILLER ${i},1,10.00,10.00\n`).join('');

const streamed = parseStreamed;

const sum = (ps: readonly ParsedPosition[]) => ps.reduce((a, p) => a + p.valueCents, 0);

describe('total labels', () => {
  it.each([
    ['Total:,,,,20413.50'],
    ['TOTAL:,,,,20413.50'],
    ['Total.,,,,20413.50'],
    [',Total Market Value,,,20413.50'],
    [',Account Total:,,,20413.50'],
    [',Grand Total,,,20413.50'],
    [',Portfolio Total,,,20413.50'],
    [',Total Portfolio Value,,,20413.50'],
  ])('%s is a total, compared with the rows, never a position', (total) => {
    const r = whole(`${HEADER}${ROWS}${total}\n`);
    expect(r.positions.map((p) => p.symbol)).toEqual(['NVDA', 'AAPL']);
    expect(sum(r.positions)).toBe(2_041_350);
    expect(r.fileTotalCents).toBe(2_041_350);
    expect(r.warnings).toEqual([]);
  });

  it('a total label that does not add up is a total all the same, and the mismatch is said', () => {
    const r = whole(`${HEADER}${ROWS}Total:,,,,20000.00\n`);
    expect(r.positions).toHaveLength(2);
    expect(r.checks).toEqual([{ kind: 'total', fileCents: 2_000_000, rowsCents: 2_041_350 }]);
  });

  it('securities whose names hold the word Total stay positions', () => {
    const r = whole(`${HEADER}TTE,TotalEnergies SE,10,60.00,600.00\n,Total Return Bond Fund,10,9.50,95.00\n`);
    expect(r.positions.map((p) => p.description)).toEqual(['TotalEnergies SE', 'Total Return Bond Fund']);
    expect(r.warnings).toEqual([]);
  });
});

describe.each([
  ['whole', whole],
  ['streamed', streamed],
])('totals told by their value (%s)', (_name, parse) => {
  it("a row with no symbol, quantity or price whose value is the rows' sum is a total, whatever its label", () => {
    const r = parse(`${HEADER}${FILLER}${ROWS},Depotwert per 06.12.,,,20613.50\n`);
    expect(r.positions).toHaveLength(22);
    expect(sum(r.positions)).toBe(2_061_350);
    expect(r.fileTotalCents).toBe(2_061_350);
    expect(r.warnings).toEqual([]);
  });

  it('with no label at all', () => {
    const r = parse(`${HEADER}${FILLER}${ROWS},,,,20613.50\n`);
    expect(r.positions).toHaveLength(22);
    expect(r.fileTotalCents).toBe(2_061_350);
  });

  it("a section's subtotal (the rows since the last total) and the grand total after them", () => {
    const r = parse(`${HEADER}${FILLER}${ROWS},Stocks,,,20613.50\nBND,TREASURY,10,100,1000.00\nTLT,TREASURY 2,10,50,500.00\n,Bonds,,,1500.00\n,,,,22113.50\n`);
    expect(r.positions).toHaveLength(24);
    expect(r.fileTotalCents).toBe(2_211_350);
    expect(r.warnings).toEqual([]);
  });

  it('a row that reads like a total but is not the sum is kept as a position, and said', () => {
    const r = parse(`${HEADER}${FILLER}${ROWS},Total Equities,,,20000.00\n`);
    expect(r.positions).toHaveLength(23);
    expect(r.warnings).toEqual([
      '1 row names no security and holds only a value, with a word of a total in its label (line 24, Total Equities: 20,000.00), but its value is not what the rows above it add up to. It is kept as a position; if it is a total or a subtotal, delete the row from the file and import it again.',
    ]);
    expect(r.checks).toEqual([{ kind: 'looksTotal', count: 1, first: { line: 24, label: 'Total Equities', quantity: '', price: '', valueCents: 2_000_000 } }]);
  });

  it('an ordinary row with only a value that is not the sum stays a position, unsaid', () => {
    const r = parse(`${HEADER}${FILLER}${ROWS},Accrued interest,,,12.00\n`);
    expect(r.positions).toHaveLength(23);
    expect(r.warnings).toEqual([]);
  });
});

describe('totals by account', () => {
  it("in a file with an account column, a row equal to its account's positions is that account's total", () => {
    const text =
      'Account,Symbol,Description,Quantity,Price,Value\n' +
      'A1,NVDA,NVIDIA,10,100,1000.00\nA2,AAPL,APPLE,1,200,200.00\nA1,MSFT,MICROSOFT,1,500,500.00\nA2,IBM,IBM,1,300,300.00\n' +
      'A1,,Depot A1,,,1500.00\nA2,,,,,500.00\n';
    const r = whole(text);
    expect(r.positions).toHaveLength(4);
    expect(r.fileTotalCents).toBe(200_000);
    expect(r.warnings).toEqual([]);
  });

  it('a file of names and values alone has no quantity to tell a total by: a row equal to the others stays', () => {
    const r = whole('Description,Value\nFund A,100.00\nFund B,200.00\nFund C,300.00\n');
    expect(r.positions).toHaveLength(3);
  });
});

describe('kept with the snapshot', () => {
  it('a row that reads like a total is said again wherever the snapshot is shown (LOOKS_LIKE_TOTAL)', async () => {
    const { checkWarnings } = await import('../../../db/exposure/import-checks');
    const { isLasting } = await import('../../../shared/import/checks');
    const r = whole(`${HEADER}${ROWS},Total Equities,,,20000.00\n`);
    const lasting = r.checks.filter(isLasting);
    expect(checkWarnings(JSON.stringify(lasting), 'f.csv')).toEqual([
      {
        code: 'LOOKS_LIKE_TOTAL',
        message:
          '1 row of f.csv names no security and holds only a value, with a word of a total in its label (line 4, Total Equities: 20,000.00), but its value is not what the rows above it add up to. It is kept as a position; if it is a total or a subtotal, delete the row from the file and import it again.',
        params: expect.objectContaining({ n: '1', line: '4', label: 'Total Equities', value: '20,000.00' }),
      },
    ]);
  });
});
