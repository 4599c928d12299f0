/**
 * PDF printing from the command line, watched at the system-call level (strace), not only inside a
 * namespace without network: Chromium opens no connection to anything but loopback and sends nothing
 * off the machine, and it starts with a minimal environment (none of the caller's secrets). Needs
 * strace (`.ci/run` installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCommand, ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

// Chromium's IPv6 reachability check: a UDP connect() (which sends nothing) to this address; stock
// Chromium has no switch for it. Tolerated only as that, and only if nothing is ever sent on it.
const IPV6_PROBE = '2001:4860:4860::8888';

const isLoopback = (ip: string) => /^127\./.test(ip) || ip === '::1' || /^::ffff:127\./.test(ip);

interface Finding {
  line: string;
  why: string;
}

/** Reads an strace -f log: every inet connect/send that is not loopback, except the probe's bare connect. */
export function networkFindings(log: string): Finding[] {
  const findings: Finding[] = [];
  const probeSockets = new Map<string, string>(); // "tid:fd" -> connect line
  for (const line of log.split('\n')) {
    const m = /^(\d+)\s+(connect|sendto|sendmsg|write|close)\((\d+)/.exec(line);
    if (!m) continue;
    const [, tid, call, fd] = m as unknown as [string, string, string, string];
    const key = `${tid}:${fd}`;
    if (call === 'close') {
      probeSockets.delete(key);
      continue;
    }
    const ips = [...line.matchAll(/inet_(?:pton\(AF_INET6, |addr\()"([^"]+)"/g)].map((x) => x[1] as string);
    const outside = ips.filter((ip) => !isLoopback(ip));
    if (call === 'connect' && outside.length > 0) {
      if (outside.every((ip) => ip === IPV6_PROBE) && /AF_INET6/.test(line)) probeSockets.set(key, line);
      else findings.push({ line, why: 'connect to a non-loopback address' });
    } else if (call !== 'connect' && outside.length > 0) {
      findings.push({ line, why: `${call} to a non-loopback address` });
    } else if (call !== 'connect' && probeSockets.has(key)) {
      findings.push({ line, why: `${call} on the IPv6 probe's socket (${probeSockets.get(key)})` });
    }
  }
  return findings;
}

const hasStrace = spawnSync('strace', ['-V']).status === 0;

describe('report --format pdf under strace', () => {
  const temp = makeTempDir('themelens-pdf-offline-');
  const db = join(temp.dir, 'offline.db');
  const trace = join(temp.dir, 'trace.txt');
  const out = join(temp.dir, 'report.pdf');
  afterAll(() => temp.cleanup());

  beforeAll(() => {
    expect(hasStrace, 'strace is needed for this test: apt-get install strace').toBe(true);
    expect(runCli(['--db', db, 'import', join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), '--portfolio', 'Offline']).code).toBe(0);
    const r = spawnSync(
      'strace',
      ['-f', '-qq', '-v', '-s', '200', '-e', 'trace=execve,connect,sendto,sendmsg,write,close', '-o', trace, process.execPath, ...cliCommand(), '--db', db, 'report', '--portfolio', 'Offline', '--format', 'pdf', '--out', out],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1', THEMELENS_CANARY_SECRET: 'zqx-canary-7731' }, timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
  }, 180_000);

  it('writes the PDF', () => {
    expect(existsSync(out)).toBe(true);
    expect(statSync(out).size).toBeGreaterThan(1000);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Offline');
  });

  it('Chromium connects to nothing but loopback and sends nothing off the machine', () => {
    const log = readFileSync(trace, 'utf8');
    expect(log).toMatch(/execve\("[^"]*chromium/); // the trace did follow the browser
    expect(networkFindings(log)).toEqual([]);
  });

  it('runs the real binary, not the wrapper script, with a minimal environment', () => {
    const execs = readFileSync(trace, 'utf8').split('\n').filter((l) => /execve\("[^"]*chrom/.test(l));
    expect(execs.length).toBeGreaterThan(0);
    expect(execs.some((l) => l.includes('execve("/usr/bin/chromium"'))).toBe(false);
    for (const l of execs) {
      expect(l).not.toContain('zqx-canary-7731');
      expect(l).not.toContain('THEMELENS_DB_KEY');
    }
    expect(execs[0]).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
  });
});

describe('the strace reader itself', () => {
  it('flags a DNS query, an outside connect and data sent on the probe socket; passes loopback and a bare probe', () => {
    const log = [
      '10 connect(19, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
      '10 close(19) = 0',
      '11 connect(5, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED',
      '12 connect(7, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
      '13 connect(8, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
      '13 write(8, "x", 1) = 1',
    ].join('\n');
    expect(networkFindings(log).map((f) => f.why)).toEqual(['connect to a non-loopback address', "write on the IPv6 probe's socket (13 connect(8, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2001:4860:4860::8888\", &sin6_addr), sin6_scope_id=0}, 28) = 0)"]);
  });
});
