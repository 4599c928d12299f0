import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedKeys, clearAnalyticsCache } from '../../db/exposure/cache';
import { accountBreakdown, accountsKey, themeBreakdown, themesKey } from '../../db/exposure/breakdowns';
import { historyKey, themeHistory } from '../../db/exposure/history';
import { compareSnapshots } from '../../db/exposure/compare';
import { figuresAhead } from '../../db/exposure/figures-ahead';
import { cachedClientExposure, clientExposureKey, computeClientExposure } from '../../db/exposure/client';
import { keepPostedSides, postedSides, readSides } from '../../db/exposure/compare-sides';
import { setFxRate } from '../../db/repos/fx';
import { getPortfolio } from '../../db/repos/portfolios';
import { getSnapshot } from '../../db/repos/snapshots';
import { openBackend, type Backend } from '../../db/service/backend';
import { storeOf } from '../../db/store';
import { makeTempDir } from '../helpers/temp-dir';
import { addSnapshot, tag } from '../unit/exposure/fixture';

/**
 * The Compare view's first comparison and the Household view's figures computed ahead on a thread
 * of their own (figures-ahead.ts, figures-worker.ts, run here from source): kept in the main
 * connection's analytics cache only when nothing was written while they were computed, and then
 * the same as computed on the click.
 */
describe('a comparison computed ahead on its own thread', () => {
  const open: { backend: Backend; cleanup: () => void }[] = [];
  afterEach(() => {
    for (const o of open.splice(0)) {
      o.backend.close();
      o.cleanup();
    }
  });

  async function twoSnapshots() {
    const temp = makeTempDir('themelens-figures-ahead-');
    const dbPath = join(temp.dir, 'themelens.db');
    const backend = await openBackend({ dbPath });
    open.push({ backend, cleanup: temp.cleanup });
    const { db } = backend;
    db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (1, 'Smith family', 'USD', '2026-01-01T00:00:00Z')").run();
    setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.1' }, '2026-01-01');
    const from = addSnapshot(db, '2026-03-31', '2026-04-01T00:00:00Z', [
      { symbol: 'AAA', quantity: '10', valueCents: 100_000 },
      { symbol: 'BBB', quantity: '5', valueCents: 50_000, currency: 'EUR' },
      { symbol: 'CCC', quantity: '1', valueCents: 7_000 },
    ]);
    const to = addSnapshot(db, '2026-06-30', '2026-07-01T00:00:00Z', [
      { symbol: 'AAA', quantity: '12', valueCents: 130_000 },
      { symbol: 'BBB', quantity: '5', valueCents: 55_000, currency: 'EUR' },
      { symbol: 'DDD', quantity: '3', valueCents: 9_000 },
    ]);
    tag(db, 'AAA', 'data-centers', 5000, '2026-02-01T00:00:00Z');
    const portfolio = getPortfolio(db, 1);
    const pair = () => [getSnapshot(db, from), getSnapshot(db, to)] as const;
    const connection = { dbPath, readonly: false };
    // Ahead whatever the size (the app leaves comparisons under 20,000 positions to the click).
    const ahead = () => figuresAhead(db, connection, portfolio, { comparison: pair() }, { fromPositions: 0 });
    /** The comparison computed here, from nothing kept. */
    const fresh = () => {
      clearAnalyticsCache(db);
      storeOf(db).comparedSides = null;
      return compareSnapshots(db, portfolio, ...pair());
    };
    return { backend, db, dbPath, portfolio, pair, ahead, fresh, ids: { from, to } };
  }

  it('is kept as computed here, with the sides it read', async () => {
    const { db, portfolio, pair, ahead, fresh, ids } = await twoSnapshots();
    expect(ahead()).toBe(true);
    // Asked again while it computes: nothing more starts.
    expect(ahead()).toBe(false);
    await storeOf(db).figuresAhead?.done;
    // Nothing was computed on this connection: the cache holds the thread's comparison, and the
    // earlier snapshot's Themes and Accounts figures.
    expect(cachedKeys(db).filter((k) => k.startsWith('compare:'))).toHaveLength(1);
    expect(cachedKeys(db)).toEqual(expect.arrayContaining([`themes:1:USD:${ids.from}:10`, `accounts:1:USD:${ids.from}`]));
    expect(storeOf(db).comparedSides).not.toBeNull();
    const [earlier] = pair();
    const themes = themeBreakdown(db, portfolio, earlier, 10);
    const accounts = accountBreakdown(db, portfolio, earlier);
    const served = compareSnapshots(db, portfolio, ...pair());
    expect(served).toEqual(fresh());
    expect([themes, accounts]).toEqual([themeBreakdown(db, portfolio, earlier, 10), accountBreakdown(db, portfolio, earlier)]);
    expect(themes.themes.find((t) => t.id === 'data-centers')?.value).toBe(500);
    expect(served.themes.find((t) => t.id === 'data-centers')?.toValue).toBe(650);
    // Already computed: nothing starts.
    compareSnapshots(db, portfolio, ...pair());
    expect(ahead()).toBe(false);
    // Computed before a tag edit (the comparison's name is the same): it starts again.
    tag(db, 'DDD', 'oil-logistics', 10_000, '2026-08-01T00:00:00Z');
    expect(ahead()).toBe(true);
    await storeOf(db).figuresAhead?.done;
  });

  it('is not kept when a tag is edited meanwhile; its sides are, and the comparison after it has the edit', async () => {
    const { db, portfolio, pair, ahead, fresh } = await twoSnapshots();
    expect(ahead()).toBe(true);
    // On this thread, before the other has even started.
    tag(db, 'DDD', 'oil-logistics', 10_000, '2026-08-01T00:00:00Z');
    await storeOf(db).figuresAhead?.done;
    expect(cachedKeys(db).filter((k) => k.startsWith('compare:'))).toEqual([]);
    // Both sides are what they were (tags take no part in them).
    expect(storeOf(db).comparedSides).not.toBeNull();
    const after = compareSnapshots(db, portfolio, ...pair());
    expect(after.themes.find((t) => t.id === 'oil-logistics')?.toValue).toBe(90);
    expect(after).toEqual(fresh());
  });

  it('is not kept when a rate changes meanwhile, and the comparison after it has the new rate', async () => {
    const { db, portfolio, pair, ahead, fresh } = await twoSnapshots();
    expect(ahead()).toBe(true);
    setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.2' }, '2026-02-01');
    await storeOf(db).figuresAhead?.done;
    expect(cachedKeys(db).filter((k) => k.startsWith('compare:'))).toEqual([]);
    const after = compareSnapshots(db, portfolio, ...pair());
    // BBB: 550.00 EUR at 1.2.
    expect(after.to.totalValue).toBe(1300 + 660 + 90);
    expect(after).toEqual(fresh());
  });

  it("keeps posted sides only while they are still the snapshots' at their rates", async () => {
    const { db, ids } = await twoSnapshots();
    readSides(db, 'USD', ids.from, ids.to);
    const { posted } = postedSides(db)!;
    storeOf(db).comparedSides = null;
    expect(keepPostedSides(db, 'USD', ids.from, ids.to, posted)).toBe(true);
    const kept = storeOf(db).comparedSides;
    // Each holding is found again by its account and security.
    const sides = kept!.sides as ReturnType<typeof readSides>;
    expect(sides.slotsOfA[sides.names.keys.get('AAA')!]?.get(sides.names.accounts.get('X1')!)).toBe(0);
    storeOf(db).comparedSides = null;
    // Read before the rate changed: valued at the old one.
    setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.2' }, '2026-02-01');
    expect(keepPostedSides(db, 'USD', ids.from, ids.to, posted)).toBe(false);
    expect(storeOf(db).comparedSides).toBeNull();
  });

  it('is waited for by the compare call, which then answers with it', async () => {
    const { backend, db, ahead, fresh, ids } = await twoSnapshots();
    expect(ahead()).toBe(true);
    const [key] = storeOf(db).figuresAhead!.keys;
    const answer = await backend.handlers.compareSnapshots({ portfolioId: 1, fromSnapshotId: ids.from, toSnapshotId: ids.to, limit: 300 });
    // It has arrived. Without the wait the call computes it here at once, while the thread is still starting.
    expect(storeOf(db).figuresAhead?.waiting.has(key!) ?? false).toBe(false);
    expect(cachedKeys(db)).toContain(key);
    expect(answer).toEqual(fresh());
  });

  it('is left to the click for a small portfolio, and for a database in memory', async () => {
    const { backend, db, portfolio, pair, ids } = await twoSnapshots();
    expect(await backend.handlers.prepareFigures({ portfolioId: 1, comparison: { fromSnapshotId: ids.from, toSnapshotId: ids.to } })).toEqual({ ahead: false });
    expect(storeOf(db).figuresAhead).toBeNull();
    expect(figuresAhead(db, { dbPath: ':memory:', readonly: false }, portfolio, { comparison: pair() }, { fromPositions: 0 })).toBe(false);
  });

  /** The portfolio's client, Smith, with a second portfolio holding AAA too (one line across both). */
  async function household() {
    const setup = await twoSnapshots();
    const { db } = setup;
    db.prepare("UPDATE portfolios SET client_name = 'Smith' WHERE id = 1").run();
    db.prepare("INSERT INTO portfolios (id, name, base_currency, client_name, created_at) VALUES (2, 'Smith IRA', 'USD', 'Smith', '2026-01-01T00:00:00Z')").run();
    addSnapshot(db, '2026-06-30', '2026-07-02T00:00:00Z', [{ symbol: 'AAA', quantity: '3', valueCents: 32_500 }, { symbol: 'EEE', quantity: '2', valueCents: 4_000 }], 2);
    // As the Household view asks for it (household-calls.ts).
    const ask = { client: 'Smith', baseCurrency: 'USD', positionLimit: 15 };
    const householdAhead = (comparison = true) => figuresAhead(db, { dbPath: setup.dbPath, readonly: false }, setup.portfolio, { ...(comparison ? { comparison: setup.pair() } : {}), household: ask }, { fromPositions: 0 });
    /** The household's figures computed here, from nothing kept. */
    const fresh = () => {
      clearAnalyticsCache(db);
      return computeClientExposure(db, 'Smith', '', ask);
    };
    return { ...setup, ask, householdAhead, freshHousehold: fresh };
  }

  it("computes the household's figures after the comparison, kept as computed on the click", async () => {
    const { backend, db, ask, householdAhead, freshHousehold } = await household();
    expect(householdAhead()).toBe(true);
    // Asked again while it computes: nothing more starts.
    expect(householdAhead()).toBe(false);
    await storeOf(db).figuresAhead?.done;
    expect(cachedKeys(db)).toEqual(expect.arrayContaining([clientExposureKey(ask), expect.stringMatching(/^compare:/)]));
    const served = await backend.handlers.getClientExposure(ask);
    // Already computed: nothing starts.
    expect(householdAhead(false)).toBe(false);
    expect({ ...served, generatedAt: '' }).toEqual(freshHousehold());
    // AAA is one line across both portfolios: 1,300.00 + 325.00.
    expect(served.positions.find((p) => p.symbolKey === 'AAA')?.value).toBe(1625);
    expect(served.themes.find((t) => t.id === 'data-centers')?.value).toBe(812.5);
  });

  it('computes a household alone (a portfolio of one snapshot has no comparison)', async () => {
    const { db, ask, householdAhead, freshHousehold } = await household();
    expect(householdAhead(false)).toBe(true);
    await storeOf(db).figuresAhead?.done;
    expect(cachedKeys(db).filter((k) => k.startsWith('compare:'))).toEqual([]);
    expect(cachedKeys(db)).toContain(clientExposureKey(ask));
    expect(cachedClientExposure(db, ask)).toEqual(freshHousehold());
  });

  it("does not keep the household's figures when a tag is edited meanwhile; asked after, they have the edit", async () => {
    const { backend, db, ask, householdAhead, freshHousehold } = await household();
    expect(householdAhead(false)).toBe(true);
    tag(db, 'EEE', 'oil-logistics', 10_000, '2026-08-01T00:00:00Z');
    await storeOf(db).figuresAhead?.done;
    expect(cachedKeys(db)).not.toContain(clientExposureKey(ask));
    const after = await backend.handlers.getClientExposure(ask);
    expect(after.themes.find((t) => t.id === 'oil-logistics')?.value).toBe(40);
    expect({ ...after, generatedAt: '' }).toEqual(freshHousehold());
  });

  it("is waited for by the household's call, which then answers with it", async () => {
    const { backend, db, ask, householdAhead, freshHousehold } = await household();
    expect(householdAhead(false)).toBe(true);
    const answer = await backend.handlers.getClientExposure(ask);
    // It has arrived. Without the wait the call computes it here at once, while the thread is still starting.
    expect(storeOf(db).figuresAhead?.waiting.has(clientExposureKey(ask)) ?? false).toBe(false);
    expect(cachedKeys(db)).toContain(clientExposureKey(ask));
    expect({ ...answer, generatedAt: '' }).toEqual(freshHousehold());
  });

  it('leaves a small household, or a client there is not, to the click', async () => {
    const { backend, db, dbPath, ask } = await household();
    expect(await backend.handlers.prepareFigures({ portfolioId: 1, household: ask })).toEqual({ ahead: false });
    expect(figuresAhead(db, { dbPath, readonly: false }, getPortfolio(db, 1), { household: { ...ask, client: 'Jones' } }, { fromPositions: 0 })).toBe(false);
    expect(storeOf(db).figuresAhead).toBeNull();
  });

  it("computes the shown snapshot's Themes and Accounts figures and the History first, each waited for by its call", async () => {
    const { backend, db, dbPath, portfolio, pair, ids } = await twoSnapshots();
    const [, latest] = pair();
    const keys = [themesKey(portfolio, ids.to, 10), accountsKey(portfolio, ids.to), historyKey(portfolio)];
    expect(figuresAhead(db, { dbPath: dbPath, readonly: false }, portfolio, { shown: latest, comparison: pair() }, { fromPositions: 0 })).toBe(true);
    expect(storeOf(db).figuresAhead?.keys.slice(0, 3)).toEqual(keys);
    // Each call answers once its own figure has arrived, before the comparison is done.
    const comparison = storeOf(db).figuresAhead!.keys[3]!;
    const themes = await backend.handlers.getThemeBreakdown({ portfolioId: 1, top: 10 });
    // Sent as soon as computed: the comparison has not arrived yet (all sent at the end, it would have).
    expect(storeOf(db).figuresAhead?.waiting.has(comparison)).toBe(true);
    const accounts = await backend.handlers.getAccountBreakdown({ portfolioId: 1 });
    const history = await backend.handlers.getThemeHistory({ portfolioId: 1 });
    for (const key of keys) expect(storeOf(db).figuresAhead?.waiting.has(key) ?? false).toBe(false);
    expect(cachedKeys(db)).toEqual(expect.arrayContaining(keys));
    await storeOf(db).figuresAhead?.done;
    // As computed here from nothing kept.
    clearAnalyticsCache(db);
    expect([themes, accounts, history]).toEqual([themeBreakdown(db, portfolio, latest, 10), accountBreakdown(db, portfolio, latest), themeHistory(db, portfolio)]);
    // The history reads the earlier snapshot with the tags as they stood: AAA's 50% from February.
    expect(history.points.map((p) => p.values['data-centers'])).toEqual([500, 650]);
    // All computed: nothing starts.
    expect(figuresAhead(db, { dbPath: dbPath, readonly: false }, portfolio, { shown: latest }, { fromPositions: 0 })).toBe(false);
  });

  it("does not wait for a figure that will not be kept: after a tag edit the call computes it here, with the edit", async () => {
    const { backend, db, dbPath, portfolio, pair } = await twoSnapshots();
    const [, latest] = pair();
    expect(figuresAhead(db, { dbPath: dbPath, readonly: false }, portfolio, { shown: latest }, { fromPositions: 0 })).toBe(true);
    tag(db, 'DDD', 'oil-logistics', 10_000, '2026-08-01T00:00:00Z');
    const themes = await backend.handlers.getThemeBreakdown({ portfolioId: 1, top: 10 });
    // Answered without waiting for the thread, which read the tags from before.
    expect(storeOf(db).figuresAhead?.waiting.has(themesKey(portfolio, latest.id, 10))).toBe(true);
    expect(themes.themes.find((t) => t.id === 'oil-logistics')?.value).toBe(90);
    await storeOf(db).figuresAhead?.done;
    expect(await backend.handlers.getThemeBreakdown({ portfolioId: 1, top: 10 })).toEqual(themes);
  });

  it('leaves the figures of a small snapshot to the click', async () => {
    const { backend, db, dbPath, portfolio, pair, ids } = await twoSnapshots();
    expect(await backend.handlers.prepareFigures({ portfolioId: 1, snapshotId: ids.to })).toEqual({ ahead: false });
    expect(figuresAhead(db, { dbPath, readonly: false }, portfolio, { shown: pair()[1] })).toBe(false);
    expect(storeOf(db).figuresAhead).toBeNull();
  });

  it('starts again when asked after a write: a thread started before it computes figures that will not be kept', async () => {
    const { backend, db, dbPath, portfolio, pair } = await twoSnapshots();
    const ask = () => figuresAhead(db, { dbPath, readonly: false }, portfolio, { shown: pair()[1] }, { fromPositions: 0 });
    expect(ask()).toBe(true);
    const first = storeOf(db).figuresAhead;
    setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.2' }, '2026-02-01');
    // The same figures by name, but of the data before the rate: a new thread.
    expect(ask()).toBe(true);
    expect(storeOf(db).figuresAhead).not.toBe(first);
    await storeOf(db).figuresAhead?.done;
    // BBB: 550.00 EUR at 1.2, kept from the second thread.
    expect(cachedKeys(db)).toContain(themesKey(portfolio, pair()[1].id, 10));
    expect((await backend.handlers.getThemeBreakdown({ portfolioId: 1, top: 10 })).totalValue).toBe(1300 + 660 + 90);
  });

  it('stops with the database: closing it while the thread computes fails nothing', async () => {
    const { backend, db, ahead } = await twoSnapshots();
    expect(ahead()).toBe(true);
    const done = storeOf(db).figuresAhead?.done;
    backend.close();
    // Settles (the thread is stopped), and what it might still post is not kept in a closed database.
    await expect(done).resolves.toBeUndefined();
    expect(storeOf(db).figuresAhead).toBeNull();
    expect(db.open).toBe(false);
  });
});
