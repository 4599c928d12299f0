import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';

describe('network tripwires (test/setup/no-network.ts)', () => {
  it('fail any attempt to reach another host', async () => {
    expect(() => net.connect(443, 'example.com')).toThrow(/tried to open a network connection \(connect to example\.com\)/);
    expect(() => net.createConnection({ port: 443, host: '192.0.2.1' })).toThrow(/createConnection to 192\.0\.2\.1/);
    expect(() => tls.connect({ port: 443, host: 'example.com' })).toThrow(/connect to example\.com/);
    expect(() => dns.lookup('example.com', () => {})).toThrow(/dns\.lookup to example\.com/);
    await expect(fetch('https://example.com/')).rejects.toThrow(/fetch to https:\/\/example\.com\//);
  });

  it('catch clients that bypass the module functions (a raw Socket, http to an IP address)', () => {
    expect(() => new net.Socket().connect(443, '192.0.2.1')).toThrow(/Socket\.connect to 192\.0\.2\.1/);
    expect(() => http.get('http://192.0.2.1:81/').on('error', () => {})).toThrow(/network connection .* to 192\.0\.2\.1/);
  });

  it('leave loopback alone', () => {
    // The tripwire throws synchronously for another host; a loopback connect must get a real socket.
    let socket: net.Socket | undefined;
    expect(() => {
      socket = net.connect({ port: 9, host: '127.0.0.1' });
    }).not.toThrow();
    expect(socket).toBeInstanceOf(net.Socket);
    socket?.on('error', () => {});
    socket?.destroy();
    let raw: net.Socket | undefined;
    expect(() => {
      raw = new net.Socket().connect(9, '127.0.0.1');
    }).not.toThrow();
    expect(raw).toBeInstanceOf(net.Socket);
    raw?.on('error', () => {});
    raw?.destroy();
  });
});
