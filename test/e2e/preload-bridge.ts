/**
 * The preload's own bridge code (electron/preload/bridge.ts: buildBridge and unwrap), bundled for
 * the page: the harness installs exactly what the desktop app exposes as window.themelens, never a
 * copy that could drift from it. Calls go to the harness's `__themelensInvoke` binding (JSON text
 * of an envelope); events come from `__themelensEmit`.
 */
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { API_EVENTS, API_NAMES } from '../../shared/api/contract';

const ROOT = resolve(__dirname, '../..');

const ENTRY = `
import { buildBridge } from './electron/preload/bridge';
const names = ${JSON.stringify(API_NAMES)};
const events = ${JSON.stringify(API_EVENTS)};
const w = window;
const listeners = new Map();
const invoke = (name, input) => w.__themelensInvoke(name, input).then((text) => JSON.parse(text));
const subscribe = (event, listener) => {
  const set = listeners.get(event) ?? new Set();
  set.add(listener);
  listeners.set(event, set);
  return () => set.delete(listener);
};
w.__themelensEmit = (event, payload) => listeners.get(event)?.forEach((l) => l(payload));
Object.defineProperty(window, 'themelens', { value: buildBridge(names, events, invoke, subscribe), writable: false });
`;

let bundled: string | null = null;

/** The init script, bundled once per test process. */
export function preloadBridgeScript(): string {
  bundled ??= buildSync({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'js', sourcefile: 'harness-preload.js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]!.text;
  return bundled;
}
