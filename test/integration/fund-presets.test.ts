import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cusipCheckDigit, isinFromFundCusip, tickerKey } from '../../shared/lookthrough/fund-identifiers';
import { ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FUNDS = join(ROOT, 'test/fixtures/funds');

/**
 * Issuers' holdings files as each publishes them (fixtures written from their documented layouts),
 * matched to securities by identifier first: iShares ("-" for missing, a legal footer, the table
 * repeated), Invesco (padded tickers, CUSIPs), Global X (Bloomberg tickers such as "9984 JT") and
 * SPDR (XLSX, eight-character CUSIPs without their check digit).
 */
describe('issuer fund files for look-through', () => {
  const temp = makeTempDir('themelens-funds-');
  const db = join(temp.dir, 'funds.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const holdings = (fund: string) =>
    execFileSync('sqlite3', [db, `SELECT constituent_key || '=' || weight_ppm FROM fund_holdings WHERE fund_key = '${fund}' ORDER BY weight_ppm DESC, constituent_key`], { encoding: 'utf8' }).trim().split('\n');
  afterAll(() => temp.cleanup());
  beforeAll(() => {
    expect(cli('themes').code).toBe(0);
  });

  it('identifiers: CUSIP check digits, US ISINs from CUSIPs with or without them, Bloomberg tickers to listings', () => {
    expect(cusipCheckDigit('67066G10')).toBe(4);
    expect(isinFromFundCusip('67066G10')).toBe('US67066G1040');
    expect(isinFromFundCusip('67066G104')).toBe('US67066G1040');
    expect(isinFromFundCusip('67066G105')).toBeNull(); // a wrong check digit is not guessed around
    expect(isinFromFundCusip('G0750C108')).toBeNull(); // a CINS (foreign) number has no US ISIN
    expect(tickerKey('9984 JT')).toBe('XTKS:9984');
    expect(tickerKey('AAL LN')).toBe('XLON:AAL');
    expect(tickerKey('NVDA UW')).toBe('NVDA');
    expect(tickerKey('NVDA')).toBe('NVDA');
  });

  it('iShares: "-" weights are empty, not errors; the table ends at the footer even when it is repeated', () => {
    const r = cli('fund', 'import', 'IGF', join(FUNDS, 'ishares-with-dashes.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('IGF: 4 holdings (100.00% of the fund) as of 2026-11-21\n');
    expect(holdings('IGF')).toEqual(['EQIX=400000', 'KMI=300000', 'EPD=295000', 'USD=5000']);
  });

  it('Invesco: padded tickers trimmed, and the CUSIP decides the security over the ticker text', () => {
    expect(cli('fund', 'import', 'SRVR', join(FUNDS, 'invesco.csv')).code).toBe(0);
    // "NVDA.O" is NVIDIA by its CUSIP 67066G104 (ISIN US67066G1040).
    expect(holdings('SRVR')).toEqual(['EQIX=406200', 'NVDA=360500', 'DLR=233300']);
  });

  it('Global X: Bloomberg tickers become listings, so London AAL is Anglo American, never the airline', () => {
    const r = cli('fund', 'import', 'DTCR', join(FUNDS, 'globalx.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('as of 2026-11-21');
    expect(holdings('DTCR')).toEqual(['EQIX=300000', 'XTKS:9984=250000', 'XTKS:5802=200000', 'XLON:AAL=150000', 'NVDA=100000']);
    // The pack's SoftBank tag (accepted by its Tokyo code) reaches the fund through its constituent.
    expect(cli('tag', '9984', 'data-centers', '--weight', '0.3').code).toBe(0);
    const tags = execFileSync('sqlite3', [db, "SELECT theme_id || '=' || weight_bp FROM tags WHERE symbol_key = 'DTCR'"], { encoding: 'utf8' }).trim();
    expect(tags).toBe('data-centers=750'); // 25% of the fund x 30%
  });

  it('SPDR: an XLSX workbook with a preamble and eight-character CUSIPs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('holdings');
    ws.addRows([
      ['Fund Name:', 'SPDR® Sample Data Infrastructure ETF'],
      ['Ticker Symbol:', 'XDAT'],
      ['Holdings:', 'As of 21-Nov-2026'],
      [],
      ['Name', 'Ticker', 'Identifier', 'SEDOL', 'Weight', 'Sector', 'Shares Held', 'Local Currency'],
      ['NVIDIA CORPORATION', 'NVDA', '67066G10', '2379504', 55.5, 'Information Technology', 4000, 'USD'],
      ['EQUINIX INC', 'EQIX', '29444U70', 'BVLZX12', 44.5, 'Real Estate', 1000, 'USD'],
      [],
      ['Past performance is not a reliable indicator of future performance.'],
    ]);
    const file = join(temp.dir, 'holdings-daily-us-en-xdat.xlsx');
    await wb.xlsx.writeFile(file);
    const r = cli('fund', 'import', 'XDAT', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('XDAT: 2 holdings (100.00% of the fund) as of 2026-11-21\n');
    expect(holdings('XDAT')).toEqual(['NVDA=555000', 'EQIX=445000']);
    // A damaged workbook: one line saying what to do, and the fund's holdings stay as they were.
    const broken = join(temp.dir, 'broken.xlsx');
    writeFileSync(broken, 'not a zip');
    expect(cli('fund', 'import', 'XDAT', broken)).toMatchObject({ code: 1, stderr: 'themelens: broken.xlsx is not a readable XLSX workbook: download it again from the issuer, or save it as CSV. Nothing was imported.\n' });
    expect(holdings('XDAT')).toEqual(['NVDA=555000', 'EQIX=445000']);
  });
});
