// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import type { BackupInfo, DamagedAtStart } from '../../../shared/api/contract';
import { bridgeError, installBridge, makePortfolio } from './fake-bridge';
import { ERROR_TEXT } from '../../../shared/api/error-text';
import { said } from '../../../shared/text/fill';
import { setLanguage } from '../../../renderer/src/i18n';

afterEach(cleanup);

const READ_ONLY = '/home/ann/.config/ThemeLens/themelens.db is read-only: you can look at your portfolios, but changes cannot be saved. Make the file writable and restart ThemeLens to make changes.';

const BACKUP: BackupInfo = { file: 'themelens-2026-11-28T09-15-00-000Z-import.db', path: '/data/backups/themelens-2026-11-28T09-15-00-000Z-import.db', bytes: 40960, createdAt: '2026-11-28T09:15:00.000Z', reason: 'import' };
const DAMAGED: DamagedAtStart = { movedTo: '/data/corrupt-2026-11-30T00-00-00-000Z.db', backup: BACKUP };

describe('read-only banner', () => {
  it('names the file and why when the database opened read-only', async () => {
    installBridge({ portfolios: [makePortfolio()], status: { readOnly: true, message: READ_ONLY } });
    render(<App />);
    const banner = await screen.findByTestId('read-only-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toBe(`Read-only: ${READ_ONLY}`);
  });

  it("says it in the window's language, from its template, the file's path as it is; a refusal says the same", async () => {
    const path = '/home/ann/.config/ThemeLens/themelens.db';
    installBridge({ portfolios: [makePortfolio()], status: { readOnly: true, message: READ_ONLY, said: said(ERROR_TEXT.readOnlyFile, { path }) } });
    await setLanguage('ja');
    try {
      render(<App />);
      const banner = await screen.findByTestId('read-only-banner');
      await waitFor(() => expect(banner.textContent).toBe(`読み取り専用: ${path} は読み取り専用です。ポートフォリオは閲覧できますが、変更は保存できません。変更するには、ファイルを書き込み可能にして ThemeLens を再起動してください。`));
      fireEvent.click(screen.getByTestId('import-button'));
      expect((await screen.findByTestId('toast')).textContent).toContain(`${path} は読み取り専用です。`);
    } finally {
      await setLanguage('en');
      localStorage.removeItem('themelens.language');
    }
  });

  it('is absent when the database opened normally', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    await waitFor(() => expect(bridge.databaseStatus).toHaveBeenCalled());
    expect(screen.queryByTestId('read-only-banner')).toBeNull();
  });

  it('import says why it cannot run instead of opening the file dialog', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()], status: { readOnly: true, message: READ_ONLY } });
    render(<App />);
    await screen.findByTestId('read-only-banner');
    fireEvent.click(screen.getByTestId('import-button'));
    expect((await screen.findByTestId('toast')).textContent).toContain(READ_ONLY);
    expect(bridge.chooseImportFile).not.toHaveBeenCalled();
  });

  it('a tag edit is refused where it starts, saying why: the editor does not open, no tag is removed', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()], status: { readOnly: true, message: READ_ONLY } });
    render(<App />);
    fireEvent.click(await screen.findByTestId('tag-button-NVDA'));
    expect((await screen.findByTestId('toast')).textContent).toContain(READ_ONLY);
    expect(screen.queryByTestId('tag-weight-input')).toBeNull();
    // From the keyboard too (Enter on a row opens the editor).
    fireEvent.keyDown(screen.getByTestId('position-row-NVDA'), { key: 'Enter' });
    expect(screen.queryByTestId('tag-weight-input')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Data-center infrastructure from NVDA' }));
    await new Promise((wait) => setTimeout(wait, 50));
    expect(bridge.applyTagChanges).not.toHaveBeenCalled();
    expect(screen.getByTestId('tag-button-NVDA').title).toBe(READ_ONLY);
    // Selected for tagging together: the bar's button is greyed, saying why.
    fireEvent.keyDown(screen.getByTestId('position-row-NVDA'), { key: ' ' });
    const apply = (await screen.findByTestId('bulk-apply')) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    expect(apply.title).toBe(READ_ONLY);
    fireEvent.keyDown(screen.getByTestId('bulk-weight'), { key: 'Enter' });
    await new Promise((wait) => setTimeout(wait, 50));
    expect(bridge.applyTagChanges).not.toHaveBeenCalled();
  });

  it('Restore… and Encrypt the database… are refused where they start, saying why: no "Replace everything?", no key made', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()], status: { readOnly: true, message: READ_ONLY } });
    bridge.listBackups.mockResolvedValue([BACKUP]);
    render(<App />);
    await screen.findByTestId('read-only-banner');
    fireEvent.click(screen.getByTestId('backups-button'));
    const restore = await screen.findByTestId('restore-import');
    expect(restore.getAttribute('aria-disabled')).toBe('true');
    expect(restore.title).toBe(READ_ONLY);
    fireEvent.click(restore);
    expect((await screen.findByTestId('toast')).textContent).toContain(READ_ONLY);
    expect(screen.queryByTestId('confirm-restore')).toBeNull();
    const encrypt = await screen.findByTestId('encryption-enable');
    expect(encrypt.getAttribute('aria-disabled')).toBe('true');
    expect(encrypt.title).toBe(READ_ONLY);
    fireEvent.click(encrypt);
    expect(screen.queryByTestId('encryption-confirm')).toBeNull();
    expect(bridge.restoreBackup).not.toHaveBeenCalled();
    expect(bridge.enableEncryption).not.toHaveBeenCalled();
    // Back up now only reads the database: it stays live.
    expect(screen.getByTestId('create-backup').getAttribute('aria-disabled')).toBeNull();
  });

  it('a tag edit the backend refuses (a file that became read-only) fails with its clear message, in the editor', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    const refusal = 'The database cannot be written (the file or its folder is read-only): nothing was saved.';
    bridge.applyTagChanges.mockRejectedValue(bridgeError('IO', refusal));
    render(<App />);
    fireEvent.click(await screen.findByTestId('tag-button-NVDA'));
    fireEvent.change(screen.getByTestId('tag-weight-input'), { target: { value: '10' } });
    fireEvent.keyDown(screen.getByTestId('tag-weight-input'), { key: 'Enter' });
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(refusal));
  });
});

describe('restore prompt after a damaged database was moved aside', () => {
  it('says where the damaged file went and offers the newest verified backup with its date', async () => {
    installBridge({ status: { damaged: DAMAGED } });
    render(<App />);
    const prompt = await screen.findByTestId('recovery-prompt');
    expect(prompt.getAttribute('aria-label')).toBe('Your database was damaged');
    expect(screen.getByTestId('recovery-moved-to').textContent).toBe(DAMAGED.movedTo);
    const offer = screen.getByTestId('recovery-backup').textContent!;
    // Dated as the rest of the window dates (Dec 7, 2026), with its time.
    expect(offer).toContain(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(BACKUP.createdAt)));
    expect(offer).toContain('taken before an import');
    expect(offer).toContain(BACKUP.file);
    // The restore has focus (Enter restores), not Start empty, which came first.
    expect(document.activeElement).toBe(screen.getByTestId('recovery-restore'));
  });

  it('Restore restores that backup, then asks the host to relaunch', async () => {
    const bridge = installBridge({ status: { damaged: DAMAGED } });
    render(<App />);
    fireEvent.click(await screen.findByTestId('recovery-restore'));
    await screen.findByTestId('recovery-restarting');
    expect(bridge.restoreBackup).toHaveBeenCalledWith({ file: BACKUP.file });
    expect(bridge.relaunchApp).toHaveBeenCalledTimes(1);
    expect(bridge.restoreBackup.mock.invocationCallOrder[0]!).toBeLessThan(bridge.relaunchApp.mock.invocationCallOrder[0]!);
    expect((screen.getByTestId('recovery-start-empty') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a failed restore shows why and does not relaunch', async () => {
    const bridge = installBridge({ status: { damaged: DAMAGED } });
    bridge.restoreBackup.mockRejectedValue(bridgeError('IO', 'themelens-2026-11-28T09-15-00-000Z-import.db fails its integrity check; choose another backup. Nothing was changed.'));
    render(<App />);
    fireEvent.click(await screen.findByTestId('recovery-restore'));
    expect((await screen.findByTestId('recovery-error')).textContent).toMatch(/fails its integrity check/);
    expect(bridge.relaunchApp).not.toHaveBeenCalled();
  });

  it('Start empty closes the prompt without restoring', async () => {
    const bridge = installBridge({ status: { damaged: DAMAGED } });
    render(<App />);
    fireEvent.click(await screen.findByTestId('recovery-start-empty'));
    expect(screen.queryByTestId('recovery-prompt')).toBeNull();
    expect(bridge.restoreBackup).not.toHaveBeenCalled();
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
  });

  it('without a verified backup, says so and offers only Start empty', async () => {
    installBridge({ status: { damaged: { movedTo: DAMAGED.movedTo, backup: null } } });
    render(<App />);
    expect((await screen.findByTestId('recovery-backup')).textContent).toBe('There is no verified backup to restore: ThemeLens starts with an empty database.');
    expect(screen.queryByTestId('recovery-restore')).toBeNull();
  });
});
