/**
 * Reads a tag weight given as a fraction 0..1 ("0.5", ".25", "1") or a percentage ("50%") into
 * basis points, exactly (no float rounding): 0.3333 -> 3333. Null when it is neither.
 */
export function parseWeightToBp(text: string): number | null {
  const t = text.trim();
  const pct = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%$/.exec(t);
  if (pct) {
    const bp = Number(pct[1]) * 100 + Number((pct[2] ?? '').padEnd(2, '0'));
    return bp <= 10_000 ? bp : null;
  }
  const m = /^(0|1)?(?:\.(\d{1,4}))?$/.exec(t);
  if (m && t !== '' && t !== '.') {
    const bp = Number(m[1] ?? '0') * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
    return bp <= 10_000 ? bp : null;
  }
  return null;
}

/** Basis points as the fraction the files and the CLI use: 5000 -> "0.5", 3333 -> "0.3333". */
export function bpToFraction(bp: number): string {
  if (bp === 10_000) return '1';
  return `0.${String(bp).padStart(4, '0')}`.replace(/0+$/, '').replace(/\.$/, '') || '0';
}
