/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no inline script,
 * no eval, and no network at all (connect-src 'none'). Sent as a header on every app:// response.
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
