// @vitest-environment happy-dom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, callsInFlight } from '../../../renderer/src/api';
import { compareCall, previousSnapshotCall, usePrefetch } from '../../../renderer/src/analytics/prefetch';
import { markSwitchStart } from '../../../renderer/src/analytics/timing';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A call that resolves after `ms` of (fake) time and records that it ran. */
const call = (log: string[], name: string, ms: number) => () => {
  log.push(name);
  return new Promise<void>((done) => setTimeout(done, ms));
};

describe('prefetching the next views while the window is idle', () => {
  it('runs the calls one at a time after the view settles, and stops at the first very slow one', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    renderHook(() => usePrefetch(() => [call(log, 'a', 10), call(log, 'b', 600), call(log, 'c', 10)], 'k1'));
    expect(log).toEqual([]); // nothing while the view on screen settles
    await vi.advanceTimersByTimeAsync(260);
    expect(log).toEqual([]); // scheduled for idle time
    await vi.advanceTimersByTimeAsync(60);
    expect(log).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual(['a', 'b']); // one at a time: b only after a answered
    await vi.advanceTimersByTimeAsync(5000);
    expect(log).toEqual(['a', 'b']); // b took over half a second: c is not asked for
  });

  it('after a slow call (a busy moment), leaves the backend free as long again, then goes on', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    renderHook(() => usePrefetch(() => [call(log, 'a', 300), call(log, 'b', 10)], 'k1'));
    await vi.advanceTimersByTimeAsync(320);
    expect(log).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(300 + 200); // a answered; less than 300 ms since
    expect(log).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toEqual(['a', 'b']);
  });

  it('starts over when the key changes and stops when the view goes away', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const { rerender, unmount } = renderHook(({ key }) => usePrefetch(() => [call(log, `${key}-1`, 5), call(log, `${key}-2`, 5)], key), { initialProps: { key: 'k1' as string | null } });
    await vi.advanceTimersByTimeAsync(320);
    expect(log).toEqual(['k1-1']);
    rerender({ key: 'k2' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(['k1-1', 'k2-1', 'k2-2']); // k1-2 never ran
    rerender({ key: null });
    unmount();
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(['k1-1', 'k2-1', 'k2-2']);
  });
});

describe('prefetching waits for the backend to be free', () => {
  it('counts the calls in flight, and asks nothing ahead while one is (a large screen still loading)', async () => {
    vi.useFakeTimers();
    let answer: (v: unknown) => void = () => {};
    // Frozen, as Electron's contextBridge hands it to the window.
    (window as unknown as { themelens: unknown }).themelens = Object.freeze({ listPositions: () => new Promise((ok) => (answer = ok)), on: () => () => {} });
    expect(callsInFlight()).toBe(0);
    const slow = api().listPositions({ snapshotId: 1 });
    expect(callsInFlight()).toBe(1);
    const log: string[] = [];
    renderHook(() => usePrefetch(() => [call(log, 'a', 10), call(log, 'b', 10)], 'k1'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(log).toEqual([]); // the backend is busy with the user's call
    answer({ rows: [] });
    await slow;
    expect(callsInFlight()).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(log).toEqual(['a', 'b']);
  });
});

describe('prefetching keeps out of the way of the user', () => {
  it('asks nothing while a switch the user asked for is being drawn', async () => {
    // The Performance API real (the switch's mark lives there), the clocks fake.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const log: string[] = [];
    markSwitchStart('themes');
    renderHook(() => usePrefetch(() => [call(log, 'a', 10), call(log, 'b', 10)], 'k1'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(log).toEqual([]);
    performance.clearMarks('themelens:switch-start'); // the switch was painted (timing.ts)
    await vi.advanceTimersByTimeAsync(500);
    expect(log).toEqual(['a', 'b']);
  });

  it('asks nothing within 300 ms of a key or pointer press: the press of a click comes before its switch', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    renderHook(() => usePrefetch(() => [call(log, 'a', 10), call(log, 'b', 10), call(log, 'c', 10)], 'k1'));
    // Pressed every 200 ms from before the queue would start: it waits throughout.
    for (let t = 0; t < 10; t++) {
      window.dispatchEvent(new Event(t % 2 ? 'pointerdown' : 'keydown'));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(log).toEqual(['a', 'b', 'c']);
  });
});

describe('the snapshot before', () => {
  it("asks for the view's figures of the snapshot after the given one in the picker's order, and nothing without one", async () => {
    const asked: unknown[] = [];
    // Newest first, as listSnapshots gives them.
    (window as unknown as { themelens: unknown }).themelens = Object.freeze({
      listSnapshots: async () => [{ id: 7 }, { id: 3 }, { id: 5 }],
      getThemeBreakdown: async (input: unknown) => asked.push(input),
      getAccountBreakdown: async (input: unknown) => asked.push(input),
      on: () => () => {},
    });
    await previousSnapshotCall('themes', 1, 7, 1)();
    await previousSnapshotCall('accounts', 1, 3, 1)();
    expect(asked).toEqual([
      { portfolioId: 1, snapshotId: 3, top: 10 },
      { portfolioId: 1, snapshotId: 5 },
    ]);
    await previousSnapshotCall('themes', 1, 5, 1)(); // the oldest
    await previousSnapshotCall('themes', 1, 99, 1)(); // gone meanwhile
    expect(asked).toHaveLength(2);
  });
});

describe('the first comparison', () => {
  it('asks to compare the latest snapshot with the one before, as the Compare view opens, and nothing with one snapshot', async () => {
    const asked: unknown[] = [];
    let snapshots = [{ id: 7 }, { id: 3 }, { id: 5 }];
    (window as unknown as { themelens: unknown }).themelens = Object.freeze({
      listSnapshots: async () => snapshots,
      compareSnapshots: async (input: unknown) => asked.push(input),
      on: () => () => {},
    });
    await compareCall(1, 1)();
    expect(asked).toEqual([{ portfolioId: 1, fromSnapshotId: 3, toSnapshotId: 7 }]);
    snapshots = [{ id: 9 }];
    await compareCall(2, 1)();
    expect(asked).toHaveLength(1);
  });
});
