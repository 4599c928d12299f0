import { existsSync } from 'node:fs';
import { AppError } from '../../shared/api/errors';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** Flags for a quiet, offline headless Chromium: no sandbox (CI containers), no updates or first-run requests. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The Chromium binary to print PDFs with: $CHROMIUM_PATH, else the first one installed; a clear error when none is. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['CHROMIUM_PATH'];
  if (configured) {
    if (existsSync(configured)) return configured;
    throw missing(`CHROMIUM_PATH names ${configured}, which does not exist`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw missing('no Chromium was found');
  return found;
}

function missing(why: string): AppError {
  return new AppError(
    'UNSUPPORTED',
    `PDF reports from the command line are printed with a headless Chromium, and ${why}. Install it (Debian or Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary; the other formats (html, xlsx, csv, json) need nothing.`,
  );
}
