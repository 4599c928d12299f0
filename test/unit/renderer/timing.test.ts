// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, markSwitchStart, switchPending, useSwitchMeasure } from '../../../renderer/src/analytics/timing';

afterEach(() => {
  vi.restoreAllMocks();
  performance.clearMarks();
  performance.clearMeasures();
});

describe('a switch the user asked for', () => {
  it('is pending until drawn, and stops counting after five seconds when it never is (figures that failed, a minimised window)', () => {
    expect(switchPending()).toBe(false);
    markSwitchStart('positions');
    expect(switchPending()).toBe(true);
    const now = performance.now();
    vi.spyOn(performance, 'now').mockReturnValue(now + 4900);
    expect(switchPending()).toBe(true);
    vi.spyOn(performance, 'now').mockReturnValue(now + 5100);
    // Otherwise the idle queue and the warm-up, which wait while a switch is pending, would wait for good.
    expect(switchPending()).toBe(false);
  });

  it("is measured once its frame is painted, before work the view defers past that frame (the Compare view's later rows)", async () => {
    const seen: string[] = [];
    markSwitchStart('compare');
    // As the Compare view: the measure asked for as the view commits, the later rows by an effect.
    renderHook(() => {
      useSwitchMeasure('compare', true);
      useEffect(() => afterNextPaint(() => seen.push(`rows drawn, ${performance.getEntriesByName('themelens:switch', 'measure').length} measure`)), []);
    });
    await waitFor(() => expect(seen).toEqual(['rows drawn, 1 measure']));
    expect(switchPending()).toBe(false);
  });
});
