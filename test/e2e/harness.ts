/**
 * End-to-end harness: the built renderer (out/renderer) in headless Debian Chromium, talking to the
 * real backend service and a real SQLite file. The harness plays the preload's part: it exposes one
 * binding that runs `invokeApi` (the same validation and envelope as Electron's IPC wrapper) and an
 * init script that builds `window.themelens` with one function per API call. Dialogs are answered
 * from queues the test fills.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ApiEvents } from '../../shared/api/contract';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { AppError } from '../../shared/api/errors';
import { openBackend, type Backend } from '../../db/service/backend';
import { ensureDataDir } from '../../db/paths';
import { makeTempDir } from '../helpers/temp-dir';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { MIME } from '../../electron/main/protocol';
import { preloadBridgeScript } from './preload-bridge';

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer');
export const RESULTS_DIR = resolve(__dirname, '../../test-results');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// The same policy and content types as the app:// protocol handler of the desktop app.
const CSP = CONTENT_SECURITY_POLICY;

function serveRenderer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^([/\\])+/, '');
    const file = join(RENDERER_DIR, rel);
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      ok({ server, origin: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
    }),
  );
}

export interface Harness {
  page: Page;
  backend: Backend;
  dataDir: string;
  /** Paths the next open dialogs will answer with (null = cancelled). */
  openDialogAnswers: (string | null)[];
  saveDialogAnswers: (string | null)[];
  /** How many times the page asked the host to relaunch the app (after a restore). */
  relaunches: number;
  /** Every request the page made. */
  requests: string[];
  /** Every API call the page made, with when it started and ended (Date.now()), for timing tests. */
  calls: ApiCallTiming[];
  consoleErrors: string[];
  origin: string;
  emit<E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface ApiCallTiming {
  name: string;
  /** Date.now() when the call reached the backend, and when its answer was ready. */
  start: number;
  end: number;
  /** The same span, to a fraction of a millisecond. */
  ms: number;
}

export async function startHarness(
  options: {
    colorScheme?: 'light' | 'dark';
    /** The system's language as the page sees it (navigator.language); English (US) unless given. */
    locale?: string;
    viewport?: { width: number; height: number };
    /** Prepares the database file before the backend opens it (seed it, damage it, make it read-only). */
    prepare?: (dbPath: string) => void | Promise<void>;
  } = {},
): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run "npm run build" first');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const temp = makeTempDir('themelens-e2e-');
  // The built import and parse workers, as in the app (not the sources through tsx).
  process.env['THEMELENS_WORKER_DIR'] = resolve(__dirname, '../../out/main');
  const dbPath = ensureDataDir(join(temp.dir, 'data'));
  await options.prepare?.(dbPath);
  let pageRef: Page | null = null;
  const backend = await openBackend({
    dbPath,
    startAfreshWhenDamaged: true,
    emit: (event, payload) => {
      // An event sent while the page reloads is lost, as Electron's webContents.send drops it
      // (seen once: an import's last progress event arriving during a test's reload).
      pageRef?.evaluate(([e, p]) => (window as unknown as { __themelensEmit(e: string, p: unknown): void }).__themelensEmit(e, p), [event, payload] as const).catch(() => undefined);
    },
  });
  const openDialogAnswers: (string | null)[] = [];
  const saveDialogAnswers: (string | null)[] = [];
  const state = { relaunches: 0 };
  const handlers: AllHandlers = {
    ...backend.handlers,
    chooseImportFile: () => {
      const path = openDialogAnswers.shift() ?? null;
      return path ? { path, name: path.split('/').pop() as string } : null;
    },
    chooseExportPath: () => {
      const path = saveDialogAnswers.shift() ?? null;
      return path ? { path } : null;
    },
    // The desktop shell shows a save dialog and writes the bytes; here the answer comes from the queue.
    saveChart: (input) => {
      const path = saveDialogAnswers.shift() ?? null;
      if (!path) return null;
      const bytes = input.format === 'svg' ? Buffer.from(input.data, 'utf8') : Buffer.from(input.data, 'base64');
      writeFileSync(path, bytes);
      return { path, bytes: bytes.length };
    },
    // The desktop shell relaunches the app here; the harness counts it and the test reopens the file.
    // The desktop shell rebuilds its menu in this language; the harness has no menu to rebuild.
    setMenuLanguage: ({ language }) => ({ language }),
    relaunchApp: () => {
      state.relaunches += 1;
      return { relaunching: true };
    },
    // Like a Linux desktop without a secret service: no key store, so encryption cannot be turned on.
    encryptionStatus: () => ({ enabled: false, available: false, reason: 'The e2e harness has no key store.' }),
    enableEncryption: () => {
      throw new AppError('UNSUPPORTED', 'The e2e harness has no key store.');
    },
    showDatabaseKey: () => {
      throw new AppError('NOT_FOUND', 'The database is not encrypted, so it has no key.');
    },
  };
  const { server, origin } = await serveRenderer();
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1360, height: 860 },
    locale: options.locale ?? 'en-US',
  });
  // The desktop shell grants the app's page a sanitized clipboard write (electron/main/guards.ts); reading is for the test.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  pageRef = page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  const calls: ApiCallTiming[] = [];
  await page.exposeBinding('__themelensInvoke', async (_source, name: unknown, input: unknown) => {
    const start = Date.now();
    const t0 = performance.now();
    try {
      // As text: playwright's own argument serializer walks every value (a 10,000-row holdings list
      // took ~450 ms), where Electron's structured clone of the same object takes a few.
      return JSON.stringify(await invokeApi(handlers, name, input));
    } finally {
      calls.push({ name: String(name), start, end: Date.now(), ms: performance.now() - t0 });
    }
  });
  // The preload's own bridge (one function per call, envelopes unwrapped into thrown errors).
  await page.addInitScript({ content: preloadBridgeScript() });
  await page.goto(`${origin}/index.html`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    page,
    backend,
    dataDir: temp.dir,
    openDialogAnswers,
    saveDialogAnswers,
    get relaunches() {
      return state.relaunches;
    },
    requests,
    calls,
    consoleErrors,
    origin,
    emit: async (event, payload) => {
      await page.evaluate(([e, p]) => (window as unknown as { __themelensEmit(e: string, p: unknown): void }).__themelensEmit(e, p), [event, payload] as const);
    },
    screenshot: async (name) => {
      const path = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    close: async () => {
      await browser.close();
      server.close();
      backend.close();
      temp.cleanup();
    },
  };
}

/** Opens the import of a holdings file into a new portfolio named `name`, as a user does, up to (not including) its Import button. */
export async function openImportAsNew(h: Harness, path: string, name: string): Promise<void> {
  h.openDialogAnswers.push(path);
  await h.page.getByTestId('import-button').first().click();
  // With portfolios already there, the dialog offers them first.
  await h.page.getByTestId('new-portfolio-dialog').waitFor();
  const target = h.page.getByTestId('import-target');
  if (await target.count()) await target.selectOption('new');
  await h.page.getByTestId('new-portfolio-name').fill(name);
}

/** Imports a holdings file into a new portfolio through the window, as a user does, and waits for `firstRow`'s holding. */
export async function importAsNewPortfolio(h: Harness, path: string, name: string, firstRow: string): Promise<void> {
  await openImportAsNew(h, path, name);
  await h.page.getByTestId('new-portfolio-confirm').click();
  await h.page.getByTestId(`position-row-${firstRow}`).waitFor();
}
