import { describe, expect, it } from 'vitest';
import { counted } from '../../../cli/plural';

describe('counted: a count and its noun, never "(s)"', () => {
  it('one is singular; zero and more are plural', () => {
    expect(counted(1, 'position')).toBe('1 position');
    expect(counted(2, 'position')).toBe('2 positions');
    expect(counted(0, 'portfolio')).toBe('0 portfolios');
    expect(counted(1, 'symbol/theme pair')).toBe('1 symbol/theme pair');
  });

  it('takes the plural words an "s" does not make', () => {
    expect(counted(1, 'position keeps its', 'positions keep their')).toBe('1 position keeps its');
    expect(counted(4, 'position keeps its', 'positions keep their')).toBe('4 positions keep their');
  });
});
