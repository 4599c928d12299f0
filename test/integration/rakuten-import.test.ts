/**
 * A Rakuten Securities 保有商品一覧 (assetbalance) CSV as the broker writes it, in Shift_JIS: its
 * summary first, then one row per holding with 種別 and 口座. Written from the layout the export
 * documents: domestic stocks (an alphanumeric code too), a US stock in dollars with its yen value,
 * and a fund valued per 10,000 units. Each 口座 is an account; yen exact; the US row is NVIDIA's US
 * listing, valued at Rakuten's own yen figure in a JPY portfolio.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const LINES = [
  '■資産合計欄',
  '"","時価評価額[円]","前日比[円]","評価損益[円]"',
  '"合計","4,347,748","+23,420","+993,132"',
  '',
  '■ 保有商品詳細 (すべて)',
  '',
  '種別,銘柄コード・ティッカー,銘柄,口座,保有数量,【単位】,平均取得価額,【単位】,現在値,【単位】,現在値(更新日),(参考為替),前日比,【単位】,時価評価額[円],時価評価額[外貨],評価損益[円],評価損益[％]',
  '国内株式,9984,ソフトバンクグループ,NISA成長投資枠,100,株,"8,000",円,"9,512",円,,,+112,円,"951,200",-,"+151,200",+18.90',
  '国内株式,285A,キオクシアホールディングス,特定,100,株,"1,455",円,"2,210",円,,,+30,円,"221,000",-,"+75,500",+51.89',
  '米国株式,NVDA,エヌビディア,特定,10,株,120.50,USD,180.25,USD,2026/11/24,155.20,+1.20,USD,"279,748","1,802.50","+92,732",+49.59',
  '投資信託,,eMAXIS Slim 全世界株式（オール・カントリー）,つみたてNISA,"1,234,567",口,"18,000",円,"23,456",円,2026/11/24,,+100,円,"2,895,800",-,"+673,700",+30.32',
  '',
];

const cp932 = (lines: string[]): Buffer => {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: lines.join('\r\n') });
  if (r.status !== 0) throw new Error(`iconv failed: ${r.stderr.toString()}`);
  return r.stdout;
};

interface Report {
  totalValue: number;
  positions: { account: string; symbol: string; symbolKey: string; currency: string; localValue: number; value: number; quantity: number }[];
}

describe('Rakuten Securities 保有商品一覧 CSV', () => {
  const temp = makeTempDir('themelens-rakuten-');
  const db = join(temp.dir, 'rakuten.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  it('imports exactly into a JPY portfolio: 口座 as accounts, the US stock in dollars at the broker\'s yen value', () => {
    const file = join(temp.dir, 'assetbalance(all)_20261124_153000.csv');
    writeFileSync(file, cp932(LINES));
    const r = cli('import', file, '--portfolio', 'Rakuten NISA', '--base-currency', 'JPY', '--as-of', '2026-11-24');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 4 positions');
    expect(r.stdout).toContain('rakuten format');
    const rep = JSON.parse(cli('report', '--portfolio', 'Rakuten NISA', '--format', 'json').stdout) as Report;
    // By hand: 951,200 + 221,000 + 279,748 (Rakuten's yen for 1,802.50 dollars) + 2,895,800 = 4,347,748 yen, as the summary says.
    expect(rep.totalValue).toBe(4347748);
    const by = new Map(rep.positions.map((p) => [p.symbolKey, p]));
    expect(by.get('XTKS:9984')).toMatchObject({ account: 'NISA成長投資枠', currency: 'JPY', value: 951200, quantity: 100 });
    expect(rep.positions.find((p) => p.symbol === '285A')).toMatchObject({ account: '特定', currency: 'JPY', value: 221000 });
    // NVIDIA's US listing (the pack's NVDA), in dollars, valued at the broker's yen figure.
    expect(by.get('NVDA')).toMatchObject({ account: '特定', currency: 'USD', localValue: 1802.5, value: 279748, quantity: 10 });
    const fund = rep.positions.find((p) => p.account === 'つみたてNISA')!;
    expect(fund).toMatchObject({ currency: 'JPY', value: 2895800, quantity: 1234567 });
    // The pack knows SoftBank and NVIDIA by these keys.
    expect(r.stderr).toContain("hint: 2 of your holdings fit the themes of Japan's first US investment projects");
  });
});
