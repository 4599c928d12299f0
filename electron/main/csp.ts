import type { Session } from 'electron';

/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no inline script,
 * no eval, and no network at all (connect-src 'none'). style-src stays 'self': React and recharts
 * set styles through the CSSOM (element.style), which CSP does not block; only style="" attributes
 * in markup would need 'unsafe-inline' (via style-src-attr), and the app ships none.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Response headers with the app's CSP in place of any policy the response carried (any casing). */
export function withCsp(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (/^content-security-policy(-report-only)?$/i.test(name)) continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/**
 * Puts the CSP on every response the session receives, not only app:// ones, so nothing that ever
 * reaches a web contents (an error page, a future resource) runs without it.
 */
export function enforceCsp(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders) }));
}
