/** Clients (households): import --client, client set, clients; a portfolio is not moved to another client by an import. */
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');
const SCHWAB = resolve(__dirname, '../fixtures/holdings/schwab-2025.csv');

describe('clients', () => {
  const temp = makeTempDir('themelens-clients-');
  const db = join(temp.dir, 'c.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  it('import --client names the client; clients lists each with its portfolios', () => {
    expect(cli('clients').stdout).toContain('No clients yet');
    expect(cli('import', FIDELITY, '--portfolio', 'Smith IRA', '--client', 'Smith family').code).toBe(0);
    expect(cli('import', SCHWAB, '--portfolio', 'Smith joint').code).toBe(0);
    expect(cli('client', 'set', 'smith joint', 'SMITH FAMILY').stdout).toBe('Smith joint belongs to SMITH FAMILY.\n');
    // One client, however its name was typed.
    expect(cli('clients').stdout).toBe('Smith family\tSmith IRA, Smith joint\n');
    const report = JSON.parse(cli('report', '--portfolio', 'Smith IRA', '--format', 'json').stdout);
    expect(report.clientName).toBe('Smith family');
  });

  it("an import naming another client is refused, naming the command that moves it; nothing is imported", () => {
    const r = cli('import', SCHWAB, '--portfolio', 'Smith IRA', '--client', 'Jones');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Smith IRA belongs to the client Smith family, not Jones. Nothing was imported');
    expect(cli('portfolios').stdout).toMatch(/^Smith IRA\tUSD\t1 snapshot\t/m);
    expect(cli('client', 'set', 'Smith IRA', '').stdout).toBe('Smith IRA belongs to no client.\n');
    expect(cli('clients').stdout).toBe('SMITH FAMILY\tSmith joint\n');
  });
});
