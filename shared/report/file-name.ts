/** File names for batch reports: "<client> - <portfolio>.<ext>", safe on Windows, macOS and Linux. */

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A name part with path separators, control and reserved characters removed, at most 80 characters. */
export function safeNamePart(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 80)
    .trim();
  return cleaned === '' || RESERVED.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** "Smith family - Retirement.pdf"; the client part is left out when there is none or it equals the portfolio's name. */
export function reportFileName(clientName: string | null, portfolio: string, extension: string): string {
  const p = safeNamePart(portfolio);
  const c = clientName && clientName.trim() && clientName.trim().toLowerCase() !== portfolio.trim().toLowerCase() ? safeNamePart(clientName) : null;
  return `${c ? `${c} - ` : ''}${p}.${extension}`;
}
