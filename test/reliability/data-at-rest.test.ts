import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../cli/run';
import { COMMANDS } from '../../cli/commands';
import { toErrorData } from '../../shared/api/errors';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { channelOf } from '../../shared/api/contract';
import { startApp } from '../../electron/main/app';
import { ipcEvent, makeFakeElectron } from '../unit/electron/fake-electron';
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

describe('the desktop shell’s log (its stdout and stderr: the app writes no log file) never holds portfolio data', () => {
  const temp = makeTempDir('themelens-shell-log-');
  afterAll(() => temp.cleanup());

  it('a canary imported, tagged, exported and refused through IPC appears in no log line', async () => {
    const csv = join(temp.dir, `${CANARY}.csv`);
    const fixture = readFileSync(join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), 'utf8');
    writeFileSync(csv, fixture.replace(/,NVDA,/g, `,${CANARY},`));
    const data = join(temp.dir, 'data');
    const out = join(temp.dir, `${CANARY}-report.csv`);
    // Everything the main process prints: the shell's log function, console, and raw writes (the import worker's output is piped into them).
    const lines: string[] = [];
    const record = (...a: unknown[]) => void lines.push(a.map(String).join(' '));
    const spies = [
      vi.spyOn(console, 'log').mockImplementation(record),
      vi.spyOn(console, 'info').mockImplementation(record),
      vi.spyOn(console, 'warn').mockImplementation(record),
      vi.spyOn(console, 'error').mockImplementation(record),
      vi.spyOn(console, 'debug').mockImplementation(record),
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (record(chunk), true)),
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (record(chunk), true)),
    ];
    const e = makeFakeElectron();
    try {
      startApp(e as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: data }, record);
      await new Promise((r) => setTimeout(r, 50));
      const call = (name: string, input: unknown, event = ipcEvent()) => e.handlers.get(channelOf(name))!(event, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
      e.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [csv] } as never);
      e.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: out } as never);
      expect((await call('chooseImportFile', {})).ok).toBe(true);
      const imported = await call('importHoldings', { path: csv, portfolioName: `${CANARY} family` });
      expect(imported.ok).toBe(true); // through the import worker thread, as in the app
      expect(await call('importHoldings', { path: csv, portfolioName: `${CANARY} family` })).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED' } });
      expect((await call('applyTagChanges', { changes: [{ symbolKey: CANARY, themeId: 'data-centers', weightBp: 5000, rationale: `${CANARY} builds data centers` }] })).ok).toBe(true);
      expect(await call('setTag', { symbolKey: CANARY, themeId: 'oil-logistics', weightBp: 9000 })).toMatchObject({ ok: false, error: { code: 'WEIGHT_OVER_100' } });
      const portfolioId = ((imported.value as { portfolio: { id: number } }).portfolio).id;
      expect((await call('chooseExportPath', { format: 'csv', suggestedName: `${CANARY}.csv` })).ok).toBe(true);
      expect((await call('exportReport', { portfolioId, format: 'csv', path: out })).ok).toBe(true);
      expect(readFileSync(out, 'utf8')).toContain(CANARY); // the data went where the user asked
      // Refusals are logged: an untrusted frame and an ungranted path, each carrying the canary.
      expect(await call('setTag', { symbolKey: CANARY, themeId: 'data-centers', weightBp: 1 }, ipcEvent(`https://${CANARY}.example/`))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call('previewImport', { path: `/tmp/${CANARY}.csv` })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call('createPortfolio', { name: CANARY, baseCurrency: 'NOT A CURRENCY' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      e.app.emit('will-quit');
      for (const spy of spies) spy.mockRestore();
    }
    // The log was written to (not vacuous): the SQLite line and both refusals, by name only.
    expect(lines).toContain('refused setTag: untrusted sender');
    expect(lines).toContain('refused previewImport: path not granted by a dialog');
    expect(lines.some((l) => /SQLite 3\.\d+/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes(CANARY))).toEqual([]);
    // And the data folder still holds no log file.
    for (const f of walk(data)) expect(f).toMatch(/^(themelens\.db(-wal|-shm)?|backups\/themelens-[0-9TZ-]+-[a-z-]+\.db)$/);
  });
});
