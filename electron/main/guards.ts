import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './protocol';

/** Whether a URL belongs to the app itself (app://themelens/...). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'themelens' && !u.username && !u.password && !u.port;
  } catch {
    return false;
  }
}

/** Hosts the app itself links to (help pages); nothing else is ever opened in the browser. */
export const EXTERNAL_HOSTS = new Set(['github.com']);

/**
 * The normalized form of an https URL to a known host, or null. The authority must be written
 * plainly (no credentials, even empty ones, no port, no backslash): other URL parsers than the
 * WHATWG one read `https://github.com\@evil.com/` as a login at evil.com.
 */
export function safeExternalUrl(url: string): string | null {
  if (/[\s\\\u0000-\u001f\u007f]/.test(url)) return null;
  try {
    const u = new URL(url);
    const authority = /^https:\/\/([^/?#]*)/i.exec(url)?.[1];
    const plain = authority !== undefined && authority.toLowerCase() === u.host;
    return u.protocol === 'https:' && plain && !u.username && !u.password && u.port === '' && EXTERNAL_HOSTS.has(u.hostname) ? u.href : null;
  } catch {
    return null;
  }
}

/** Whether a URL may be handed to shell.openExternal (see safeExternalUrl). */
export function isSafeExternalUrl(url: string): boolean {
  return safeExternalUrl(url) !== null;
}

/** Denies navigation away from the app, new windows, webviews and downloads in one web contents. */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe) openExternal(safe);
    return { action: 'deny' };
  });
}

/**
 * The one permission the app grants: writing (sanitized) text to the clipboard, for "Copy table",
 * and only to the app's own page in the main frame. Reading the clipboard stays denied.
 */
export function isAllowedPermission(permission: string, requestingUrl: string | undefined, isMainFrame: boolean | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isMainFrame !== false && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** Denies every other permission (camera, notifications, geolocation...), cancels downloads, and keeps the spellchecker offline. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isAllowedPermission(permission, details?.requestingUrl, details?.isMainFrame)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => isAllowedPermission(permission, requestingOrigin, details?.isMainFrame));
  session.on('will-download', (event) => event.preventDefault());
  // Chromium would fetch spellcheck dictionaries from Google; point it nowhere.
  session.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionaries/`);
  session.setSpellCheckerEnabled(false);
}
