import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

const FIXTURES = join(ROOT, 'test/fixtures/journey');
const fixture = (name: string) => join(FIXTURES, name);

describe('themelens CLI (the command-line contract in the README)', () => {
  const temp = makeTempDir('themelens-cli-');
  const db = join(temp.dir, 'cli.db');
  afterAll(() => temp.cleanup());

  const reportJson = () => {
    const r = runCli(['report', '--db', db, '--portfolio', 'Smith family', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };

  beforeAll(() => {
    const r = runCli(['import', fixture('fidelity-two-accounts.csv'), '--db', db, '--portfolio', 'Smith family']);
    // Nothing but the pack's hint (NVDA, EQIX, KMI and COHR are in it).
    expect(r.stderr).toMatch(/^hint: 4 of your holdings fit the themes of Japan's first US investment projects \(3 themes\)[^\n]*\n$/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Imported 6 positions from fidelity-two-accounts\.csv into Smith family/);
  });

  it('reports totals exact to the cent for a BOM file with "$1,234.56" values, a cash row and two accounts', () => {
    const report = reportJson();
    expect(report.portfolio).toBe('Smith family');
    expect(report.baseCurrency).toBe('USD');
    expect(report.asOf).toBe('2026-11-24');
    // 1234.56 + 18025.00 + 8123.30 + 8133.00 + 3605.00 + 1432.50, by hand
    expect(report.totalValue).toBe(40553.36);
    expect(report.cashValue).toBe(1234.56);
    expect(report.untaggedValue).toBe(40553.36);
    expect(report.positions).toHaveLength(6);
    expect(new Set(report.positions.map((p: { account: string }) => p.account))).toEqual(new Set(['X12345678', 'Z87654321']));
    const cash = report.positions.find((p: { isCash: boolean }) => p.isCash);
    expect(cash.value).toBe(1234.56);
    expect(report.themes.map((t: { id: string }) => t.id)).toEqual(['data-centers', 'oil-logistics', 'diamond-semiconductors']);
    expect(report.warnings).toEqual([]);
  });

  it('tags and untags with weights, and exposure follows to the cent', () => {
    // A held symbol: no note.
    expect(runCli(['tag', 'nvda', 'data-centers', '--weight', '0.6', '--db', db])).toEqual({ code: 0, stdout: 'NVDA: data-centers 60% (40% untagged)\n', stderr: '' });
    expect(runCli(['tag', 'KMI', 'oil-logistics', '--db', db]).code).toBe(0);
    expect(runCli(['tag', 'COHR', 'diamond-semiconductors', '--weight', '0.25', '--db', db]).code).toBe(0);
    let report = reportJson();
    const value = (id: string) => report.themes.find((t: { id: string }) => t.id === id).value;
    expect(value('data-centers')).toBe(12978); // (18025.00 + 3605.00) x 0.6
    expect(value('oil-logistics')).toBe(8133);
    expect(value('diamond-semiconductors')).toBe(358.13); // 1432.50 x 0.25 = 358.125, half away from zero
    expect(report.untaggedValue).toBe(19084.23); // 40553.36 - 12978 - 8133 - 358.13
    const nvda = report.positions.find((p: { symbol: string; account: string }) => p.symbol === 'NVDA' && p.account === 'Z87654321');
    expect(nvda.themes).toEqual([{ id: 'data-centers', weight: 0.6, value: 2163 }]);

    expect(runCli(['untag', 'COHR', '--db', db]).code).toBe(0);
    report = reportJson();
    expect(value('diamond-semiconductors')).toBe(0);
    expect(report.untaggedValue).toBe(19442.36);
    // The report lists what changed in the tags (newest first), for the adviser to explain.
    expect(report.tagChanges.map((c: { symbolKey: string; themeId: string; oldWeight: number | null; newWeight: number | null }) => [c.symbolKey, c.themeId, c.oldWeight, c.newWeight])).toEqual([
      ['COHR', 'diamond-semiconductors', 0.25, null],
      ['COHR', 'diamond-semiconductors', null, 0.25],
      ['KMI', 'oil-logistics', null, 1],
      ['NVDA', 'data-centers', null, 0.6],
    ]);
  });

  it('tags a symbol no portfolio holds, and says so (a misspelling counted nowhere without a word)', () => {
    const r = runCli(['tag', 'NVDQ', 'data-centers', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('NVDQ: data-centers 100% (0% untagged)\n');
    expect(r.stderr).toBe(`note: NVDQ is in no portfolio's latest holdings, so this tag counts nowhere yet. If that is a misspelling, "themelens securities" lists the held ones.\n`);
    expect(runCli(['untag', 'NVDQ', '--db', db]).code).toBe(0);
  });

  it('says when --db named no database (a mistyped path answered from a new, empty one without a word)', () => {
    const typo = join(temp.dir, 'clinets.db');
    const themes = runCli(['themes', '--db', typo]);
    expect(themes.code).toBe(0);
    expect(themes.stdout).toContain('data-centers');
    expect(themes.stderr).toBe(`note: there was no database at ${typo}: this command made a new one, with no portfolios yet. Check --db.\n`);
    // Now it is there: said no more.
    expect(runCli(['themes', '--db', typo]).stderr).toBe('');
    const missing = join(temp.dir, 'typo', 'other.db');
    const report = runCli(['report', '--portfolio', 'Fid', '--format', 'json', '--db', missing]);
    expect(report.code).toBe(1);
    expect(report.stderr).toBe(`themelens: There is no portfolio named "Fid". Run "themelens portfolios" to list them. (there was no database at ${missing}: this command made a new one, with no portfolios yet. Check --db.)\n`);
    // A command that puts something in says nothing of it: making the database is what it was asked.
    expect(runCli(['fx', 'EUR', '1.1', '--as-of', '2026-11-01', '--db', join(temp.dir, 'fresh.db')]).stderr).toBe('');
    // The listing forms of commands that also write say it too; an empty file is no database yet.
    for (const args of [['backup', 'list'], ['rules', 'list'], ['fx', 'list'], ['targets', '--portfolio', 'X']]) {
      const path = join(temp.dir, `listing-${args[0]}.db`);
      if (args[0] === 'fx') writeFileSync(path, '');
      expect(runCli([...args, '--db', path]).stderr, args.join(' ')).toContain(`there was no database at ${path}`);
    }
    // Two databases named: which was meant is not guessed (the last one won).
    const two = runCli(['themes', '--db', typo, '--db', missing]);
    expect(two).toMatchObject({ code: 2, stderr: `themelens: --db is given twice ("${typo}" and "${missing}"): give it once. Run "themelens help" for usage.\n` });
  });

  it('refuses a weight given twice (the last one used to win without a word)', () => {
    const r = runCli(['tag', 'KMI', 'oil-logistics', '--weight', '0.5', '--weight', '0.7', '--db', db]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'themelens: --weight is given twice: give it once. Run "themelens help" for usage.\n' });
  });

  it('refuses weights above 100% for one symbol with a clear message', () => {
    const r = runCli(['tag', 'NVDA', 'diamond-semiconductors', '--weight', '0.5', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('themelens: NVDA is already 60% tagged to other themes; at most 40% is left for Diamond semiconductors.\n');
  });

  it('lists themes and portfolios', () => {
    const themes = runCli(['themes', '--db', db]);
    expect(themes.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0])).toEqual(['data-centers', 'oil-logistics', 'diamond-semiconductors']);
    const portfolios = runCli(['portfolios', '--db', db]);
    expect(portfolios.stdout).toBe('Smith family\tUSD\t1 snapshot\t2026-11-24\n');
  });

  it('values foreign positions with FX pairs, deriving a cross rate through a common currency', () => {
    const eur = join(temp.dir, 'eur.csv');
    writeFileSync(eur, 'Symbol,Description,Quantity,Currency,Market Value\nASML,ASML HOLDING,10,EUR,"6,543.21"\n7203,TOYOTA MOTOR,100,JPY,"285,000"\n');
    expect(runCli(['import', eur, '--db', db, '--portfolio', 'Euro book', '--base-currency', 'GBP']).code).toBe(0);
    let r = runCli(['report', '--db', db, '--portfolio', 'Euro book', '--format', 'json']);
    let report = JSON.parse(r.stdout);
    expect(report.baseCurrency).toBe('GBP');
    expect(report.totalValue).toBe(0);
    expect(report.warnings.map((w: { code: string }) => w.code)).toEqual(['MISSING_FX', 'MISSING_FX']);

    expect(runCli(['fx', 'EUR', '1.0845', '--db', db]).stdout).toMatch(/^1 EUR = 1\.0845 USD/);
    expect(runCli(['fx', 'GBP', '1.25', '--db', db]).code).toBe(0);
    expect(runCli(['fx', 'JPY', '0.0055', '--to', 'GBP', '--db', db]).code).toBe(0);
    r = runCli(['report', '--db', db, '--portfolio', 'Euro book', '--format', 'json']);
    report = JSON.parse(r.stdout);
    // JPY direct: 285000 x 0.0055 = 1567.50. EUR via USD: 6543.21 x 1.0845 / 1.25 = 7096.1112 / 1.25 = 5676.889 -> 5676.89
    expect(report.positions.find((p: { symbol: string }) => p.symbol === '7203').value).toBe(1567.5);
    expect(report.positions.find((p: { symbol: string }) => p.symbol === 'ASML').value).toBe(5676.89);
    expect(report.totalValue).toBe(7244.39);
    expect(report.warnings).toEqual([]);
  });

  it('writes CSV, HTML, XLSX and PDF reports to --out', () => {
    const out = join(temp.dir, 'r.csv');
    const r = runCli(['report', '--db', db, '--portfolio', 'Smith family', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFPortfolio,Smith family')).toBe(true);
    expect(csv).toContain('Data-center infrastructure,data-centers,12978.00');
    const html = runCli(['report', '--db', db, '--portfolio', 'Smith family', '--format', 'html']);
    expect(html.stdout).toContain('<h1>Theme exposure: Smith family</h1>');
    for (const format of ['xlsx', 'pdf']) {
      const x = runCli(['report', '--db', db, '--portfolio', 'Smith family', '--format', format, '--out', join(temp.dir, `r.${format}`)]);
      expect(x.stderr).toMatch(/^(themelens: note: PDF printing runs Chromium without its sandbox: .*\n)?Wrote /m); // the note: run as root
      expect(x.code).toBe(0);
      expect(readFileSync(join(temp.dir, `r.${format}`)).subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\x03\x04');
    }
  });

  it('detects a re-import of the same bytes and imports nothing', () => {
    const before = dumpContent(db);
    const r = runCli(['import', fixture('fidelity-two-accounts.csv'), '--db', db, '--portfolio', 'Smith family']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^themelens: fidelity-two-accounts\.csv was already imported into Smith family/);
    expect(dumpContent(db)).toBe(before);
  });

  describe('a bad file exits non-zero with one line naming the problem and leaves the database as it was', () => {
    const binary = join(temp.dir, 'statement.csv');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const cases: { name: string; file: string; message: RegExp }[] = [
      { name: 'malformed quote', file: fixture('malformed-quote.csv'), message: /malformed-quote\.csv line 2\b.*quote/i },
      { name: 'non-numeric quantity', file: fixture('bad-quantity.csv'), message: /bad-quantity\.csv line 3, column 4 \(Quantity\): .*three hundred/ },
      { name: 'no rows', file: fixture('header-only.csv'), message: /header-only\.csv.*no (positions|rows|data|holdings)/i },
      { name: 'empty file', file: fixture('empty.csv'), message: /empty\.csv.*empty/i },
      { name: 'binary content', file: binary, message: /statement\.csv.*(binary|not a text)/i },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const before = dumpContent(db);
        const reportBefore = reportJson();
        const r = runCli(['import', c.file, '--db', db, '--portfolio', 'Smith family']);
        expect(r.code).not.toBe(0);
        expect(r.stdout).toBe('');
        const lines = r.stderr.split('\n').filter(Boolean);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(c.message);
        expect(lines[0]).not.toMatch(/\s+at\s+\S+\s+\(/); // no stack trace
        expect(dumpContent(db)).toBe(before);
        expect({ ...reportJson(), generatedAt: '' }).toEqual({ ...reportBefore, generatedAt: '' });
      });
    }
  });

  it('imports the valid rows only with --skip-invalid and records the rejected ones', () => {
    const r = runCli(['import', fixture('bad-quantity.csv'), '--db', db, '--portfolio', 'Partial', '--skip-invalid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Imported 1 position/);
    expect(r.stderr).toMatch(/skipped: line 3, column 4/);
    const report = JSON.parse(runCli(['report', '--db', db, '--portfolio', 'Partial', '--format', 'json']).stdout);
    expect(report.totalValue).toBe(18025);
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('UNPARSED_CELL');
  });

  it('answers usage mistakes with exit 2 and one line', () => {
    for (const args of [['frobnicate'], ['import'], ['tag', 'NVDA'], ['tag', 'NVDA', 'data-centers', '--weight', '1.5'], ['report', '--portfolio', 'X']]) {
      const r = runCli([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
    // One field mapped twice: the last one won without a word.
    const twice = runCli(['import', join(temp.dir, 'any.csv'), '--portfolio', 'X', '--map', 'symbol=Ticker', '--map', 'symbol=Name', '--db', db]);
    expect(twice).toMatchObject({ code: 2, stderr: 'themelens: --map names symbol twice ("Ticker" and "Name"): map each field once. Run "themelens help" for usage.\n' });
  });

  it('--delimiter takes the same spellings as the import screen (";", "semicolon", "tab", "\\t"); another is refused with the list', () => {
    const semi = join(temp.dir, 'semi.csv');
    writeFileSync(semi, 'Symbol;Quantity;Market Value\nNVDA;10;"1,500.00"\n');
    const tab = join(temp.dir, 'tab.csv');
    writeFileSync(tab, 'Symbol\tQuantity\tMarket Value\nNVDA\t10\t1500.00\n');
    const imported = (file: string, delimiter: string, name: string) => runCli(['import', file, '--db', db, '--portfolio', name, '--delimiter', delimiter, '--allow-duplicate']);
    for (const [file, d, name] of [[semi, ';', 'Semi 1'], [semi, 'semicolon', 'Semi 2'], [tab, 'tab', 'Tab 1'], [tab, '\\t', 'Tab 2']] as const) {
      const r = imported(file, d, name);
      expect(r.code, `${d}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Imported 1 position from \\w+\\.csv into ${name}`));
    }
    const before = dumpContent(db);
    const refused = imported(semi, ':', 'Colon');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('themelens: --delimiter ":" is not one of , ; tab |. Run "themelens help" for usage.\n');
    expect(dumpContent(db)).toBe(before);
  });

  it('a semicolon file whose figures never show their decimal separator: read with a decimal comma and said; --decimal point reads them the other way', () => {
    const file = join(temp.dir, 'us-figures.csv');
    writeFileSync(file, 'Symbol;Description;Quantity;Value;Currency\nAAPL;Apple;10;2,053;USD\nMSFT;Microsoft;5;2,522;USD\n');
    const total = (name: string) => JSON.parse(runCli(['exposure', '--db', db, '--portfolio', name, '--format', 'json']).stdout).totalValue;
    const guessed = runCli(['import', file, '--db', db, '--portfolio', 'Guessed', '--allow-duplicate']);
    expect(guessed.code).toBe(0);
    expect(guessed.stderr).toContain(
      'warning: No figure in the file shows whether its decimal separator is a point or a comma, and some could be read either way (line 2, Value: 2,053). They were read with a decimal comma, as is usual in a file delimited by semicolons: 2,053 as 2.053, not 2053. If the file writes 1,234.56, import it again choosing Point as the decimal separator (on the command line, --decimal point).\n',
    );
    expect(total('Guessed')).toBe(4.57);
    const chosen = runCli(['import', file, '--db', db, '--portfolio', 'Chosen', '--decimal', 'point', '--allow-duplicate']);
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).not.toContain('warning:');
    expect(total('Chosen')).toBe(4575);
    const refused = runCli(['import', file, '--db', db, '--portfolio', 'Refused', '--decimal', 'dot', '--allow-duplicate']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('themelens: --decimal "dot" is not one of point comma auto. Run "themelens help" for usage.\n');
  });
});
