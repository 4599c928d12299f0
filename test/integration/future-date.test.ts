/**
 * A portfolio's figures are its latest snapshot's, and the latest is the one of the latest date: a
 * snapshot dated 2062 for 2026 (a typo in the date field, a file's date read wrong) hid every import
 * after it, as history, without a word. The import now says so.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { futureDateCheck } from '../../shared/import/future-date';
import { makeTempDir } from '../helpers/temp-dir';

// Noon, 7 December 2026, on this computer's clock (the check's dates are local ones).
const NOW = new Date(2026, 11, 7, 12, 0, 0).toISOString();

describe('a snapshot dated after tomorrow', () => {
  const temp = makeTempDir('themelens-future-');
  let backend: Backend;
  let n = 0;
  beforeAll(async () => {
    backend = await openBackend({ dbPath: join(temp.dir, 'a.db'), clock: () => NOW });
  });
  afterAll(() => {
    backend.close();
    temp.cleanup();
  });

  const importFile = async (asOf: string | undefined, head = '') => {
    const path = join(temp.dir, `file-${++n}.csv`);
    writeFileSync(path, `${head}Account,Symbol,Description,Quantity,Price,Market Value\nA1,MSFT,MICROSOFT,5,300,${1500 + n}\n`);
    return backend.handlers.importHoldings({ path, portfolioName: 'Dates', ...(asOf ? { asOf } : {}), options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
  };

  it('is kept, and said: the check, and the sentence the command line prints', async () => {
    const typo = await importFile('2062-12-01');
    expect(typo.snapshot.asOf).toBe('2062-12-01');
    expect(typo.checks).toEqual([{ kind: 'futureDate', asOf: '2062-12-01', today: '2026-12-07' }]);
    expect(typo.warnings).toContain(
      "The snapshot is dated 2062-12-01, after today (2026-12-07). It is kept, and it stays the portfolio's latest snapshot, whose figures the portfolio shows, until a snapshot of a later date comes. If the date is wrong, delete the snapshot and import the file again with the right date (on the command line, --as-of).",
    );
  });

  it("says nothing of today, of tomorrow (a file from where the day has begun) or of the past", async () => {
    for (const asOf of ['2026-12-07', '2026-12-08', '2026-11-30', undefined]) {
      expect((await importFile(asOf)).checks.filter((c) => c.kind === 'futureDate')).toEqual([]);
    }
  });

  it("says so of a date read from the file's own lines", async () => {
    const read = await importFile(undefined, 'Positions as of 12/01/2062\n');
    expect(read.snapshot.asOf).toBe('2062-12-01');
    expect(read.checks).toContainEqual({ kind: 'futureDate', asOf: '2062-12-01', today: '2026-12-07' });
  });
});

describe('futureDateCheck', () => {
  it('counts days on this computer: the day after tomorrow is the first said', () => {
    expect(futureDateCheck('2026-12-08', NOW)).toBeNull();
    expect(futureDateCheck('2026-12-09', NOW)).toEqual({ kind: 'futureDate', asOf: '2026-12-09', today: '2026-12-07' });
    // Late on the 31st: tomorrow is in the next year.
    const newYearsEve = new Date(2026, 11, 31, 23, 30).toISOString();
    expect(futureDateCheck('2027-01-01', newYearsEve)).toBeNull();
    expect(futureDateCheck('2027-01-02', newYearsEve)).toMatchObject({ today: '2026-12-31' });
  });

  it('counts tomorrow by the calendar: the night the clocks go back, 24 hours on was still today (New York, 1 November 2026)', () => {
    // In a process of its own: the time zone is read when a process starts.
    const script = "import('./shared/import/future-date.ts').then((m) => { const f = m.isFutureDate ?? m.default.isFutureDate; const at = new Date(2026, 10, 1, 0, 30); console.log(JSON.stringify([f('2026-11-02', at), f('2026-11-03', at)])); })";
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([false, true]);
  });
});
