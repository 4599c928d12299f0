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

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a chart box', () => {
  it('draws a chart kind the first time once, at the width of its box, before the browser paints', () => {
    boxWidth(777);
    const widths: number[] = [];
    const Probe = probe(widths);
    render(<ChartBox kind="first-visit" height={200}><Probe /></ChartBox>);
    expect(widths).toEqual([777]);
  });

  it('draws a kind seen before at its last width straight away', () => {
    boxWidth(640);
    const first: number[] = [];
    const P1 = probe(first);
    render(<ChartBox kind="seen" height={200}><P1 /></ChartBox>);
    cleanup();
    boxWidth(1);
    const again: number[] = [];
    const P2 = probe(again);
    render(<ChartBox kind="seen" height={200}><P2 /></ChartBox>);
    expect(again).toEqual([640]);
  });

  it('does not take the width of a box drawn off screen (the warm-up) as the window\'s', () => {
    boxWidth(1200);
    const unseen: number[] = [];
    const U = probe(unseen);
    drawingUnseen(() => {
      render(<ChartBox kind="warmed" height={200}><U /></ChartBox>);
    });
    expect(unseen).toEqual([1200]);
    cleanup();
    boxWidth(500);
    const seen: number[] = [];
    const S = probe(seen);
    render(<ChartBox kind="warmed" height={200}><S /></ChartBox>);
    expect(seen).toEqual([500]);
  });

  it('keeps the width of a box drawn off screen when the warm-up says it is as wide as the views on screen', () => {
    boxWidth(913);
    const unseen: number[] = [];
    const U = probe(unseen);
    drawingUnseen(() => {
      render(<ChartBox kind="warmed-as-shown" height={200}><U /></ChartBox>);
    }, true);
    cleanup();
    // The first drawing in the window reads no box (it would read 1 here): the width is known.
    boxWidth(1);
    const seen: number[] = [];
    const S = probe(seen);
    render(<ChartBox kind="warmed-as-shown" height={200}><S /></ChartBox>);
    expect(seen).toEqual([913]);
  });

  it('measures the box again in a window resized since a kind was last drawn (its width is no longer the box\'s)', () => {
    const width = window.innerWidth;
    boxWidth(640);
    const first: number[] = [];
    const P1 = probe(first);
    render(<ChartBox kind="resized" height={200}><P1 /></ChartBox>);
    cleanup();
    Object.defineProperty(window, 'innerWidth', { value: width + 300, configurable: true });
    try {
      boxWidth(940);
      const again: number[] = [];
      const P2 = probe(again);
      render(<ChartBox kind="resized" height={200}><P2 /></ChartBox>);
      expect(again).toEqual([940]);
    } finally {
      Object.defineProperty(window, 'innerWidth', { value: width, configurable: true });
    }
  });
});
