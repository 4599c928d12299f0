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

const originalLookup = dns.lookup;
(dns as unknown as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) => {
  if (!LOOPBACK.test(hostname)) trip('dns.lookup', hostname);
  return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
};

globalThis.fetch = (async (input: unknown) => trip('fetch', String(input))) as typeof fetch;
