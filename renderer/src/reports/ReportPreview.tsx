import { useLayoutEffect, useRef } from 'react';
import type { PaperSize } from '../../../shared/report/document';

/**
 * The report page as it will be saved, in a shadow root so its stylesheet touches nothing else.
 *
 * Why not an iframe: the app's CSP (default-src 'none'; style-src 'self') blocks a srcdoc frame and
 * every <style> element. A constructed stylesheet (adoptedStyleSheets) is not subject to style-src,
 * so the report's own CSS applies without weakening the policy.
 *
 * Why markup at all: `body` comes only from previewReport, that is from shared/report/report-html.ts,
 * which escapes every piece of user text and emits no script, event handler, style attribute or
 * external URL (test/unit/report/document-injection.test.ts). The CSP would refuse to run a script
 * even if one got in. This is the only place in the renderer that assigns HTML (eslint.config.mjs).
 */
export function ReportPreview({ css, body, paper, label }: { css: string; body: string; paper: PaperSize | null; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = body; // eslint-disable-line no-restricted-syntax -- escaped report markup only, see above
  }, [css, body]);
  return <div ref={host} className="report-page" data-paper={paper ?? undefined} data-testid="report-preview-page" role="document" aria-label={label} tabIndex={0} />;
}
