import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../renderer/src/analytics/charts/axis-ticks';

describe('round ticks for a value axis', () => {
  it('steps of 1, 2, 2.5 or 5 times a power of ten, at most six, spanning the bars', () => {
    // The accounts chart of the e2e household: recharts drew 0, 9.5K, 19K, 28.5K, 38K.
    expect(niceTicks(0, 36_395.36, 1)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    // With room above the tallest bar for its label.
    expect(niceTicks(0, 4_826_927_154.16)).toEqual([0, 1e9, 2e9, 3e9, 4e9, 5e9, 6e9]);
    expect(niceTicks(-1_200, 3_000)).toEqual([-2_000, -1_000, 0, 1_000, 2_000, 3_000, 4_000]);
    expect(niceTicks(0, 0)).toEqual([0]);
  });
});
