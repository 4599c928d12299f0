import { existsSync, readdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelOf, type DatabaseStatus, type RestoreResult } from '../../../shared/api/contract';
import { startApp } from '../../../electron/main/app';
import { relaunchAfterRestore } from '../../../electron/main/relaunch';
import { openBackend } from '../../../db/service/backend';
import { makeTempDir } from '../../helpers/temp-dir';
import { ipcEvent, makeFakeElectron } from './fake-electron';

const flush = () => new Promise((r) => setTimeout(r, 50));
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

const restored: RestoreResult = { restored: 'themelens-2026-01-01T00-00-00-000Z-manual.db', safetyCopy: 'themelens-2026-01-02T00-00-00-000Z-before-restore.db', restartRequired: true };

describe('relaunch after a restore', () => {
  it('is refused until a restore needs it: a page cannot restart the app at will', () => {
    const app = { relaunch: vi.fn(), exit: vi.fn() };
    const h = relaunchAfterRestore(app as never, async () => restored, () => {}, (fn) => fn());
    expect(() => h.relaunchApp({})).toThrow(/Nothing needs a restart/);
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('after a restore: closes the database, then app.relaunch() and app.exit(0), once', async () => {
    const order: string[] = [];
    const app = { relaunch: vi.fn(() => order.push('relaunch')), exit: vi.fn((code: number) => order.push(`exit ${code}`)) };
    const h = relaunchAfterRestore(app as never, async () => restored, () => order.push('close'), (fn) => fn());
    expect(await h.restoreBackup({ file: restored.restored })).toEqual(restored);
    expect(h.relaunchApp({})).toEqual({ relaunching: true });
    expect(order).toEqual(['close', 'relaunch', 'exit 0']);
    expect(() => h.relaunchApp({})).toThrow(/Nothing needs a restart/);
  });

  it('a failed restore does not allow a relaunch', async () => {
    const app = { relaunch: vi.fn(), exit: vi.fn() };
    const h = relaunchAfterRestore(app as never, async () => Promise.reject(new Error('no')), () => {}, (fn) => fn());
    await expect(h.restoreBackup({ file: restored.restored })).rejects.toThrow('no');
    expect(() => h.relaunchApp({})).toThrow(/Nothing needs a restart/);
  });
});

describe('start-up with a damaged database, through the shell against the fake electron module', () => {
  it('corrupt file -> start -> the prompt’s data -> restore -> relaunch -> the content equals the backup', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const data = join(temp.dir, 'data');
    const dbPath = join(data, 'themelens.db');
    const env = { THEMELENS_DATA_DIR: data };

    // A database with a portfolio and a tag, backed up; then more work after the backup.
    const first = makeFakeElectron();
    startApp(first as never, { outDir: '/out' }, env, () => {});
    await flush();
    const call = (e: ReturnType<typeof makeFakeElectron>, name: string, input: unknown = {}) => e.handlers.get(channelOf(name))!(ipcEvent(), input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
    expect((await call(first, 'createPortfolio', { name: 'Kept', baseCurrency: 'USD' })).ok).toBe(true);
    expect((await call(first, 'setTag', { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 })).ok).toBe(true);
    const backup = (await call(first, 'createBackup')).value as { file: string; createdAt: string };
    expect((await call(first, 'createPortfolio', { name: 'After the backup', baseCurrency: 'EUR' })).ok).toBe(true);
    first.app.emit('will-quit');

    // The file is damaged while the app is closed (a disk fault, a bad copy).
    truncateSync(dbPath, 1000);

    const second = makeFakeElectron();
    const logs: string[] = [];
    startApp(second as never, { outDir: '/out' }, env, (m) => logs.push(m));
    await flush();
    expect(second.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(second.windows).toHaveLength(1); // the window opens, on an empty database, to offer the backup
    const status = (await call(second, 'databaseStatus')).value as DatabaseStatus;
    expect(status.damaged?.movedTo).toMatch(new RegExp(`^${data}/corrupt-[0-9TZ-]+\\.db$`));
    expect(existsSync(status.damaged!.movedTo)).toBe(true);
    expect(status.damaged?.backup).toMatchObject({ file: backup.file, createdAt: backup.createdAt, reason: 'manual' });
    expect(logs).toContain('ThemeLens: the database was damaged and moved aside; a verified backup is offered');
    expect(((await call(second, 'listPortfolios')).value as unknown[]).length).toBe(0);

    // Relaunching before a restore is refused.
    expect(await call(second, 'relaunchApp')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const r = await call(second, 'restoreBackup', { file: backup.file });
    expect(r).toMatchObject({ ok: true, value: { restored: backup.file, restartRequired: true } });
    expect(await call(second, 'relaunchApp')).toEqual({ ok: true, value: { relaunching: true } });
    await flush();
    expect(second.app.relaunch).toHaveBeenCalledTimes(1);
    expect(second.app.exit).toHaveBeenCalledWith(0);
    // The database was closed before the exit (the next instance opens it).
    expect(await call(second, 'listThemes')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    // The relaunched app finds the backup's content, and no prompt.
    const third = makeFakeElectron();
    startApp(third as never, { outDir: '/out' }, env, () => {});
    await flush();
    expect(((await call(third, 'databaseStatus')).value as DatabaseStatus).damaged).toBeNull();
    expect(((await call(third, 'listPortfolios')).value as { name: string }[]).map((p) => p.name)).toEqual(['Kept']);
    expect(((await call(third, 'listTags')).value as { symbolKey: string; weightBp: number }[]).map((t) => [t.symbolKey, t.weightBp])).toEqual([['NVDA', 6000]]);
    third.app.emit('will-quit');
    // The damaged file is still there; nothing was deleted.
    expect(readdirSync(data).filter((f) => /^corrupt-.*\.db$/.test(f))).toHaveLength(1);
  });

  it('the command line still refuses a damaged file (it does not start afresh)', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const dbPath = join(temp.dir, 'themelens.db');
    const b = await openBackend({ dbPath });
    b.handlers.createPortfolio({ name: 'Kept', baseCurrency: 'USD' });
    b.close();
    truncateSync(dbPath, 1000);
    await expect(openBackend({ dbPath })).rejects.toMatchObject({ code: 'CORRUPT' });
  });
});
