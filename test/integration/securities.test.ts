/**
 * Securities, not ticker strings: each imported row resolves to a security, tags attach to the
 * security, and nothing is guessed when a row could be two securities.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { validateInput } from '../../shared/api/validate';
import { runCli } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

const US = 'Account,Symbol,Description,Quantity,Market Value,Currency\n';
const EU = 'Account,Symbol,ISIN,Description,Quantity,Market Value,Currency\n';

describe('securities', () => {
  const temp = makeTempDir('themelens-securities-');
  const db = join(temp.dir, 's.db');
  let backend: Backend;
  const h = () => backend.handlers;
  const file = (name: string, text: string) => {
    const path = join(temp.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const load = async (name: string, text: string, portfolioName: string, baseCurrency = 'USD') =>
    h().importHoldings(validateInput('importHoldings', { path: file(name, text), portfolioName, baseCurrency, asOf: '2026-11-30' }));
  const exposure = async (portfolio: string) => {
    const p = (await h().listPortfolios({})).find((x) => x.name === portfolio)!;
    return h().getExposure({ portfolioId: p.id });
  };
  const contribution = (r: Awaited<ReturnType<typeof exposure>>, symbol: string, theme: string) => r.positions.find((p) => p.symbol === symbol)?.themes.find((t) => t.id === theme)?.value ?? 0;

  beforeAll(async () => {
    backend = await openBackend({ dbPath: db });
  });
  afterAll(() => {
    backend?.close();
    temp.cleanup();
  });

  it("a US broker's AAL is American Airlines: Anglo American's suggestion never reaches it; an AAL row with Anglo American's ISIN gets it", async () => {
    const us = await load('fidelity.csv', `${US}X1,AAL,AMERICAN AIRLS GROUP INC,100,1500.00,USD\nX1,NVDA,NVIDIA CORP,10,1800.00,USD\n`, 'Fidelity');
    expect(us.warnings).toEqual([]);
    const held = await h().listSuggestions({ onlyHeld: true });
    expect(held.map((s) => s.symbolKey)).not.toContain('XLON:AAL');
    expect(held.map((s) => s.symbolKey)).not.toContain('AAL');
    // Accepting every suggestion, held or not, tags Anglo American's London listing only.
    await h().acceptSuggestions({ items: (await h().listSuggestions({ onlyHeld: false })).map((s) => ({ symbolKey: s.symbolKey, themeId: s.themeId })) });
    expect((await h().listTags({})).filter((t) => t.symbolKey === 'AAL')).toEqual([]);
    const fidelity = await exposure('Fidelity');
    expect(contribution(fidelity, 'AAL', 'ds-producers')).toBe(0);
    // 1,800.00 x 80% = 1,440.00 of NVIDIA's compute and networking for data centers.
    expect(contribution(fidelity, 'NVDA', 'dc-compute')).toBe(1440);

    await load('london.csv', `${EU}L1,AAL,GB00B1XZS820,ANGLO AMERICAN PLC,50,1400.00,GBP\n`, 'London', 'GBP');
    const london = await exposure('London');
    // 1,400.00 x 2% = 28.00.
    expect(london.positions[0]).toMatchObject({ symbol: 'AAL', symbolKey: 'XLON:AAL' });
    expect(contribution(london, 'AAL', 'ds-producers')).toBe(28);
    expect((await h().showSecurity({ text: 'GB00B1XZS820' })).resolutions).toEqual([{ key: 'XLON:AAL', method: 'identifier', detail: 'ISIN GB00B1XZS820' }]);
  });

  it('one tag on NVDA reaches NVIDIA held by ISIN in another portfolio; a tag by ISIN is the same tag', async () => {
    await load('degiro.csv', `${EU}D1,,US67066G1040,NVIDIA CORP,5,800.00,EUR\n`, 'Degiro', 'EUR');
    const degiro = await exposure('Degiro');
    expect(degiro.positions[0]).toMatchObject({ symbolKey: 'NVDA', value: 800 });
    // The suggestion accepted on NVDA above (80%): 800.00 x 0.8 = 640.00.
    expect(contribution(degiro, 'NVDA', 'dc-compute')).toBe(640);
    await h().setTag({ symbolKey: 'us67066g1040', themeId: 'dc-compute', weightBp: 5000 });
    expect((await h().listTags({})).filter((t) => t.symbolKey === 'NVDA').map((t) => [t.themeId, t.weightBp])).toEqual([['dc-compute', 5000]]);
    expect(contribution(await exposure('Degiro'), 'NVDA', 'dc-compute')).toBe(400);
    expect(contribution(await exposure('Fidelity'), 'NVDA', 'dc-compute')).toBe(900);
    expect(await h().showSecurity({ text: 'NVDA' })).toMatchObject({ key: 'NVDA', positions: 2, portfolios: 2 });
  });

  it("SoftBank's ADR takes SoftBank Group's tags through the shipped link; unlinking takes them away", async () => {
    await load('adr.csv', `${US}A1,SFTBY,SOFTBANK GROUP CORP ADR,40,1200.00,USD\n`, 'ADR');
    // The 9984 suggestion accepted above is on XTKS:9984 at 30%: 1,200.00 x 0.3 = 360.00.
    expect(contribution(await exposure('ADR'), 'SFTBY', 'dc-power')).toBe(360);
    expect((await h().listSuggestions({ onlyHeld: true })).map((s) => s.symbolKey)).not.toContain('XTKS:9984'); // accepted already
    // The positions table's tooltips say which security each key is; asked again after every change
    // (the answer is kept until data changes, never past it).
    const snapshotId = (await exposure('ADR')).snapshotId;
    const identity = async () => (await h().listSnapshotSecurities({ snapshotId })).find((s) => s.key === 'SFTBY')!.canonicalKey;
    expect(await identity()).not.toBe('SFTBY');
    expect((await h().unlinkSecurities({ key: 'SFTBY', canonical: '9984' })).unlinked).toBe(true);
    expect(contribution(await exposure('ADR'), 'SFTBY', 'dc-power')).toBe(0);
    expect(await identity()).toBe('SFTBY');
    await h().linkSecurities({ key: 'SFTBY', canonical: 'JP3436100006' });
    expect(contribution(await exposure('ADR'), 'SFTBY', 'dc-power')).toBe(360);
    expect(await identity()).not.toBe('SFTBY');
  });

  it('conflicting identifiers go to Needs review, untagged, until the user confirms; bad check digits are warned with file, line and column', async () => {
    const r = await load('odd.csv', `${EU}O1,NVDA,US02376R1023,NOT REALLY NVIDIA,1,100.00,USD\nO1,ZZZ,US0000000001,BAD ISIN CO,1,10.00,EUR\n`, 'Odd');
    expect(r.imported).toBe(2);
    expect(r.warnings).toContain('odd.csv line 3, column 3 (ISIN): US0000000001 is not a valid ISIN (its check digit fails). The position is kept; the ISIN is not used to identify it. Check the cell.');
    expect(r.warnings.some((w) => w.includes('wait in Needs review'))).toBe(true);
    // The window words the same check in its language: it comes as data too.
    expect(r.checks).toEqual([{ kind: 'identifier', file: 'odd.csv', line: 3, column: 3, header: 'ISIN', value: 'US0000000001', scheme: 'ISIN' }]);
    const { reviews } = await h().listSecurities({ unresolved: true });
    expect(reviews).toMatchObject([{ symbolKey: 'REVIEW:NVDA', candidates: ['NVDA', 'AAL'] }]);
    const odd = await exposure('Odd');
    expect(contribution(odd, 'NVDA', 'dc-compute')).toBe(0);
    expect(odd.warnings.map((w) => w.code)).toContain('UNRESOLVED_SECURITIES');
    await h().decideSecurityReview({ id: reviews[0]!.id, decision: 'confirm', candidate: 'AAL' });
    expect(contribution(await exposure('Odd'), 'NVDA', 'dc-compute')).toBe(0);
    expect((await h().listSecurities({ unresolved: true })).reviews).toEqual([]);
    expect((await exposure('Odd')).warnings.map((w) => w.code)).not.toContain('UNRESOLVED_SECURITIES');
  });

  it('a file with both ticker and ISIN teaches the master: positions held earlier by that ISIN alone take the tags', async () => {
    await load('isin-only.csv', `${EU}I1,,US0231351067,AMAZON COM INC,2,400.00,EUR\n`, 'Early', 'EUR');
    await h().setTag({ symbolKey: 'AMZN', themeId: 'data-centers', weightBp: 2500 });
    expect(contribution(await exposure('Early'), 'AMAZON COM INC', 'data-centers')).toBe(0);
    await load('ibkr.csv', `${EU}U1,AMZN,US0231351067,AMAZON.COM INC,3,600.00,USD\n`, 'Ibkr');
    // 400.00 x 25% = 100.00, through the link the IBKR file taught.
    const early = await exposure('Early');
    expect(early.positions[0]!.themes).toEqual([{ id: 'data-centers', weight: 0.25, source: 'linked', value: 100 }]);
    const amzn = await h().showSecurity({ text: 'US0231351067' });
    expect(amzn.identifiers).toContainEqual({ kind: 'isin', value: 'US0231351067', source: 'file: ibkr.csv' });
    expect(amzn.links).toContainEqual(expect.objectContaining({ key: 'US0231351067', canonicalKey: 'AMZN', reason: 'identifier' }));
  });

  it('past twenty identifiers that fail their check digit, one check counts the rest; none is kept with the snapshot', async () => {
    const rows = Array.from({ length: 22 }, (_, i) => `O1,BAD${i},US0000000001,BAD ISIN CO,1,10.00,USD\n`).join('');
    const r = await load('many-bad.csv', `${EU}${rows}`, 'Many bad');
    expect(r.imported).toBe(22);
    expect(r.checks).toHaveLength(21);
    expect(r.checks[19]).toEqual({ kind: 'identifier', file: 'many-bad.csv', line: 21, column: 3, header: 'ISIN', value: 'US0000000001', scheme: 'ISIN' });
    expect(r.checks[20]).toEqual({ kind: 'moreIdentifiers', file: 'many-bad.csv', count: 2 });
    expect(r.warnings).toContain('many-bad.csv: 2 more identifiers fail their check digit.');
    // A typo in an identifier does not make a figure wrong: the exposure has nothing to say of it.
    expect((await exposure('Many bad')).warnings).toEqual([]);
  });

  it('tag files carry ISIN and exchange: a London AAL tag lands on Anglo American, not the US AAL; a mismatched row is a conflict; old files still import', async () => {
    const out = join(temp.dir, 'tags.csv');
    await h().exportTags({ path: out, format: 'csv' });
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('symbol,isin,exchange,theme,weight,rationale,source\r\n');
    expect(csv).toMatch(/\r\nAAL,GB00B1XZS820,XLON,ds-producers,0\.02,/);
    expect(csv).toMatch(/\r\n9984,JP3436100006,XTKS,dc-power,0\.3,/);
    // Linked copies are not tags of their own: SoftBank's ADR takes 9984's tag, and does not travel as a row.
    expect(csv.split('\r\n').filter((l) => l.startsWith('SFTBY,'))).toEqual([]);
    const other = await openBackend({ dbPath: join(temp.dir, 'other.db') });
    try {
      const preview = await other.handlers.previewTagImport({ path: out });
      expect(preview.counts.conflict).toBe(0);
      await other.handlers.importTags({ path: out });
      const tags = await other.handlers.listTags({});
      expect(tags.filter((t) => t.themeId === 'ds-producers').map((t) => t.symbolKey)).toContain('XLON:AAL');
      expect(tags.map((t) => t.symbolKey)).not.toContain('AAL');
      const bad = file('bad-tags.csv', 'symbol,isin,exchange,theme,weight\nNVDA,US02376R1023,US,data-centers,0.5\nXYZ,US0000000001,,data-centers,0.5\n');
      const rows = (await other.handlers.previewTagImport({ path: bad })).rows;
      expect(rows.map((r) => [r.status, r.message])).toEqual([
        ['conflict', 'NVDA on US is NVDA here, but ISIN US02376R1023 is AAL: not applied.'],
        ['conflict', 'US0000000001 is not a valid ISIN (its check digit fails).'],
      ]);
      const old = file('old-tags.csv', 'symbol,theme,weight\nVRT,dc-cooling-electrical,0.8\n9984,dc-power,0.4\n');
      await other.handlers.importTags({ path: old });
      const after = await other.handlers.listTags({});
      expect(after.find((t) => t.symbolKey === 'XTKS:9984')?.weightBp).toBe(4000);
      expect(after.find((t) => t.symbolKey === 'VRT')?.weightBp).toBe(8000);
    } finally {
      other.close();
    }
  });

  it("IBKR's conid: learned with the security a Flex file names, then enough to identify a listing on another exchange", async () => {
    const flex = '"ClientAccountID","CurrencyPrimary","AssetClass","Symbol","Description","Conid","ISIN","Quantity","MarkPrice","PositionValue","ReportDate"\n';
    await load('flex-us.csv', `${flex}"U1","USD","STK","COHR","COHERENT CORP","123456789","US19247G1076","10","80","800","20261124"\n`, 'Flex US');
    await load('flex-de.csv', `${flex}"U1","EUR","STK","C3X","COHERENT CORP (XETRA)","123456789","","5","70","350","20261124"\n`, 'Flex DE', 'EUR');
    const de = await exposure('Flex DE');
    expect(de.positions[0]).toMatchObject({ symbol: 'C3X', symbolKey: 'COHR' });
    expect((await h().showSecurity({ text: 'COHR' })).identifiers).toContainEqual({ kind: 'conid', value: '123456789', source: 'file: flex-us.csv' });
  });

  it("a fund's constituents are securities too: Tokyo's 9984 in an issuer file takes SoftBank Group's tags", async () => {
    const fundFile = file('japan-fund.csv', 'Japan AI ETF\nFund Holdings as of,"Nov 21, 2026"\n \nTicker,Name,Weight (%),Exchange\n9984,SOFTBANK GROUP CORP,40.00,Tokyo Stock Exchange\nUS02376R1023,AMERICAN AIRLINES,60.00,NASDAQ\n');
    await h().importFundHoldings({ fundSymbol: 'JPAI', path: fundFile });
    // 40% x SoftBank Group's 30% (the suggestion on XTKS:9984) = 12% power for data centers; American Airlines has no tag.
    const tags = (await h().listTags({})).filter((t) => t.symbolKey === 'JPAI');
    expect(tags.map((t) => [t.themeId, t.weightBp, t.source])).toEqual([['dc-power', 1200, 'look-through']]);
  });

  it("an issuer's fund file that gives ticker and ISIN teaches the master too", async () => {
    const fundFile = file('amd-fund.csv', 'Chip ETF\nFund Holdings as of,"Nov 21, 2026"\n \nTicker,Name,ISIN,Weight (%),Market Currency\nAMD,ADVANCED MICRO DEVICES INC,US0079031078,100.00,USD\n');
    await h().importFundHoldings({ fundSymbol: 'CHPX', path: fundFile });
    await load('amd-isin.csv', `${EU}Z1,,US0079031078,ADVANCED MICRO DEVICES,3,300.00,EUR\n`, 'AMD by ISIN', 'EUR');
    expect((await exposure('AMD by ISIN')).positions[0]).toMatchObject({ symbolKey: 'AMD' });
    expect((await h().showSecurity({ text: 'AMD' })).identifiers).toContainEqual({ kind: 'isin', value: 'US0079031078', source: 'file: amd-fund.csv' });
  });

  it('the command line: securities, --unresolved, show, link and unlink; tag and untag take an ISIN', () => {
    backend.close();
    const cli = (...args: string[]) => runCli([...args, '--db', db]);
    try {
      expect(cli('securities').stdout).toMatch(/^SFTBY\tJP3436100006\tSoftBank Group Corp\.\t1 position in 1 portfolio\tas XTKS:9984$/m);
      expect(cli('securities', '--unresolved').stdout).toBe('Nothing waits in Needs review.\n');
      expect(cli('securities', 'show', 'ENB').stdout).toContain('sedol   2466149        from reference');
      expect(cli('untag', 'US67066G1040', 'dc-compute').stdout).toBe('US67066G1040: no tags left\n');
      expect(cli('securities', 'show', 'NVDA').stdout).toContain('held: 2 positions in 2 portfolios');
      expect(cli('tag', 'US67066G1040', 'data-centers', '--weight', '0.6').code).toBe(0);
      expect(cli('securities', 'link', 'ZZZ', 'NVDA').stdout).toBe('ZZZ now takes the tags of NVDA: 3 positions in 3 portfolios.\n');
      expect(cli('securities', 'unlink', 'ZZZ', 'NVDA').stdout).toBe('ZZZ no longer takes the tags of NVDA.\n');
      expect(cli('securities', 'link', 'NVDA', 'NVDA').code).toBe(1);
      // Refused, with nothing written: tags of a security nobody knows (a misspelling), and cash either way.
      const before = dumpContent(db);
      const unknown = cli('securities', 'link', 'FOO', 'NVDQ');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/^themelens: No security is known as NVDQ/);
      const cash = cli('securities', 'link', 'CASH:USD', 'NVDA');
      expect(cash.code).toBe(1);
      expect(cash.stderr).toBe('themelens: CASH:USD is cash, which is never part of a theme: it cannot share tags with another security. Nothing was linked.\n');
      expect(cli('securities', 'link', 'NVDA', 'SPAXX').stderr).toMatch(/SPAXX is cash/);
      expect(dumpContent(db)).toBe(before);
    } finally {
      void openBackend({ dbPath: db }).then((b) => (backend = b));
    }
  });
});
