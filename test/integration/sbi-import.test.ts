/**
 * An SBI Securities portfolio export as the broker writes it, in Shift_JIS (CP932): detected without
 * being told, each section an account, "9984 ソフトバンクグループ" split into the Tokyo code and the
 * name (alphanumeric codes such as 285A too), funds at their 評価額, the 総合計 checked, yen exact.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';
import { SECTIONS, sjis } from '../fixtures/sbi/portfolio';

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
    expect(r.stdout).toContain('Imported 5 positions');
    expect(r.stdout).toContain('as of 2026-11-24, sbi format');
    // No warning; only the pack's hint (SoftBank 9984 and Sumitomo Electric 5802 are in it, keyed by their Tokyo listing).
    expect(r.stderr).toBe("hint: 2 of your holdings fit the themes of Japan's first US investment projects (2 themes): the pack suggests how to tag them. See them: themelens suggestions --held\n");
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
    expect(imported.stdout).toContain('Imported 5 positions');
  });

  it('a PDF report keeps the Japanese names (pdftotext reads them back); with no Japanese font installed it is refused and nothing is written', () => {
    const out = join(temp.dir, 'nisa.pdf');
    const printed = cli('report', '--portfolio', 'NISA', '--format', 'pdf', '--out', out);
    expect(printed.code, printed.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    // -layout spaces words out to their columns: compared with runs of spaces as one.
    const words = text.replace(/[ \t]+/g, ' ');
    for (const name of ['ソフトバンクグループ', 'キオクシアホールディングス', '株式（現物/特定預り）', 'eMAXIS Slim 全世界株式']) expect(words).toContain(name);
    // A computer whose only fonts are Latin (fontconfig told so, as Chromium is): the PDF would show boxes.
    const latinOnly = join(temp.dir, 'latin-fonts.conf');
    writeFileSync(latinOnly, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${temp.dir}/fc-cache</cachedir></fontconfig>`);
    const boxes = join(temp.dir, 'boxes.pdf');
    const refused = runCli(['report', '--portfolio', 'NISA', '--format', 'pdf', '--out', boxes, '--db', db], { FONTCONFIG_FILE: latinOnly });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^themelens: This report has letters no font on this computer can print \("[^"]+"(, "[^"]+")*\): the PDF would show empty boxes in their place\. Install a Japanese font \(Noto Sans CJK; Debian or Ubuntu: sudo apt-get install fonts-noto-cjk\), or export HTML, XLSX, CSV or JSON, which keep the text as it is\. Nothing was written\.\n$/);
    expect(existsSync(boxes)).toBe(false);
  });

  it('a report in Japanese (--language ja, or the saved preference): pdftotext reads its headings, labels and footer in Japanese, the PDF says /Lang (ja); CSV stays English', () => {
    const out = join(temp.dir, 'nisa-ja.pdf');
    const printed = cli('report', '--portfolio', 'NISA', '--format', 'pdf', '--out', out, '--language', 'ja');
    expect(printed.code, printed.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    // Page 1 (the answer), the sections, the methodology and the footer, with the holdings' own names.
    for (const words of ['テーマ・エクスポージャー: NISA', '評価額合計', '主な寄与銘柄', '未タグ', '算出方法', '免責事項', 'ソフトバンクグループ', 'JPY 4,813,350']) expect(text, words).toContain(words);
    expect(text).toMatch(/1\s*\/\s*\d+\s*ページ/);
    // None of the English headings or labels is left.
    for (const english of ['Total value', 'Largest contributors', 'Untagged', 'Methodology', 'Disclaimer', 'Summary', 'Page 1 of']) expect(text, english).not.toContain(english);
    const raw = readFileSync(out).toString('latin1');
    expect(raw).toMatch(/\/Lang \(ja\)/);
    const html = cli('report', '--portfolio', 'NISA', '--format', 'html', '--language', 'ja').stdout;
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>テーマ・エクスポージャー: NISA</title>');
    // Programs read CSV and JSON: the language changes nothing there.
    expect(cli('report', '--portfolio', 'NISA', '--format', 'csv', '--language', 'ja').stdout).toBe(cli('report', '--portfolio', 'NISA', '--format', 'csv').stdout);

    // Saved once, every report is Japanese; --language en still asks for one in English.
    const saved = cli('preferences', '--language', 'ja');
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('language\tja');
    expect(cli('report', '--portfolio', 'NISA', '--format', 'html').stdout).toContain('<html lang="ja">');
    const english = cli('report', '--portfolio', 'NISA', '--format', 'html', '--language', 'en').stdout;
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Total value');
    // A Japanese report made again from its record is the same file, whatever the preference is now.
    const recorded = join(temp.dir, 'recorded.html');
    const made = cli('report', '--portfolio', 'NISA', '--format', 'html', '--out', recorded);
    expect(made.code, made.stderr).toBe(0);
    const id = /report record (\d+)/.exec(made.stderr)![1]!;
    expect(cli('preferences', '--language', 'en').code).toBe(0);
    const again = join(temp.dir, 'again.html');
    const regenerated = cli('regenerate', id, '--out', again);
    expect(regenerated.code, regenerated.stderr).toBe(0);
    expect(readFileSync(again, 'utf8')).toContain('<html lang="ja">');

    const bad = cli('report', '--portfolio', 'NISA', '--format', 'html', '--language', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--language "fr" is not one of en, ja');
  });
});
