import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DB_FILE_NAME = 'themelens.db';

/**
 * The app's own data folder, the same one Electron's `app.getPath('userData')` gives for the
 * product name "ThemeLens", so the CLI and the desktop app share one database by default.
 * THEMELENS_DATA_DIR overrides it (tests give each run an isolated folder).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['THEMELENS_DATA_DIR']) return env['THEMELENS_DATA_DIR'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'ThemeLens');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ThemeLens');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'ThemeLens');
}

/** Creates the data folder readable by the user alone (0700) and returns the database path in it. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return join(dir, DB_FILE_NAME);
}

/**
 * Creates an empty database file with mode 0600 before SQLite opens it: SQLite gives its -wal and
 * -shm files the database file's mode, so the whole set stays private to the user.
 */
export function ensurePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}
