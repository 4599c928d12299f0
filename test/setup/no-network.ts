/**
 * Tripwires for the unit, integration and reliability tests: ThemeLens never opens a network
 * connection, so any attempt to reach a host other than this machine fails the test that made it.
 * (The e2e suite runs in a network namespace without network instead: scripts/offline.mjs.)
 */
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';

export class NetworkTripwire extends Error {
  override readonly name = 'NetworkTripwire';
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i;

function hostOf(args: unknown[]): string {
  const [first, second] = args as [unknown, unknown];
  if (first && typeof first === 'object') {
    const o = first as { host?: string; hostname?: string; path?: string };
    if (o.path) return 'localhost'; // a local (unix) socket
    return o.host ?? o.hostname ?? 'localhost';
  }
  if (typeof second === 'string') return second;
  return 'localhost';
}

function trip(what: string, host: string): never {
  throw new NetworkTripwire(`A test tried to open a network connection (${what} to ${host}); ThemeLens must work with no network.`);
}

for (const [mod, name] of [
  [net, 'connect'],
  [net, 'createConnection'],
  [tls, 'connect'],
] as const) {
  const original = (mod as unknown as Record<string, (...a: unknown[]) => unknown>)[name] as (...a: unknown[]) => unknown;
  (mod as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    const host = hostOf(args);
    if (!LOOPBACK.test(host)) trip(`${name}`, host);
    return original.apply(mod, args);
  };
}

// Every TCP or TLS client, however created (http.Agent, new net.Socket(), tls.connect), ends in
// Socket.prototype.connect; the wrappers above name the call, this one catches the rest.
const originalSocketConnect = net.Socket.prototype.connect as (...a: unknown[]) => net.Socket;
(net.Socket.prototype as unknown as { connect: unknown }).connect = function (this: net.Socket, ...args: unknown[]) {
  // Node passes its own normalized [options, callback] array from net.connect and http.
  const list = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const host = typeof list[0] === 'string' && !/^\d+$/.test(list[0]) ? 'localhost' : hostOf(list);
  if (!LOOPBACK.test(host)) trip('Socket.connect', host);
  return originalSocketConnect.apply(this, args);
};

const originalLookup = dns.lookup;
(dns as unknown as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) => {
  if (!LOOPBACK.test(hostname)) trip('dns.lookup', hostname);
  return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
};

globalThis.fetch = (async (input: unknown) => trip('fetch', String(input))) as typeof fetch;
