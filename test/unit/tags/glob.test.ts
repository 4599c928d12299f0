import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../../shared/tags/glob';

/** The obvious regex translation: right on short texts, exponential on long ones (why glob.ts exists). */
function reference(pattern: string, text: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'is').test(text);
}

const alphabet = fc.constantFrom('a', 'b', 'A', '*', '?', '.', ' ');
const textAlphabet = fc.constantFrom('a', 'b', 'A', 'B', '.', ' ', '*');

describe('rule globs', () => {
  it('match exactly what the regex translation matches (property)', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(textAlphabet, { maxLength: 12 }), (p, t) => {
        const pattern = p.join('');
        const text = t.join('');
        expect(compileGlob(pattern)(text)).toBe(reference(pattern, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('examples: anchors, ?, case', () => {
    expect(compileGlob('*solar*')('First SOLAR Inc')).toBe(true);
    expect(compileGlob('solar*')('First Solar')).toBe(false);
    expect(compileGlob('n?da')('NVDA')).toBe(true);
    expect(compileGlob('*ab*ab')('abab')).toBe(true);
    expect(compileGlob('*ab*ab')('aba')).toBe(false);
    expect(compileGlob('a*a')('a')).toBe(false);
  });

  it('pathological patterns on a long description stay fast (the regex form takes minutes)', () => {
    const long = 'a'.repeat(20_000);
    const patterns = fc.sample(
      fc.integer({ min: 5, max: 40 }).map((n) => `${'*a'.repeat(n)}*b`),
      50,
    ).concat(['*a*a*a*a*a*a*a*a*a*b', '*?*?*?*?*?*?*?*?*b', '*aa*aa*aa*aa*aa*aa*aab']);
    const t0 = performance.now();
    for (const p of patterns) expect(compileGlob(p)(long)).toBe(false);
    // A generous bound: linear scans take a few ms here; backtracking would not finish.
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
