/**
 * The database's odd states as the user meets them in the real renderer over the real backend: a
 * read-only file (banner naming it and why; edits refused with a clear message; the file
 * untouched), and a damaged file moved aside at start-up (the prompt offers the newest verified
 * backup; Restore brings its content back and asks the host to relaunch).
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, truncateSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../db/service/backend';
import { startHarness, type Harness } from './harness';

const FIXTURE = resolve(__dirname, '../fixtures/journey/fidelity-two-accounts.csv');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every row of every table, sorted: two files with the same dump hold the same content. */
function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort()]));
  } finally {
    db.close();
  }
}

/** A database holding the fixture in portfolio "Family", NVDA tagged 60% data centers. */
async function seed(dbPath: string): Promise<void> {
  const b = await openBackend({ dbPath });
  await b.handlers.importHoldings({ path: FIXTURE, portfolioName: 'Family', options: {}, rememberMapping: false, skipInvalid: false, allowDuplicate: false });
  b.handlers.setTag({ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 });
  b.close();
}

describe('a read-only database: a banner naming the file and why; edits refused where they start, with a clear message', () => {
  let h: Harness;
  let dbPath = '';
  let before = '';
  beforeAll(async () => {
    h = await startHarness({
      prepare: async (path) => {
        dbPath = path;
        await seed(path);
        chmodSync(path, 0o400);
        before = sha(path);
      },
    });
  });
  afterAll(async () => {
    if (dbPath && existsSync(dbPath)) chmodSync(dbPath, 0o600);
    await h?.close();
  });

  it('shows the banner with the path and the reason, and the portfolio as it is', async () => {
    const banner = h.page.getByTestId('read-only-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toBe(`Read-only: ${dbPath} is read-only: you can look at your portfolios, but changes cannot be saved. Make the file writable and restart ThemeLens to make changes.`);
    await h.page.getByTestId('position-row-NVDA').first().waitFor();
    await h.screenshot('60-read-only-banner');
  });

  it('a tag edit is refused where it starts, saying why, and changes nothing', async () => {
    // The controls that would write look refused (greyed, aria-disabled) and say why in their tooltip; a click says it too.
    for (const id of ['import-button', 'update-prices-button', 'tag-button-KMI']) expect(await h.page.getByTestId(id).getAttribute('aria-disabled'), id).toBe('true');
    expect(await h.page.getByTestId('import-button').getAttribute('title')).toContain('is read-only');
    expect(await h.page.getByTestId('tag-button-KMI').evaluate((el) => getComputedStyle(el).opacity)).toBe('0.5');
    const tagButton = h.page.getByTestId('tag-button-KMI');
    expect(await tagButton.getAttribute('title')).toBe(`${dbPath} is read-only: you can look at your portfolios, but changes cannot be saved. Make the file writable and restart ThemeLens to make changes.`);
    // Marked disabled (aria-disabled), so the tools' click waits for it to be enabled: forced, as a mouse clicks it.
    await tagButton.click({ force: true });
    await h.page.getByTestId('toast').filter({ hasText: `${dbPath} is read-only` }).waitFor();
    // No editor to type a weight and a note into that could not be saved.
    expect(await h.page.getByTestId('tag-weight-input').count()).toBe(0);
    await h.screenshot('61-read-only-edit-refused');
    // The backend refuses too, with the clear message (what a write that gets past the window meets).
    const refusal = await h.page.evaluate(() => window.themelens.applyTagChanges({ changes: [{ symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 2500 }] }).then(() => 'saved', (e: Error) => e.message));
    expect(refusal).toMatch(/^The database cannot be written \(the file or its folder is read-only\): nothing was saved/);
    // Refused means unchanged: the file's bytes, and KMI still has no tag in it.
    expect(sha(dbPath)).toBe(before);
    expect(dump(dbPath)['tags']?.some((row) => String(row).includes('KMI'))).toBe(false);
  });

  it('the Themes dialog says it is read-only, and greys accepting suggestions and importing tags with the reason', async () => {
    const reason = `${dbPath} is read-only: you can look at your portfolios, but changes cannot be saved. Make the file writable and restart ThemeLens to make changes.`;
    await h.page.getByTestId('themes-button').click();
    expect(await h.page.getByTestId('themes-read-only').innerText()).toBe('Read-only: themes, tags, rules and suggestions can be read here, but changes cannot be saved.');
    // The Themes tab's edits are greyed together: adding, renaming, deleting a theme.
    expect(await h.page.getByTestId('new-theme-name').isDisabled()).toBe(true);
    expect(await h.page.getByTestId('add-theme').isDisabled()).toBe(true);
    expect(await h.page.getByTestId('delete-theme-data-centers').isDisabled()).toBe(true);
    expect(await h.page.getByLabel('Name of Data-center infrastructure').isDisabled()).toBe(true);
    await h.page.getByTestId('rules-tab').click();
    expect(await h.page.getByTestId('rule-pattern').isDisabled()).toBe(true);
    await h.page.getByTestId('suggestions-tab').click();
    const acceptAll = h.page.getByTestId('accept-all-suggestions');
    await acceptAll.waitFor();
    expect(await acceptAll.isDisabled()).toBe(true);
    expect(await acceptAll.getAttribute('title')).toBe(reason);
    // Each suggestion's own Accept too (the pack suggests for the seeded holdings).
    const accept = h.page.locator('[data-testid^="accept-"]:not([data-testid="accept-all-suggestions"])').first();
    expect(await accept.isDisabled()).toBe(true);
    await h.screenshot('62-read-only-suggestions');
    await h.page.getByTestId('share-tab').click();
    const importTags = h.page.getByTestId('import-tags');
    expect(await importTags.isDisabled()).toBe(true);
    expect(await importTags.getAttribute('title')).toBe(reason);
    // Exporting writes no database: still offered.
    expect(await h.page.getByTestId('export-tags-json').isDisabled()).toBe(false);
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('themes-dialog').waitFor({ state: 'detached' });
  });

  it('import says why it cannot run, without opening the file dialog', async () => {
    h.openDialogAnswers.push(FIXTURE);
    await h.page.getByTestId('import-button').first().click({ force: true });
    await h.page.getByTestId('toast').filter({ hasText: `${dbPath} is read-only` }).waitFor();
    expect(h.openDialogAnswers).toEqual([FIXTURE]); // not consumed: no dialog was shown
    h.openDialogAnswers.length = 0;
  });

  it('the Backups dialog shows encryption at rest off, and why it cannot be turned on without a key store', async () => {
    await h.page.getByTestId('backups-button').click();
    const state = h.page.getByTestId('encryption-state');
    await state.waitFor();
    expect(await state.innerText()).toBe('Off. It cannot be turned on here. The e2e harness has no key store.');
    expect(await h.page.getByTestId('encryption-enable').count()).toBe(0);
    await h.screenshot('64-backups-encryption-unavailable');
    await h.page.keyboard.press('Escape');
  });

  it('the file is byte for byte as it was, and still 0400', () => {
    expect(sha(dbPath)).toBe(before);
    expect(h.consoleErrors).toEqual([]);
  });
});

describe('a damaged database at start-up: the newest verified backup is offered and restores', () => {
  let h: Harness;
  let dbPath = '';
  let backupPath = '';
  let backupFile = '';
  beforeAll(async () => {
    h = await startHarness({
      prepare: async (path) => {
        dbPath = path;
        await seed(path);
        const b = await openBackend({ dbPath: path });
        const backup = await b.handlers.createBackup({});
        backupPath = backup.path;
        backupFile = backup.file;
        // Work after the backup, lost with the damage.
        b.handlers.setTag({ symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 10000 });
        b.close();
        truncateSync(path, 4096);
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the prompt names where the damaged file went and the backup’s date', async () => {
    const prompt = h.page.getByTestId('recovery-prompt');
    await prompt.waitFor();
    const movedTo = await h.page.getByTestId('recovery-moved-to').innerText();
    expect(movedTo).toMatch(/\/corrupt-[0-9TZ-]+\.db$/);
    expect(existsSync(movedTo)).toBe(true);
    const offer = await h.page.getByTestId('recovery-backup').innerText();
    expect(offer).toContain(backupFile);
    // Dated as the window dates (Dec 7, 2026), with its time.
    expect(offer).toMatch(/The newest backup that passes its integrity check is from [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s[AP]M \(made by you/);
    await h.screenshot('62-recovery-prompt');
  });

  it('Restore brings back the backup’s content exactly and asks the host to relaunch', async () => {
    expect(h.relaunches).toBe(0);
    await h.page.getByTestId('recovery-restore').click();
    await h.page.getByTestId('recovery-restarting').waitFor();
    expect(h.relaunches).toBe(1);
    await h.screenshot('63-recovery-restarting');
    // What the relaunched app will open: the backup's content, table by table, row by row.
    h.backend.close();
    const restored = dump(dbPath);
    expect(restored).toEqual(dump(backupPath));
    expect(restored['portfolios']).toHaveLength(1);
    expect(restored['tags']!.some((r) => (r as string).includes('"KMI"'))).toBe(false);
    expect(restored['tags']!.some((r) => (r as string).includes('"NVDA"'))).toBe(true);
  });
});
