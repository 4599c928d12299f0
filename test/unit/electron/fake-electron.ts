import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A web contents stand-in: records listeners and the window-open handler. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  sent: [string, unknown][] = [];
  mainFrame = { url: 'app://themelens/index.html', parent: null };
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  isDestroyed() {
    return false;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
}

/** A session stand-in: records the permission handlers and spellchecker settings. */
export class FakeSession extends EventEmitter {
  permissionRequest: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
  permissionCheck: ((...a: unknown[]) => boolean) | null = null;
  dictionaryUrl: string | null = null;
  spellcheck: boolean | null = null;
  headersListener: ((details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void) | null = null;
  beforeRequestListener: ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) | null = null;
  webRequest = {
    onHeadersReceived: vi.fn((l: FakeSession['headersListener']) => {
      this.headersListener = l;
    }),
    onBeforeRequest: vi.fn((l: FakeSession['beforeRequestListener']) => {
      this.beforeRequestListener = l;
    }),
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
    this.permissionCheck = h;
  }
  setSpellCheckerDictionaryDownloadURL(u: string) {
    this.dictionaryUrl = u;
  }
  setSpellCheckerEnabled(on: boolean) {
    this.spellcheck = on;
  }
}

/** A BrowserWindow stand-in. */
export class FakeWindow extends EventEmitter {
  options: unknown;
  webContents = new FakeWebContents();
  loadURL = vi.fn((_url: string) => Promise.resolve());
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  destroyed = false;
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  isDestroyed = () => this.destroyed;
  constructor(opts: unknown) {
    super();
    this.options = opts;
  }
}

/** electron.app: lifecycle events and spies. */
export class FakeApp extends EventEmitter {
  isPackaged: boolean;
  requestSingleInstanceLock;
  quit = vi.fn();
  relaunch = vi.fn();
  exit = vi.fn();
  enableSandbox = vi.fn();
  getPath;
  getAppPath = vi.fn(() => '/app');
  whenReady = vi.fn(() => Promise.resolve());
  constructor(options: { singleInstance?: boolean; isPackaged?: boolean; userData?: string }) {
    super();
    this.isPackaged = options.isPackaged ?? false;
    this.requestSingleInstanceLock = vi.fn(() => options.singleInstance ?? true);
    this.getPath = vi.fn(() => options.userData ?? '');
  }
}

/**
 * safeStorage: "encrypts" by XOR with a per-fake secret and a v10 prefix, like Chromium's format;
 * only this fake can decrypt it. `available` and `backend` play the platform's key store.
 */
export class FakeSafeStorage {
  available: boolean;
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
  private readonly secret = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 73 + 41) & 0xff));
  constructor(options: { available?: boolean; backend?: FakeSafeStorage['backend'] } = {}) {
    this.available = options.available ?? true;
    this.backend = options.backend ?? 'gnome_libsecret';
  }
  private xor(b: Buffer): Buffer {
    return Buffer.from(b.map((x, i) => x ^ this.secret[i % this.secret.length]!));
  }
  isAsyncEncryptionAvailable = vi.fn(async () => this.available);
  getSelectedStorageBackend = vi.fn(() => this.backend);
  encryptStringAsync = vi.fn(async (text: string) => {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('v10'), this.xor(Buffer.from(text, 'utf8'))]);
  });
  decryptStringAsync = vi.fn(async (data: Buffer) => {
    if (!this.available || data.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { shouldReEncrypt: false, result: this.xor(data.subarray(3)).toString('utf8') };
  });
}

/** The parts of the electron module the shell uses, as spies; nothing launches. */
export function makeFakeElectron(options: { singleInstance?: boolean; isPackaged?: boolean; userData?: string; safeStorage?: FakeSafeStorage } = {}) {
  const app = new FakeApp(options);
  const windows: FakeWindow[] = [];
  const BrowserWindow = class extends FakeWindow {
    constructor(opts: unknown) {
      super(opts);
      windows.push(this);
    }
  } as typeof FakeWindow;
  const handlers = new Map<string, (...a: unknown[]) => unknown>();
  const session = new FakeSession();
  const partitions = new Map<string, FakeSession>();
  const fromPartition = vi.fn((name: string, _options?: unknown) => partitions.get(name) ?? partitions.set(name, new FakeSession()).get(name)!);
  return {
    app,
    windows,
    handlers,
    partitions,
    session: { defaultSession: session, fromPartition },
    BrowserWindow,
    ipcMain: { handle: vi.fn((channel: string, fn: (...a: unknown[]) => unknown) => handlers.set(channel, fn)) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    safeStorage: options.safeStorage ?? new FakeSafeStorage(),
  };
}

/** An IPC event as Electron gives one: the sending frame and its web contents' main frame. */
export function ipcEvent(url = 'app://themelens/index.html', options: { iframe?: boolean; noFrame?: boolean } = {}) {
  const mainFrame = { url, parent: null };
  if (options.noFrame) return { senderFrame: null, sender: { mainFrame } };
  if (options.iframe) return { senderFrame: { url, parent: mainFrame }, sender: { mainFrame } };
  return { senderFrame: mainFrame, sender: { mainFrame } };
}
