/**
 * An SBI Securities portfolio export as the broker writes it, in Shift_JIS (CP932): detected without
 * being told, each section an account, "9984 ソフトバンクグループ" split into the Tokyo code and the
 * name (alphanumeric codes such as 285A too), funds at their 評価額, the 総合計 checked, yen exact.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const SECTIONS = [
  'ポートフォリオ一覧',
  '"2026/11/24 15:30現在"',
  '',
  '"株式（現物/特定預り）"',
  '"銘柄（コード）","買付日","数量","取得単価","現在値","前日比","前日比（％）","損益","損益（％）","評価額"',
  '"9984 ソフトバンクグループ","----/--/--","100","8,000","9,512","+112","+1.19","+151,200","+18.90","951,200"',
  '"5802 住友電気工業","----/--/--","200","2,300","2,505","-15","-0.60","+41,000","+8.91","501,000"',
  '"285A キオクシアホールディングス","----/--/--","100","1,455","2,210","+30","+1.38","+75,500","+51.89","221,000"',
  '"合計","","","","","","","+267,700","","1,673,200"',
  '',
  '"株式（現物/NISA預り（成長投資枠））"',
  '"銘柄（コード）","買付日","数量","取得単価","現在値","前日比","前日比（％）","損益","損益（％）","評価額"',
  '"8035 東京エレクトロン","----/--/--","10","22,000","24,435","+300","+1.24","+24,350","+11.07","244,350"',
  '"合計","","","","","","","+24,350","","244,350"',
  '',
  '"投資信託（金額/NISA預り（つみたて投資枠））"',
  '"ファンド名","買付日","数量","取得単価","現在値","前日比","前日比（％）","損益","損益（％）","評価額"',
  // 1,234,567 units at 23,456 yen per 10,000 units: 2,895,800.36 yen, which SBI shows as 2,895,800.
  '"eMAXIS Slim 全世界株式（オール・カントリー）","----/--/--","1,234,567","18,000","23,456","+100","+0.43","+673,700","+30.32","2,895,800"',
  '"合計","","","","","","","+673,700","","2,895,800"',
  '',
];

/** The text as SBI writes it: Shift_JIS (Windows' CP932), CRLF. */
function sjis(lines: string[]): Buffer {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: lines.join('\r\n') + '\r\n' });
  if (r.status !== 0) throw new Error(`iconv failed: ${r.stderr.toString()}`);
  return r.stdout;
}

interface Report {
  totalValue: number;
  baseCurrency: string;
  asOf: string;
  warnings: { code: string }[];
  positions: { account: string; symbol: string; description: string; value: number; currency: string }[];
}

describe('SBI Securities portfolio CSV in Shift_JIS', () => {
  const temp = makeTempDir('themelens-sbi-');
  const db = join(temp.dir, 'sbi.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  it('imports exactly into a JPY portfolio: sections as accounts, codes split, grand total checked', () => {
    const file = join(temp.dir, 'New_file.csv');
    writeFileSync(file, sjis([...SECTIONS, '"総合計","","","","","","","+965,750","","4,813,350"']));
    const r = cli('import', file, '--portfolio', 'NISA', '--base-currency', 'JPY');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 5 position(s)');
    expect(r.stdout).toContain('as of 2026-11-24, sbi format');
    // No warning; only the pack's hint (SoftBank 9984 and Sumitomo Electric 5802 are in it, keyed by their Tokyo listing).
    expect(r.stderr).toBe("hint: 2 of your holdings relate to the first projects of Japan's US investment program (2 themes): the pack suggests how to tag them. See them: themelens suggestions --held\n");
    const rep = JSON.parse(cli('report', '--portfolio', 'NISA', '--format', 'json').stdout) as Report;
    // By hand: 951,200 + 501,000 + 221,000 + 244,350 + 2,895,800 = 4,813,350 yen, as the 総合計 says.
    expect(rep.totalValue).toBe(4813350);
    expect(rep.warnings).toEqual([]);
    const bySymbol = Object.fromEntries(rep.positions.map((p) => [p.symbol, p]));
    expect(bySymbol['9984']).toMatchObject({ description: 'ソフトバンクグループ', account: '株式（現物/特定預り）', value: 951200, currency: 'JPY' });
    expect(bySymbol['285A']).toMatchObject({ description: 'キオクシアホールディングス', value: 221000 });
    expect(bySymbol['8035']).toMatchObject({ account: '株式（現物/NISA預り（成長投資枠））', value: 244350 });
    const fund = rep.positions.find((p) => p.description.startsWith('eMAXIS'));
    expect(fund).toMatchObject({ account: '投資信託（金額/NISA預り（つみたて投資枠））', value: 2895800 });
    // Yen have no minor unit: the CSV report writes whole yen.
    const csv = cli('report', '--portfolio', 'NISA', '--format', 'csv').stdout;
    expect(csv).toContain('\r\nTotal,,4813350,,1.000000,\r\n');
    expect(csv).toMatch(/,9984,ソフトバンクグループ,100,JPY,951200,951200,/);
    // Tags by Tokyo code reach the holding.
    expect(cli('tag', '9984', 'data-centers').code).toBe(0);
    const tagged = JSON.parse(cli('report', '--portfolio', 'NISA', '--format', 'json').stdout) as { themes: { id: string; value: number }[] };
    expect(tagged.themes.find((t) => t.id === 'data-centers')?.value).toBe(951200);
  });

  it('a 総合計 that disagrees with the rows is TOTAL_MISMATCH', () => {
    const file = join(temp.dir, 'off.csv');
    writeFileSync(file, sjis([...SECTIONS, '"総合計","","","","","","","+965,750","","4,900,000"']));
    expect(cli('import', file, '--portfolio', 'Off', '--base-currency', 'JPY').code).toBe(0);
    const rep = JSON.parse(cli('report', '--portfolio', 'Off', '--format', 'json').stdout) as Report;
    expect(rep.warnings.map((w) => w.code)).toContain('TOTAL_MISMATCH');
  });

  it('a section in another currency is refused row by row, never read as yen', () => {
    const file = join(temp.dir, 'foreign.csv');
    writeFileSync(
      file,
      sjis([
        ...SECTIONS,
        '"外国株式（特定預り）"',
        '"銘柄（コード）","買付日","数量","取得単価","現在値","前日比","前日比（％）","損益","損益（％）","評価額"',
        '"NVDA エヌビディア","----/--/--","10","120.00","183.60","+1.00","+0.55","+636.00","+53.00","1,836.00"',
      ]),
    );
    const r = cli('import', file, '--portfolio', 'Foreign', '--base-currency', 'JPY');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/foreign\.csv line 23: .*"外国株式（特定預り）", whose amounts are not in yen/);
  });

  it('--encoding shift_jis, cp932 and euc-jp are accepted', () => {
    const file = join(temp.dir, 'forced.csv');
    writeFileSync(file, sjis([...SECTIONS, '"総合計","","","","","","","+965,750","","4,813,350"']));
    for (const [name, enc] of [['A', 'shift_jis'], ['B', 'cp932']] as const) {
      const r = cli('import', file, '--portfolio', name, '--base-currency', 'JPY', '--encoding', enc, '--allow-duplicate');
      expect(r.code, r.stderr).toBe(0);
    }
    const unknown = cli('import', file, '--portfolio', 'C', '--encoding', 'klingon');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('shift_jis, euc-jp');
    // The same text in EUC-JP is found by itself.
    const euc = join(temp.dir, 'euc.csv');
    const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'EUC-JP'], { input: [...SECTIONS, '"総合計","","","","","","","+965,750","","4,813,350"'].join('\n') + '\n' });
    writeFileSync(euc, r.stdout);
    const imported = cli('import', euc, '--portfolio', 'D', '--base-currency', 'JPY', '--allow-duplicate');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 5 position(s)');
  });

  it('a PDF report keeps the Japanese names (pdftotext reads them back); with no Japanese font installed it is refused and nothing is written', () => {
    const out = join(temp.dir, 'nisa.pdf');
    const printed = cli('report', '--portfolio', 'NISA', '--format', 'pdf', '--out', out);
    expect(printed.code, printed.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    for (const name of ['ソフトバンクグループ', 'キオクシアホールディングス', '株式（現物/特定預り）', 'eMAXIS Slim 全世界株式']) expect(text).toContain(name);
    // A computer whose only fonts are Latin (fontconfig told so, as Chromium is): the PDF would show boxes.
    const latinOnly = join(temp.dir, 'latin-fonts.conf');
    writeFileSync(latinOnly, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${temp.dir}/fc-cache</cachedir></fontconfig>`);
    const boxes = join(temp.dir, 'boxes.pdf');
    const refused = runCli(['report', '--portfolio', 'NISA', '--format', 'pdf', '--out', boxes, '--db', db], { FONTCONFIG_FILE: latinOnly });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^themelens: This report has letters no font on this computer can print \("[^"]+"(, "[^"]+")*\): the PDF would show empty boxes in their place\. Install a Japanese font \(Noto Sans CJK; Debian or Ubuntu: sudo apt-get install fonts-noto-cjk\), or export HTML, XLSX, CSV or JSON, which keep the text as it is\. Nothing was written\.\n$/);
    expect(existsSync(boxes)).toBe(false);
  });
});
