// Preload (sandboxed, CommonJS): one function per API call, nothing else. ipcRenderer itself is
// never exposed; each call's envelope is unwrapped here so the page sees a value or an Error.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiEvents, ThemeLensBridge } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { CALL_NAMES, channelOf, EVENT_NAMES } from '../../shared/api/names';
import { buildBridge } from './bridge';

const bridge = buildBridge(
  CALL_NAMES,
  EVENT_NAMES,
  (name, input) => ipcRenderer.invoke(channelOf(name), input) as Promise<Envelope<unknown>>,
  (event, listener) => {
    const wrapped = (_e: unknown, payload: ApiEvents[typeof event]) => listener(payload);
    ipcRenderer.on(channelOf(event), wrapped);
    return () => ipcRenderer.removeListener(channelOf(event), wrapped);
  },
) satisfies ThemeLensBridge;

contextBridge.exposeInMainWorld('themelens', bridge);
