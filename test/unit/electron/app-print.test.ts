import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as BackendModule from '../../../db/service/backend';
import type { BackendOptions } from '../../../db/service/backend';
import { startApp } from '../../../electron/main/app';
import { PRINT_PARTITION } from '../../../electron/main/print-pdf';
import { documentOf } from '../../../shared/report/document';
import { makeReport } from '../../helpers/report';
import { makeTempDir } from '../../helpers/temp-dir';
import { makeFakeElectron } from './fake-electron';

// The real backend, with the options the shell opens it with kept for the test to look at.
const seen = vi.hoisted(() => ({ options: null as BackendOptions | null }));
vi.mock('../../../db/service/backend', async (importOriginal) => {
  const real = await importOriginal<typeof BackendModule>();
  return { ...real, openBackend: (options: BackendOptions) => ((seen.options = options), real.openBackend(options)) };
});

const flush = () => new Promise((r) => setTimeout(r, 50));
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

describe("the desktop app prints PDF reports with the window's own print-to-PDF", () => {
  it('hands the backend its Electron PDF renderer, whose hidden window gets the app guards too', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const e = makeFakeElectron();
    startApp(e as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: join(temp.dir, 'data') }, () => {});
    await flush();
    expect(e.windows).toHaveLength(1);
    const factory = seen.options?.pdfRenderer;
    expect(factory).toBeTypeOf('function');
    const printer = await factory!();
    const bytes = await printer.render(documentOf(makeReport()), 'a4');
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 fake');
    // A second, hidden window in its own session, destroyed after printing; not the app's window.
    expect(e.windows).toHaveLength(2);
    const print = e.windows[1]!;
    expect(print.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, session: e.partitions.get(PRINT_PARTITION) } });
    expect(print.destroy).toHaveBeenCalled();
    expect(e.windows[0]!.destroy).not.toHaveBeenCalled();
    // Like every web contents, it gets the shell's guards when created (no new window may open from it).
    e.app.emit('web-contents-created', {}, print.webContents);
    expect(print.webContents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const nav = { preventDefault: vi.fn() };
    print.webContents.emit('will-navigate', nav, 'https://evil.example/');
    expect(nav.preventDefault).toHaveBeenCalled();
    e.app.emit('will-quit');
  });
});
