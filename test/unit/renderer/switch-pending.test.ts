// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markSwitchStart, switchPending } from '../../../renderer/src/analytics/timing';

afterEach(() => {
  vi.restoreAllMocks();
  performance.clearMarks();
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
});
