// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markSwitchStart } from '../../../renderer/src/analytics/timing';
import { warmUpViews } from '../../../renderer/src/analytics/warm-up';

/** The views drawn so far, in order (the warm-up measures each drawing). */
const drawn = () => performance.getEntriesByName('themelens:warm-up', 'measure').map((m) => (m as PerformanceMeasure).detail as number);
let added: Element[] = [];
let observer: MutationObserver;

beforeEach(() => {
  // The window's bridge, as the preload gives it: a view drawn ahead may ask it (the currencies view
  // lists the rates held). Without one, that view threw in its effect and the test logged the error.
  (window as unknown as { themelens: unknown }).themelens = new Proxy({}, { get: () => () => Promise.resolve([]) });
  performance.clearMeasures();
  added = [];
  observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => added.push(n as Element))));
  observer.observe(document.body, { childList: true });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  observer.disconnect();
  vi.useRealTimers();
});

describe('drawing the analytics views once while the window is quiet', () => {
  it('draws each view once, after half a second without input, and leaves nothing in the page', async () => {
    const stop = warmUpViews();
    await vi.advanceTimersByTimeAsync(300);
    expect(drawn()).toEqual([]); // the window only just opened
    await vi.advanceTimersByTimeAsync(5000);
    // Themes, accounts, history, currencies, overlap, portfolios, compare, household: each once.
    expect(drawn()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Each drawing was attached to the page and removed within its task: nothing is left behind.
    // (recharts keeps one hidden span of its own to measure text with, as it does for any chart.)
    const ours = (els: Element[]) => els.filter((el) => el.id !== 'recharts_measurement_span');
    expect(ours(added)).toHaveLength(8);
    expect(ours([...document.body.children])).toEqual([]);
    stop();
  });

  it('waits while the user types or clicks, and while a view switch is being drawn', async () => {
    const stop = warmUpViews();
    for (let t = 0; t < 10; t++) {
      await vi.advanceTimersByTimeAsync(300);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    }
    expect(drawn()).toEqual([]);
    markSwitchStart('themes');
    await vi.advanceTimersByTimeAsync(3000);
    expect(drawn()).toEqual([]); // a switch is still being drawn
    performance.clearMarks('themelens:switch-start');
    await vi.advanceTimersByTimeAsync(5000);
    expect(drawn()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    stop();
  });

  it('stops when asked', async () => {
    const stop = warmUpViews();
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(drawn()).toEqual([]);
  });

  it('draws as wide as the views on screen, styled as they are, so their charts need not measure their boxes when first shown', async () => {
    const positions = document.createElement('main');
    positions.className = 'workspace';
    document.body.appendChild(positions);
    const rect = HTMLElement.prototype.getBoundingClientRect;
    const spy = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return this === positions ? ({ width: 1111.4, height: 700 } as DOMRect) : rect.call(this);
    });
    try {
      const stop = warmUpViews();
      await vi.advanceTimersByTimeAsync(5000);
      const ours = added.filter((el) => el !== positions && el.id !== 'recharts_measurement_span') as HTMLElement[];
      expect(ours).toHaveLength(8);
      for (const el of ours) {
        expect(el.className).toBe('analytics');
        expect(el.style.width).toBe('1111.4px'); // unrounded: a chart's box as wide as on screen, to the fraction
      }
      stop();
    } finally {
      spy.mockRestore();
      positions.remove();
    }
  });

  it('draws at a made-up width when no view is on screen yet', async () => {
    const stop = warmUpViews();
    await vi.advanceTimersByTimeAsync(5000);
    const ours = added.filter((el) => el.id !== 'recharts_measurement_span') as HTMLElement[];
    expect(ours.map((el) => el.style.width)).toEqual(new Array(8).fill('1200px'));
    stop();
  });
});
