import { describe, expect, it } from 'vitest';
import { pagePool } from '../../../db/report/page-pool';

class FakePage {
  closed = false;
  constructor(readonly n: number) {}
  isClosed() {
    return this.closed;
  }
  async close() {
    this.closed = true;
  }
}

describe('the printing page pool', () => {
  it('reuses its pages, lends each to one report at a time, and never lends a page whose use failed', async () => {
    let opened = 0;
    const pool = pagePool(async () => new FakePage(++opened), 2);
    const inUse = new Set<number>();
    let most = 0;
    let failedOn = 0;
    const use = (ms: number, fail = false) =>
      pool.withPage(async (p) => {
        expect(inUse.has(p.n)).toBe(false);
        inUse.add(p.n);
        most = Math.max(most, inUse.size);
        await new Promise((r) => setTimeout(r, ms));
        inUse.delete(p.n);
        if (fail) {
          failedOn = p.n;
          throw new Error('print failed');
        }
        return p.n;
      });
    const first = await Promise.all([use(10), use(10), use(10), use(10), use(10)]);
    expect(opened).toBe(2);
    expect(most).toBe(2);
    expect(new Set(first)).toEqual(new Set([1, 2]));
    await expect(use(1, true)).rejects.toThrow('print failed');
    // The failed page was closed; the next use gets the other page or a new one, never the failed one.
    const after = await Promise.all([use(5), use(5)]);
    expect(opened).toBe(3);
    expect(new Set(after).size).toBe(2);
    expect(after).not.toContain(failedOn);
  });
});
