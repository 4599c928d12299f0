import { describe, expect, it } from 'vitest';
import { overlapped } from '../../../cli/overlapped';

const later = <T>(ms: number, value: T, fail = false) => new Promise<T>((ok, no) => setTimeout(() => (fail ? no(new Error(String(value))) : ok(value)), ms));

describe('overlapped jobs', () => {
  it('runs two at a time and reports outcomes in the order the jobs started, failures included', async () => {
    const jobs = overlapped<string>();
    const seen: string[] = [];
    let running = 0;
    let most = 0;
    const job = (ms: number, name: string, fail = false) => {
      running++;
      most = Math.max(most, running);
      return later(ms, name, fail).finally(() => running--);
    };
    const report = (o: { ok: true; value: string } | { ok: false; error: unknown }) => seen.push(o.ok ? o.value : `failed ${(o.error as Error).message}`);
    await jobs.add(job(40, 'a'), report);
    await jobs.add(job(5, 'b', true), report);
    await jobs.add(job(5, 'c'), report);
    await jobs.add(job(30, 'd'), report);
    await jobs.drain();
    expect(seen).toEqual(['a', 'failed b', 'c', 'd']);
    expect(most).toBe(2);
  });
});
