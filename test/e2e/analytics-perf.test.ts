import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedKeys, clearAnalyticsCache } from '../../db/exposure/cache';
import { writeHoldingsCsv } from '../bench/generate';
import { startHarness, type Harness } from './harness';

const ROWS = 100_000;
const THEMES = ['data-centers', 'oil-logistics', 'diamond-semiconductors'];
/** The big portfolio as the portfolio picker names it: with its client. */
const BIG = 'Big (Big family)';

/**
 * The Positions view has finished loading the big portfolio: its first page is drawn and the other
 * pages of its 101,000 positions have come. The walks start from there, so they time switching,
 * not switching while the first screen still loads. (The count is waited for first: a row of the
 * small portfolio shown before the big one is chosen must not count as loaded.)
 */
async function positionsLoaded(h: Harness): Promise<void> {
  await h.page.locator('.positions .section-head').filter({ hasText: '101,000 positions' }).waitFor({ timeout: 60_000 });
  await h.page.locator('[data-testid^="position-row-"]').first().waitFor({ timeout: 60_000 });
  await h.page.getByTestId('positions-loading').waitFor({ state: 'detached', timeout: 60_000 });
  await h.page.waitForFunction(() => document.querySelector('[data-testid="positions-loading"]') === null && document.querySelectorAll('[data-testid^="position-row-"]').length > 0);
}

/**
 * Reads the switch measures the renderer recorded with the Performance API (analytics/timing.ts):
 * the whole switch, and when in it the view was committed (the rest is the frame that drew it).
 */
async function lastSwitch(h: Harness): Promise<{ ms: number; committedMs: number; queued: number; askedSincePress: number }> {
  const handle = await h.page.waitForFunction(() => {
    const m = performance.getEntriesByName('themelens:switch', 'measure') as PerformanceMeasure[];
    const last = m[m.length - 1];
    if (!last) return null;
    // Calls of the idle queue (analytics/prefetch.ts) being answered during the switch, and those
    // asked from the press that started it (the queue asks nothing within 300 ms of a press, nor
    // while a switch is pending: none).
    const end = last.startTime + last.duration;
    const during = performance.getEntriesByName('themelens:prefetch', 'measure').filter((p) => p.startTime < end && p.startTime + p.duration > last.startTime);
    // The press of this switch's click (a picker's choice has none: from the switch's start).
    const press = (window as unknown as { lastPress?: number }).lastPress ?? Number.NEGATIVE_INFINITY;
    const from = press <= last.startTime && last.startTime - press < 500 ? press : last.startTime;
    const askedSincePress = performance.getEntriesByName('themelens:prefetch-asked', 'mark').filter((p) => p.startTime >= from && p.startTime <= end).length;
    return { ms: last.duration, committedMs: (last.detail as { committedMs: number }).committedMs, queued: during.length, askedSincePress };
  });
  const took = (await handle.jsonValue()) as { ms: number; committedMs: number; queued: number; askedSincePress: number };
  await h.page.evaluate(() => performance.clearMeasures('themelens:switch'));
  return took;
}

async function lastSwitchMs(h: Harness): Promise<number> {
  return (await lastSwitch(h)).ms;
}

describe(`switching view or snapshot in a ${ROWS.toLocaleString('en-US')}-position portfolio (Performance API, printed)`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const a = join(h.dataDir, 'big-a.csv');
    const b = join(h.dataDir, 'big-b.csv');
    await writeHoldingsCsv(a, ROWS, 5000);
    await writeHoldingsCsv(b, ROWS + 1000, 5000);
    const base = { options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false };
    // A small portfolio to come from when the big one is chosen.
    const small = join(h.dataDir, 'small.csv');
    await writeHoldingsCsv(small, 20, 20);
    await h.backend.handlers.importHoldings({ ...base, path: small, portfolioName: 'A small one', asOf: '2026-06-30' });
    // Of a client, so the Household view has figures to show too.
    const first = await h.backend.handlers.importHoldings({ ...base, path: a, portfolioName: 'Big', clientName: 'Big family', asOf: '2026-06-30' });
    await h.backend.handlers.importHoldings({ ...base, path: b, portfolioId: first.portfolio.id, asOf: '2026-09-30' });
    // 5,000 tagged symbols, spread over the three themes.
    const keys = h.backend.db.prepare('SELECT DISTINCT symbol_key FROM positions WHERE is_cash = 0 LIMIT 5000').pluck().all() as string[];
    await h.backend.handlers.applyTagChanges({ changes: keys.map((k, i) => ({ symbolKey: k, themeId: THEMES[i % 3]!, weightBp: 2500 + (i % 4) * 2500 })) });
    // When the last pointer press was, for the count of queue calls asked from it (lastSwitch).
    await h.page.addInitScript(() => window.addEventListener('pointerdown', () => ((window as unknown as { lastPress: number }).lastPress = performance.now()), { capture: true }));
    await h.page.reload();
    await h.page.getByTestId('portfolio-picker').selectOption({ label: BIG });
    await positionsLoaded(h);
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it('choosing the big portfolio paints its first rows of Positions at once (printed; target 300 ms)', async () => {
    const picker = h.page.getByTestId('portfolio-picker');
    const ids = await picker.locator('option').evaluateAll((o) => o.map((x) => ({ id: (x as HTMLOptionElement).value, name: x.textContent ?? '' })));
    const big = ids.find((o) => o.name === BIG)!.id;
    const smallOne = ids.find((o) => o.name === 'A small one')!.id;
    // The latest snapshot of Big holds 101,000 positions.
    const count = (h.backend.db.prepare("SELECT s.row_count FROM snapshots s JOIN portfolios p ON p.id = s.portfolio_id WHERE p.name = 'Big' ORDER BY s.as_of DESC LIMIT 1").pluck().get() as number).toLocaleString('en-US');
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await picker.selectOption(smallOne);
      await h.page.locator('.positions .section-head').filter({ hasText: '20 positions' }).waitFor();
      // From the choice to the first row of the big portfolio drawn, timed in the page (Performance API).
      const ms = await h.page.evaluate(async ({ id, count }) => {
        const select = document.querySelector('[data-testid="portfolio-picker"]') as HTMLSelectElement;
        const t0 = performance.now();
        select.value = id;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise<void>((done) => {
          const check = () => ((document.querySelector('.positions .section-head')?.textContent ?? '').includes(`${count} positions`) && document.querySelector('[data-testid^="position-row-"]') ? done() : requestAnimationFrame(check));
          check();
        });
        return performance.now() - t0;
      }, { id: big, count });
      times.push(ms);
      // The first rows with the bar saying how much of the list has come (the tools wait for it).
      if (i === 0) await h.screenshot('analytics-perf-positions-first-page');
      await positionsLoaded(h);
    }
    console.log(`Choose a ${count}-position portfolio -> first rows of Positions painted: ${times.map((x) => `${x.toFixed(0)} ms`).join(', ')} (target < 300 ms; the rest arrives in pages of 25,000)`);
    expect(times.length).toBe(3);
  }, 120_000);

  it('each view switch and snapshot switch is measured and printed', async () => {
    // Each switch is labelled with what the backend computed for it (cache entries it added:
    // "summary" is the one pass per snapshot the views share, computed by the Positions view's
    // exposure totals for the latest snapshot) or "cached" when it computed nothing.
    const db = h.backend.db;
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((x, y) => x - y);
      return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms (${xs.length})`;
    };
    // The same walk through the views twice: clicks back to back (the window gets no idle time to
    // compute ahead), then as a person reads, a second on each view (analytics/prefetch.ts uses it).
    const walk = async (pauseMs: number): Promise<[string, number, string][]> => {
      const rows: [string, number, string][] = [];
      const measured = async (what: string, act: () => Promise<unknown>) => {
        if (pauseMs) await h.page.waitForTimeout(pauseMs);
        const before = new Set(cachedKeys(db));
        const firstCall = h.calls.length;
        await act();
        const { ms, committedMs, queued, askedSincePress } = await lastSwitch(h);
        expect(askedSincePress, `${what}: calls of the idle queue asked between the press and the switch drawn`).toBe(0);
        const added = cachedKeys(db).filter((k) => !before.has(k)).map((k) => k.split(':')[0]);
        // The backend's share: the calls the switch made (prefetches would show here too).
        const backend = h.calls.slice(firstCall).map((c) => `${c.name} ${c.ms.toFixed(1)}`).join(', ');
        rows.push([what, ms, `committed at ${committedMs.toFixed(1)} ms, ${queued} queue call(s) in flight; ${added.length ? `computed: ${[...new Set(added)].join(', ')}` : 'cached'}${backend ? ` (backend: ${backend} ms)` : ''}`]);
      };
      for (const v of ['themes', 'accounts', 'currencies', 'overlap', 'history', 'portfolios', 'compare', 'scenarios', 'household', 'themes'] as const) {
        await measured(`view -> ${v}`, () => h.page.getByTestId(`view-tab-${v}`).click());
      }
      for (const v of ['accounts', 'themes'] as const) {
        await h.page.getByTestId(`view-tab-${v}`).click();
        await lastSwitchMs(h);
        const options = await h.page.getByTestId('snapshot-picker').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
        for (const id of [options[1]!, options[0]!]) {
          await measured(`${v}: snapshot -> ${id}`, () => h.page.getByTestId('snapshot-picker').selectOption(id));
        }
      }
      await measured('themes -> positions', () => h.page.getByTestId('view-tab-positions').click());
      await positionsLoaded(h);
      await measured('positions -> themes', () => h.page.getByTestId('view-tab-themes').click());
      return rows;
    };
    let warmUps: number[] = [];
    const readWarmUps = async () => {
      warmUps = await h.page.evaluate(() => performance.getEntriesByName('themelens:warm-up', 'measure').map((m) => m.duration));
    };
    const print = (title: string, rows: [string, number, string][]) => {
      console.log(`\n${title}`);
      for (const [what, ms, how] of rows) console.log(`  ${what.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms   ${how}`);
      console.log(`  all switches: ${stats(rows.map((r) => r[1]))}`);
      const cold = rows.filter((r) => r[2].includes('; computed')).map((r) => r[1]);
      const warm = rows.filter((r) => !r[2].includes('; computed')).map((r) => r[1]);
      if (cold.length) console.log(`  computing something: ${stats(cold)}`);
      if (warm.length) console.log(`  all from the cache:  ${stats(warm)}`);
      console.log(`  views drawn ahead while the window was quiet (analytics/warm-up.tsx): ${warmUps.length ? warmUps.map((ms) => `${ms.toFixed(0)} ms`).join(', ') : 'none'}`);
    };
    const restart = async () => {
      clearAnalyticsCache(db);
      await h.page.reload();
      await h.page.getByTestId('portfolio-picker').selectOption({ label: BIG });
      await positionsLoaded(h);
    };
    // A chart drawn again at another width after it was shown (ChartBox.tsx): the window is not
    // resized here, so each chart's first drawing, at the width the warm-up found, must be its last.
    const redrawn = () => h.page.evaluate(() => performance.getEntriesByName('themelens:chart-redrawn', 'mark').map((m) => JSON.stringify((m as PerformanceMark).detail)));
    const what = `Switch to painted (click -> data -> commit -> the task after the next frame), ${ROWS.toLocaleString('en-US')} positions, 5,000 tagged symbols`;
    const rows = await walk(0);
    await readWarmUps();
    print(`${what}; clicks back to back:`, rows);
    expect(await redrawn(), 'charts drawn again at another width in the first walk').toEqual([]);
    await restart();
    const reading = await walk(1000);
    await readWarmUps();
    print(`${what}; a second on each view before the next click:`, reading);
    expect(await redrawn(), 'charts drawn again at another width in the second walk').toEqual([]);
    // A second on the Positions view, and the Themes view of the snapshot before is computed ahead
    // too (App.tsx's queue, or beside the first comparison on its thread: figures-ahead.ts):
    // switching to it there is served from the cache.
    const pid = db.prepare("SELECT id FROM portfolios WHERE name = 'Big'").pluck().get() as number;
    const picker = h.page.getByTestId('snapshot-picker');
    const [latest, before] = await picker.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    await h.page.getByTestId('view-tab-positions').click();
    clearAnalyticsCache(db);
    await lastSwitchMs(h);
    await positionsLoaded(h);
    await expect.poll(() => cachedKeys(db).includes(`themes:${pid}:USD:${before}:10`), { timeout: 20_000 }).toBe(true);
    await h.page.getByTestId('view-tab-themes').click();
    await lastSwitchMs(h);
    const ahead = new Set(cachedKeys(db));
    await picker.selectOption(before!);
    const aheadMs = await lastSwitchMs(h);
    expect(cachedKeys(db).filter((k) => !ahead.has(k))).toEqual([]);
    console.log(`\nThemes: snapshot -> ${before} after a second on Positions (computed ahead): ${aheadMs.toFixed(1)} ms`);
    await picker.selectOption(latest!);
    await lastSwitchMs(h);
    // The same calls straight on the backend: how much of a switch is SQL, with nothing cached
    // (cold: every analytics cache entry dropped first) and cached.
    const hd = h.backend.handlers;
    const calls: [string, () => unknown][] = [
      ['getThemeBreakdown', () => hd.getThemeBreakdown({ portfolioId: pid, top: 10 })],
      ['getAccountBreakdown', () => hd.getAccountBreakdown({ portfolioId: pid })],
      ['getCurrencyBreakdown', () => hd.getCurrencyBreakdown({ portfolioId: pid })],
      ['getThemeOverlap', () => hd.getThemeOverlap({ portfolioId: pid })],
      ['getThemeHistory', () => hd.getThemeHistory({ portfolioId: pid })],
      // As the window asks for it (App.tsx, SCREEN_POSITION_LIMIT): the figures without positions.
      ['getExposure (totals only)', () => hd.getExposure({ portfolioId: pid, positionLimit: 0 })],
    ];
    console.log('Backend time of each call (SQL, same database, median of 3): cold (cache emptied before each) / cached');
    for (const [name, call] of calls) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < 3; i++) {
        clearAnalyticsCache(db);
        let t0 = performance.now();
        await call();
        cold.push(performance.now() - t0);
        t0 = performance.now();
        await call();
        warm.push(performance.now() - t0);
      }
      const med = (xs: number[]) => xs.sort((x, y) => x - y)[1]!.toFixed(1).padStart(7);
      console.log(`  ${name.padEnd(28)} ${med(cold)} ms / ${med(warm)} ms`);
    }
    // After a tag edit everything cached is dropped: the exposure the Positions view asks for next
    // (its figures, no positions) is computed afresh. Target: under 20 ms (issue 16).
    const tagged = db.prepare("SELECT symbol_key FROM tags WHERE theme_id = 'data-centers' LIMIT 5").pluck().all() as string[];
    const afterEdit: number[] = [];
    for (const [i, key] of tagged.entries()) {
      await hd.applyTagChanges({ changes: [{ symbolKey: key, themeId: 'data-centers', weightBp: 1000 + i }] });
      const t0 = performance.now();
      await hd.getExposure({ portfolioId: pid, positionLimit: 0 });
      afterEdit.push(performance.now() - t0);
    }
    const sortedEdits = [...afterEdit].sort((x, y) => x - y);
    console.log(`getExposure after a tag edit (5 edits): median ${sortedEdits[2]!.toFixed(1)} ms, max ${sortedEdits[4]!.toFixed(1)} ms (target < 20 ms)`);
    expect(rows.length).toBeGreaterThan(10);
    // A total of $23 billion fits the donut's hole (inner radius 55% of 85% of the chart's half):
    // it is shown compact, the whole amount in its tooltip.
    const center = await h.page.getByTestId('donut-total').evaluate((el) => {
      const svg = (el as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
      return { shown: own, full: el.querySelector('title')?.textContent ?? '', width: (el as SVGTextElement).getBBox().width, hole: 0.55 * 0.85 * Math.min(svg.width, svg.height) };
    });
    expect(center.shown).toMatch(/^\$23\.\dB$/);
    expect(center.full).toMatch(/^\$23,\d{3},\d{3},\d{3}\.\d{2}$/);
    expect(center.width).toBeLessThan(center.hole);
    // The treemap's "Other" is nearly all of each theme here: it says how many positions it holds.
    const labels = await h.page.getByTestId('treemap-chart').locator('.treemap-label').allTextContents();
    expect(labels.filter((l) => /^Other \([\d,]+ positions\)$/.test(l)).length).toBe(3);
    await h.screenshot('analytics-perf-themes');
  }, 300_000);
});
