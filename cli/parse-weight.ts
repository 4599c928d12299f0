import { UsageError } from './errors';

/**
 * Reads a tag weight given as a fraction 0..1 ("0.5", ".25", "1") or a percentage ("50%") into
 * basis points, exactly (no float rounding): 0.3333 -> 3333.
 */
export function parseWeightToBp(text: string): number {
  const t = text.trim();
  const pctMatch = /^(\d{1,3})(?:\.(\d{1,2}))?%$/.exec(t);
  if (pctMatch) {
    const bp = Number(pctMatch[1]) * 100 + Number((pctMatch[2] ?? '').padEnd(2, '0'));
    if (bp <= 10_000) return bp;
  }
  const m = /^(0|1)?(?:\.(\d{1,4}))?$/.exec(t);
  if (m && t !== '' && t !== '.') {
    const bp = Number(m[1] ?? '0') * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
    if (bp <= 10_000) return bp;
  }
  throw new UsageError(`--weight "${text}" is not a weight between 0 and 1 (e.g. 0.5) with at most 4 decimals, or a percentage such as 50%.`);
}
