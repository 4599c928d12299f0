import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHoldingsCsv } from '../bench/generate';
import { ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const RESULTS = join(ROOT, 'test-results');
const text = (pdf: string, page?: number) => execFileSync('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'], { encoding: 'utf8' });
const info = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(info(pdf))?.[1]);

describe('PDF reports from the CLI, read back with poppler', () => {
  const temp = makeTempDir('themelens-pdf-');
  const db = join(temp.dir, 'pdf.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  beforeAll(async () => {
    expect(cli('import', join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), '--portfolio', 'Smith family').code).toBe(0);
    for (const args of [['NVDA', 'data-centers', '--weight', '0.6'], ['KMI', 'oil-logistics'], ['COHR', 'diamond-semiconductors', '--weight', '0.25']]) expect(cli('tag', ...args).code).toBe(0);
    expect(cli('preferences', '--adviser-name', 'Ana Ruiz', '--adviser-firm', 'Ruiz & Partners', '--disclaimer', 'For the client named on the cover only.').code).toBe(0);
    const big = join(temp.dir, 'big-book.csv');
    await writeHoldingsCsv(big, 200, 200);
    expect(cli('import', big, '--portfolio', 'Big book').code).toBe(0);
    mkdirSync(RESULTS, { recursive: true });
  });

  it('A4: the figures in the extracted text match the hand computation to the cent, with page numbers and the fingerprint', () => {
    const pdf = join(temp.dir, 'smith-a4.pdf');
    const r = cli('report', '--portfolio', 'Smith family', '--format', 'pdf', '--out', pdf);
    // (Run as root, Chromium has no sandbox, and the command first says so in one note line.)
    expect(r.stderr).toMatch(/^(themelens: note: PDF printing runs Chromium without its sandbox: .*\n)?Wrote .* fingerprint ([0-9a-f]{4}-){2}[0-9a-f]{4}/);
    expect(r.code).toBe(0);
    expect(info(pdf)).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    // Tagged for screen readers, with a document title and the language set (the catalog's /Lang).
    expect(info(pdf)).toMatch(/^Title:\s+Theme exposure: Smith family$/m);
    expect(info(pdf)).toMatch(/^Tagged:\s+yes$/m);
    expect(readFileSync(pdf).toString('latin1')).toMatch(/\/Lang \(en\)/);
    const all = text(pdf);
    const fingerprint = /fingerprint (\S+),/.exec(r.stderr)?.[1] as string;
    const cover = text(pdf, 1);
    for (const s of ['Theme exposure: Smith family', 'Ana Ruiz, Ruiz & Partners', '2026-11-24', 'USD', fingerprint]) expect(cover).toContain(s);
    // Page 1 is the answer: the total, each theme's value and share, untagged and cash, the largest
    // contributors (NVDA in two accounts: 18,025.00 x 60% = 10,815.00 and 3,605.00 x 60% = 2,163.00),
    // and what the figures rest on.
    expect(cover).toMatch(/Total value USD 40,553\.36 as of 2026-11-24/);
    // NVDA is held in two accounts: each line names its account.
    expect(cover).toMatch(/Data-center infrastructure\s+USD 12,978\.00\s+32\.0%\s+NVDA \(X12345678\) USD 10,815\.00 \(60% of USD 18,025\.00\)/);
    expect(cover).toMatch(/NVDA \(Z87654321\) USD 2,163\.00 \(60% of USD 3,605\.00\)/);
    expect(cover).toMatch(/Untagged\s+USD 19,084\.23\s+47\.1%\s+of which cash/);
    expect(cover).toContain('Rests on: themes from US-Japan strategic investment, 2026; exchange rates: every position is in USD');
    // 32.0 + 20.1 + 0.9 + 47.1 = 100.1: said beside them, not left to read as a slip.
    expect(cover).toContain('Each share is rounded on its own: those above add up to 100.1%, not 100.0%.');
    // By hand: (18,025.00 + 3,605.00) x 60% = 12,978.00; KMI 8,133.00; 1,432.50 x 25% = 358.125 -> 358.13;
    // untagged 40,553.36 - 12,978.00 - 8,133.00 - 358.13 = 19,084.23; shares of 40,553.36.
    const summary = text(pdf, 2);
    expect(summary).toMatch(/Data-center infrastructure\s+USD 12,978\.00\s+32\.0%/);
    expect(summary).toMatch(/Crude-oil logistics\s+USD 8,133\.00\s+20\.1%/);
    expect(summary).toMatch(/Diamond semiconductors\s+USD 358\.13\s+0\.9%/);
    expect(summary).toMatch(/Untagged\s+USD 19,084\.23\s+47\.1%/);
    expect(summary).toMatch(/Untagged\s+USD 19,084\.23\s+47\.1%\s+of which cash\s+USD 1,234\.56\s+3\.0%\s+Total/);
    expect(summary).toMatch(/Total\s+USD 40,553\.36\s+100\.0%/);
    // Contributions per position, the charts' labels (SVG text, so the charts are vectors), the disclaimer.
    expect(all).toMatch(/X12345678\s+NVDA\s+NVIDIA CORPORATION COM\s+60%\s+manual\s+USD 10,815\.00/);
    expect(all).toMatch(/Z87654321\s+NVDA\s+NVIDIA CORPORATION COM\s+60%\s+manual\s+USD 2,163\.00/);
    expect(all).toContain('Untagged 47.1%');
    expect(all).toContain('For the client named on the cover only.');
    const pages = pageCount(pdf);
    for (let p = 1; p <= pages; p++) expect(text(pdf, p)).toContain(`Page ${p} of ${pages}`);
    // No raster image: the charts are drawn, not pasted.
    expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
    // Every font is embedded.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);

    for (const page of [1, 2]) {
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(RESULTS, `report-a4-page${page}`)]);
      expect(statSync(join(RESULTS, `report-a4-page${page}.png`)).size).toBeGreaterThan(10_000);
    }
  });

  it('US Letter, and a 200-position table whose header row repeats on every page it spans', () => {
    const pdf = join(temp.dir, 'big-letter.pdf');
    const r = cli('report', '--portfolio', 'Big book', '--format', 'pdf', '--paper', 'letter', '--out', pdf, '--sections', 'summary,positions');
    expect(r.code).toBe(0);
    expect(info(pdf)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const pages = Array.from({ length: pageCount(pdf) }, (_, i) => text(pdf, i + 1));
    const withRows = pages.filter((t) => /X1000000\d\s+S/.test(t));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    // All in dollars: no currency column and no local value beside the value (each would repeat it).
    for (const t of withRows) expect(t).toMatch(/Account\s+Symbol\s+Description\s+Quantity\s+Value \(USD\)\s+Themes/);
    // Every one of the 200 positions is in the text once.
    const rows = pages.join('\n').match(/^\s*X1000000\d\s+\S+/gm) ?? [];
    expect(rows).toHaveLength(200);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '2', '-l', '2', '-singlefile', pdf, join(RESULTS, 'report-letter-positions')]);
    // Page 1 on Letter is the answer too.
    expect(text(pdf, 1)).toMatch(/Total value USD [\d,.]+ as of/);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(RESULTS, 'report-letter-page1')]);
  });

  it('without Chromium, fails with one line naming what to install', () => {
    const r = runCli(['report', '--db', db, '--portfolio', 'Smith family', '--format', 'pdf', '--out', join(temp.dir, 'x.pdf')], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^themelens: .*apt-get install chromium.*\n$/);
  });
});
