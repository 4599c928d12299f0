// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fixedShare, formatShare } from '../../../shared/report/format';
import { formatPoints } from '../../../shared/report/html-extras';
import { formatShare as windowShare } from '../../../renderer/src/format';

afterEach(() => {
  delete (navigator as unknown as Record<string, unknown>).language;
});

// A cash of -0.01 in a portfolio of 10 million: a share that rounds to zero.
const tiny = -0.01 / 10_000_000;

describe('a share that rounds to zero is written without a minus sign, and one that rounds to all is said to be short of it', () => {
  it('in the reports and the command line (shared/report/format.ts)', () => {
    expect(formatShare(tiny)).toBe('0.0%');
    expect(formatShare(-0.0004)).toBe('0.0%');
    expect(formatShare(-0.0006)).toBe('-0.1%');
    expect(formatShare(0.3201)).toBe('32.0%');
    // Something, too small to show: not "0.0%", which reads as nothing.
    expect(formatShare(0.00018)).toBe('<0.1%');
    expect(formatShare(0.0005)).toBe('0.1%');
    expect(formatShare(0)).toBe('0.0%');
    // Its mirror: short of all, not "100.0%" (Untagged beside themes of "<0.1%" read as nothing tagged).
    expect(formatShare(0.99982)).toBe('>99.9%');
    expect(formatShare(0.9994)).toBe('99.9%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(1.00002)).toBe('100.0%');
    expect(fixedShare(tiny)).toBe('0.000000');
    expect(fixedShare(-0.25)).toBe('-0.250000');
    // Neither gain nor loss: no sign at all.
    expect(formatPoints(tiny)).toBe('0.0 pts');
    expect(formatPoints(0)).toBe('0.0 pts');
    expect(formatPoints(0.0004)).toBe('0.0 pts');
    expect(formatPoints(0.0006)).toBe('+0.1 pts');
    expect(formatPoints(-0.012)).toBe('-1.2 pts');
  });

  it.each([
    ['en-US', '0.0%', '-0.1%', '>99.9%'],
    ['ja-JP', '0.0%', '-0.1%', '>99.9%'],
    ['de-DE', '0,0 %', '-0,1 %', '>99,9 %'],
  ])('in the window, %s', (lang, zero, negative, nearlyAll) => {
    Object.defineProperty(navigator, 'language', { value: lang, configurable: true });
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(windowShare(tiny))).toBe(zero);
    expect(plain(windowShare(-0.0006))).toBe(negative);
    expect(plain(windowShare(0.00018))).toBe(`<${negative.slice(1)}`);
    expect(plain(windowShare(0))).toBe(zero);
    expect(plain(windowShare(0.99982))).toBe(nearlyAll);
    expect(plain(windowShare(1))).not.toMatch(/^>/);
  });
});
