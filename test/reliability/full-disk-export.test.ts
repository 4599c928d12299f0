import type * as NodeFs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { ROOT } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

/** Folders whose files run out of space after `room` bytes, as a small full disk would. */
const full = vi.hoisted(() => ({ dirs: new Set<string>(), room: 512 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const used = new Map<number, number>();
  const inFullDir = (p: unknown) => typeof p === 'string' && [...full.dirs].some((d) => p.startsWith(`${d}/`));
  const openSync = (...args: Parameters<typeof fs.openSync>) => {
    const fd = fs.openSync(...args);
    if (inFullDir(args[0])) used.set(fd, 0);
    return fd;
  };
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number, ...rest: unknown[]) => {
    const sofar = used.get(fd);
    if (sofar === undefined) return (fs.writeSync as (...a: unknown[]) => number)(fd, buffer, offset, length, ...rest);
    const want = length ?? buffer.length - (offset ?? 0);
    const n = Math.min(want, full.room - sofar);
    if (n <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    used.set(fd, sofar + n);
    return fs.writeSync(fd, buffer, offset ?? 0, n);
  }) as typeof fs.writeSync;
  const closeSync = (fd: number) => {
    used.delete(fd);
    fs.closeSync(fd);
  };
  return { ...fs, default: { ...fs, openSync, writeSync, closeSync }, openSync, writeSync, closeSync };
});

describe('a full disk during an export says so, leaves no truncated file and changes nothing', () => {
  const temp = makeTempDir('themelens-full-export-');
  const outDir = join(temp.dir, 'small-disk');
  let backend: Backend;
  let portfolioId: number;
  beforeAll(async () => {
    mkdirSync(outDir);
    backend = await openBackend({ dbPath: join(temp.dir, 'themelens.db') });
    await backend.handlers.importHoldings({ path: join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), portfolioName: 'Client', options: {}, skipInvalid: true, allowDuplicate: false, rememberMapping: false });
    portfolioId = (await backend.handlers.listPortfolios({}))[0]!.id;
    backend.handlers.setTag({ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 5000 });
  });
  afterAll(() => {
    backend.close();
    temp.cleanup();
  });

  it.each([
    ['a report', 'report.csv', () => ({ name: 'exportReport', input: { portfolioId, format: 'csv', path: join(outDir, 'report.csv') } })],
    ['the tags', 'tags.json', () => ({ name: 'exportTags', input: { format: 'json', path: join(outDir, 'tags.json') } })],
  ] as const)('%s', async (_what, file, call) => {
    const target = join(outDir, file);
    writeFileSync(target, 'the previous export\n');
    const before = dumpContent(join(temp.dir, 'themelens.db'));
    const { name, input } = call();
    full.dirs.add(outDir);
    const r = await invokeApi(backend.handlers as AllHandlers, name, input);
    full.dirs.delete(outDir);
    expect(r).toEqual({ ok: false, error: { code: 'IO', message: `Cannot write ${target}: the disk is full. Nothing was written.` } });
    expect(readFileSync(target, 'utf8')).toBe('the previous export\n');
    expect(readdirSync(outDir).filter((f) => f.startsWith('.'))).toEqual([]); // no temp file left behind
    expect(dumpContent(join(temp.dir, 'themelens.db'))).toBe(before);
    // Once there is room, the same export works.
    const ok = await invokeApi(backend.handlers as AllHandlers, name, input);
    expect(ok).toMatchObject({ ok: true });
    expect(readFileSync(target, 'utf8').length).toBeGreaterThan(full.room);
  });
});
