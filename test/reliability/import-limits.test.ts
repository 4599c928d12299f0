import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

/** Import limits through the whole import path (file, chunks, parser, transaction), not the parser alone. */
describe('an import over a limit is refused early, naming the limit, and writes nothing', () => {
  const temp = makeTempDir('themelens-limits-');
  const dbPath = join(temp.dir, 'themelens.db');
  let backend: Backend;
  beforeAll(async () => {
    backend = await openBackend({ dbPath });
  });
  afterAll(() => {
    backend.close();
    temp.cleanup();
  });

  const refuse = async (file: string, message: RegExp) => {
    const before = dumpContent(dbPath);
    const heap0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const r = await invokeApi(backend.handlers as AllHandlers, 'importHoldings', { path: file, portfolioName: 'Too big' });
    const ms = performance.now() - t0;
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_FATAL', message: expect.stringMatching(message) } });
    expect(dumpContent(dbPath)).toBe(before);
    return { ms, rssGrowthMb: (process.memoryUsage().rss - heap0) / 1048576 };
  };

  it('a file over 200 MB, without reading it', async () => {
    const file = join(temp.dir, 'huge.csv');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024 + 1); // sparse: no disk space used
    closeSync(fd);
    const { ms } = await refuse(file, /huge\.csv is 201 MB; files up to 200 MB can be imported\. Split the file and import the parts\./);
    expect(ms).toBeLessThan(2000);
  });

  it('a 5 MB single field', async () => {
    const file = join(temp.dir, 'field.csv');
    writeFileSync(file, `Symbol,Description,Quantity,Market Value\nNVDA,"${'x'.repeat(5 * 1024 * 1024)}",1,$1.00\n`);
    const { rssGrowthMb } = await refuse(file, /field\.csv line 2, column 2: This cell holds 5,242,880 characters; the limit for one cell is 100,000/);
    expect(rssGrowthMb).toBeLessThan(300);
  });

  it('a quote that never closes, in a 20 MB file: refused at the cell limit, naming where it opened', async () => {
    const file = join(temp.dir, 'open-quote.csv');
    const rows = Array.from({ length: 400_000 }, (_, i) => `T${i},SOME COMPANY NAME INC,1,$1.00`).join('\n');
    writeFileSync(file, `Symbol,Description,Quantity,Market Value\nNVDA,"5 INCH PIPE,1,$1.00\n${rows}\n`);
    await refuse(file, /^open-quote\.csv line 2, column 2: A quoted cell opens here and is still open 200,002 characters later, past the limit of 100,000 for one cell \(a closing " is probably missing\)\. Fix the quote on line 2/);
  });

  it('10,000 columns', async () => {
    const file = join(temp.dir, 'wide.csv');
    const header = ['Symbol', 'Quantity', 'Market Value', ...Array.from({ length: 9997 }, (_, i) => `C${i}`)].join(',');
    writeFileSync(file, `${header}\n${['NVDA', '1', '$1.00', ...Array.from({ length: 9997 }, () => '7')].join(',')}\n`);
    const { rssGrowthMb } = await refuse(file, /wide\.csv line 2: This row has 10,000 columns; the limit is 1,000/);
    expect(rssGrowthMb).toBeLessThan(300);
  });
});
