import { parseHoldingsStream } from '../../../shared/import/stream';
import type { ImportCheck } from '../../../shared/import/checks';
import type { ParsedPosition } from '../../../shared/import/types';

/**
 * A holdings text parsed as a large file is, in chunks: the head (up to the first line feed after
 * byte 200) read first, then the rest. Callers put enough rows before the ones under test for the
 * head to end before them.
 */
export function parseStreamed(text: string): { warnings: string[]; checks: ImportCheck[]; positions: ParsedPosition[]; fileTotalCents: number | null } {
  const bytes = new TextEncoder().encode(text);
  const cut = bytes.indexOf(10, 200) + 1;
  let at = cut;
  const positions: ParsedPosition[] = [];
  const r = parseHoldingsStream(bytes.subarray(0, cut), () => (at >= bytes.length ? null : bytes.subarray(at, (at = bytes.length))), {}, { position: (p) => positions.push(p), issue: () => {} });
  if (!r.ok) throw new Error('stream failed');
  return { warnings: r.warnings, checks: r.checks, positions, fileTotalCents: r.format.fileTotalCents };
}
