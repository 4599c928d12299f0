/** Money-market funds a broker reports as the account's cash (Vanguard VMFXX, Fidelity SPAXX) count as cash. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('sweep money-market funds are cash', () => {
  const temp = makeTempDir('themelens-cashfunds-');
  const db = join(temp.dir, 'c.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());
  const report = (name: string) => JSON.parse(cli('report', '--portfolio', name, '--format', 'json').stdout) as { cashValue: number; totalValue: number; positions: { symbol: string; isCash: boolean }[] };

  it('Vanguard: VMFXX (the settlement fund) is cash; VTSAX is not', () => {
    expect(cli('import', resolve(__dirname, '../fixtures/holdings/vanguard-ofx.csv'), '--portfolio', 'Vanguard').code).toBe(0);
    const r = report('Vanguard');
    expect(r.cashValue).toBe(1234.56);
    expect(r.positions.find((p) => p.symbol === 'VMFXX')?.isCash).toBe(true);
    expect(r.positions.find((p) => p.symbol === 'VTSAX')?.isCash).toBe(false);
  });

  it('SPAXX without the ** marker (a re-saved Fidelity file) is cash too', () => {
    const file = join(temp.dir, 'fidelity-resaved.csv');
    writeFileSync(file, 'Account Number,Account Name,Symbol,Description,Quantity,Last Price,Current Value\nX1,Individual,SPAXX,HELD IN MONEY MARKET,,,"$2,314.07"\nX1,Individual,NVDA,NVIDIA CORP,10,$180.25,"$1,802.50"\n');
    expect(cli('import', file, '--portfolio', 'Fidelity').code).toBe(0);
    expect(report('Fidelity').cashValue).toBe(2314.07);
  });
});
