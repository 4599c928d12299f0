import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../shared/api/errors';

/**
 * Where Chromium is usually installed. Debian's /usr/bin/chromium is a shell script that adds flags
 * from /etc/chromium.d (some of them network-related), so the real binary beside it comes first.
 */
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/lib/chromium-browser/chromium-browser', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/**
 * Flags for printing offline: nothing may reach the network. Every host name resolves to nothing,
 * any request would go to a dead proxy on loopback, and the background services that phone home
 * (updates, DoH, time, metrics, safe browsing, translation, media router) are off. Chromium still
 * connect()s one UDP socket to 2001:4860:4860::8888 to learn whether IPv6 is routable (stock
 * Chromium has no switch for it); a UDP connect sends no packet, and the strace test checks that
 * nothing is ever sent on it.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--disable-features=DnsOverHttps,AsyncDns,NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,DialMediaRouteProvider,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
];

/** Whether a file starts with "#!": a wrapper script rather than the browser itself. */
function isScript(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(2);
      return readSync(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === '#!';
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The Chromium binary to print PDFs with: $CHROMIUM_PATH, else the first one installed; a clear error when none is. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['CHROMIUM_PATH'];
  if (configured) {
    if (existsSync(configured)) return configured;
    throw missing(`CHROMIUM_PATH names ${configured}, which does not exist`);
  }
  const found = CANDIDATES.find((p) => existsSync(p) && !isScript(p)) ?? CANDIDATES.find((p) => existsSync(p));
  if (!found) throw missing('no Chromium was found');
  return found;
}

/**
 * The environment Chromium runs with: a private empty HOME and the few variables it needs, never the
 * caller's (no THEMELENS_DB_KEY, no tokens, no proxy settings, no HOME with its secrets).
 */
export function printingEnvironment(home: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const keep: Record<string, string> = { HOME: home, PATH: '/usr/local/bin:/usr/bin:/bin', TMPDIR: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home };
  for (const name of ['LANG', 'LC_ALL', 'TZ', 'FONTCONFIG_FILE']) {
    const v = env[name];
    if (v) keep[name] = v;
  }
  return keep;
}

function missing(why: string): AppError {
  return new AppError(
    'UNSUPPORTED',
    `PDF reports from the command line are printed with a headless Chromium, and ${why}. Install it (Debian or Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary; the other formats (html, xlsx, csv, json) need nothing.`,
  );
}
