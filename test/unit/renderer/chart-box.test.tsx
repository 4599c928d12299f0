// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartBox, drawingUnseen } from '../../../renderer/src/analytics/charts/ChartBox';

/** Stands in for a recharts chart: records each width it is drawn at. */
function probe(widths: number[]) {
  return function Probe({ width }: { width?: number; height?: number }) {
    widths.push(width ?? -1);
    return <div data-testid="probe" />;
  };
}

const boxWidth = (w: number) => vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: w, height: 100, x: 0, y: 0, top: 0, left: 0, right: w, bottom: 100, toJSON: () => ({}) } as DOMRect);

/**
 * Draws a chart of `kind` in a box `box` px wide, as the window does, or unseen as the warm-up does
 * (`as shown`: in an element as wide as the views on screen), and takes it away again; returns the
 * widths the chart was drawn at.
 */
function drawIn(kind: string, box: number, how: 'window' | 'unseen' | 'unseen as shown' = 'window'): number[] {
  boxWidth(box);
  const widths: number[] = [];
  const Probe = probe(widths);
  const draw = () => void render(<ChartBox kind={kind} height={200}><Probe /></ChartBox>);
  if (how === 'window') draw();
  else drawingUnseen(draw, how === 'unseen as shown');
  cleanup();
  return widths;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a chart box', () => {
  it('draws a chart kind the first time once, at the width of its box, before the browser paints', () => {
    expect(drawIn('first-visit', 777)).toEqual([777]);
  });

  it('draws a kind seen before at its last width straight away', () => {
    drawIn('seen', 640);
    // It would read 1 if it measured its box.
    expect(drawIn('seen', 1)).toEqual([640]);
  });

  it("does not take the width of a box drawn off screen (the warm-up) as the window's", () => {
    expect(drawIn('warmed', 1200, 'unseen')).toEqual([1200]);
    expect(drawIn('warmed', 500)).toEqual([500]);
  });

  it('keeps the width of a box drawn off screen when the warm-up says it is as wide as the views on screen', () => {
    drawIn('warmed-as-shown', 913, 'unseen as shown');
    // The first drawing in the window reads no box: the width is known.
    expect(drawIn('warmed-as-shown', 1)).toEqual([913]);
  });

  it("measures the box again in a window resized since a kind was last drawn (its width is no longer the box's)", () => {
    const width = window.innerWidth;
    drawIn('resized', 640);
    Object.defineProperty(window, 'innerWidth', { value: width + 300, configurable: true });
    try {
      expect(drawIn('resized', 940)).toEqual([940]);
    } finally {
      Object.defineProperty(window, 'innerWidth', { value: width, configurable: true });
    }
  });
});
