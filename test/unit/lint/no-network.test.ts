import dns from 'node:dns';
import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('network tripwires (test/setup/no-network.ts)', () => {
  it('fail any attempt to reach another host', async () => {
    expect(() => net.connect(443, 'example.com')).toThrow(/tried to open a network connection \(connect to example\.com\)/);
    expect(() => dns.lookup('example.com', () => {})).toThrow(/dns\.lookup to example\.com/);
    await expect(fetch('https://example.com/')).rejects.toThrow(/fetch to https:\/\/example\.com\//);
  });
  it('leave loopback alone', () => {
    const socket = net.connect({ port: 9, host: '127.0.0.1' });
    socket.on('error', () => {});
    socket.destroy();
  });
});
