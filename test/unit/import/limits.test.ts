import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../shared/import/limits', async (original) => ({ ...(await original<Record<string, unknown>>()), MAX_ROWS: 5 }));

const { parseHoldings } = await import('../../../shared/import/parse');
const { parseHoldingsStream } = await import('../../../shared/import/stream');

const enc = (s: string) => new TextEncoder().encode(s);

describe('import limits: refused early, naming the limit, without running out of memory', () => {
  it('a 5 MB single field', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const r = parseHoldings(enc(`Symbol,Description,Quantity,Market Value\nNVDA,"${big}",1,$1.00\n`));
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', line: 2, column: 2 } });
    if (!r.ok) expect(r.error.message).toMatch(/holds 5,242,880 characters; the limit for one cell is 100,000/);
  });

  it('10,000 columns', () => {
    const header = ['Symbol', 'Quantity', 'Market Value', ...Array.from({ length: 9997 }, (_, i) => `C${i}`)].join(',');
    const row = ['NVDA', '1', '$1.00', ...Array.from({ length: 9997 }, () => '')].join(',');
    const r = parseHoldings(enc(`${header}\n${row}\n`));
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', line: 2 } });
    if (!r.ok) expect(r.error.message).toMatch(/has 10,000 columns; the limit is 1,000/);
  });

  it('more rows than the limit (set to 5 here), whole-file and streamed', () => {
    const text = `Symbol,Quantity,Market Value\n${Array.from({ length: 8 }, (_, i) => `S${i},1,$1.00`).join('\n')}\n`;
    const whole = parseHoldings(enc(text));
    expect(whole).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', line: 7 } });
    if (!whole.ok) expect(whole.error.message).toMatch(/more than 5 positions, the limit for one import/);
    const bytes = enc(text);
    const streamed = parseHoldingsStream(bytes.subarray(0, 60), (() => { let done = false; return () => (done ? null : ((done = true), bytes.subarray(60))); })(), {}, { position: () => {}, issue: () => {} });
    expect(streamed).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });
});
