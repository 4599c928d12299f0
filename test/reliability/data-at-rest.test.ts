import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/run';
import { COMMANDS } from '../../cli/commands';
import { toErrorData } from '../../shared/api/errors';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

/** A ticker no real file holds: wherever it turns up, it came from the test's import. */
const CANARY = 'ZQXCANARY';

/** Every file under a folder, as paths relative to it. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)).map((f) => join(e.name, f)) : [e.name]));
}

describe('data at rest: private files, and portfolio data in no log or error message', () => {
  const temp = makeTempDir('themelens-rest-');
  const data = join(temp.dir, 'data');
  const env = { THEMELENS_DATA_DIR: data };
  const csv = join(temp.dir, 'canary.csv');
  afterAll(() => temp.cleanup());

  it('the data folder holds only private database files and backups: no log files', () => {
    const fixture = readFileSync(join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), 'utf8');
    writeFileSync(csv, fixture.replace(/,NVDA,/g, `,${CANARY},`));
    expect(runCli(['import', csv, '--portfolio', 'Canary'], env).code).toBe(0);
    expect(runCli(['tag', CANARY, 'data-centers', '--weight', '0.5'], env).code).toBe(0);
    expect(runCli(['backup', 'create'], env).code).toBe(0);
    // A refused import (already imported) on the way.
    const again = runCli(['import', csv, '--portfolio', 'Canary'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).not.toContain(CANARY);

    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, 'backups')).mode & 0o777).toBe(0o700);
    const files = walk(data);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      expect(f, 'only databases live in the data folder').toMatch(/^(themelens\.db(-wal|-shm)?|backups\/themelens-[0-9TZ-]+-[a-z-]+\.db)$/);
      expect(statSync(join(data, f)).mode & 0o777, f).toBe(0o600);
    }
    // The canary is in the databases (where it belongs) and nowhere else under the data folder.
    const holding = files.filter((f) => readFileSync(join(data, f)).includes(CANARY));
    expect(holding.every((f) => f.endsWith('.db') || f.endsWith('.db-wal'))).toBe(true);
  });

  it('internal errors carry no row data: not across the API, not on the command line', async () => {
    const bug = new TypeError(`Cannot read properties of undefined (reading 'value') at row ${CANARY},100,180.25`);
    expect(JSON.stringify(toErrorData(bug))).not.toContain(CANARY);
    const logged: string[] = [];
    const handlers = { listTags: () => { throw bug; } } as unknown as AllHandlers;
    const r = await invokeApi(handlers, 'listTags', {}, (name, err) => logged.push(`${name}: ${(err as Error).name}`));
    expect(JSON.stringify(r)).not.toContain(CANARY);
    expect(logged).toEqual(['listTags: TypeError']);

    COMMANDS['explode-for-test'] = () => {
      throw bug;
    };
    const out: string[] = [];
    try {
      const code = await run(['explode-for-test', '--db', join(temp.dir, 'cli.db')], { out: (s) => out.push(s), err: (s) => out.push(s) });
      expect(code).toBe(70);
    } finally {
      delete COMMANDS['explode-for-test'];
    }
    expect(out.join('')).toBe('themelens: internal error (TypeError). Run again with THEMELENS_DEBUG=1 to see the details, and report them.\n');
  });
});
