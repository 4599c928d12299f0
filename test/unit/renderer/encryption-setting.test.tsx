// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { bridgeError, installBridge, makePortfolio } from './fake-bridge';

afterEach(cleanup);

async function openBackups() {
  render(<App />);
  fireEvent.click(await screen.findByTestId('backups-button'));
  return screen.findByTestId('encryption-setting');
}

describe('encryption at rest in the Backups dialog (off by default)', () => {
  it('off and available: asks for confirmation, then turns it on and says the app restarts', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    await openBackups();
    expect((await screen.findByTestId('encryption-state')).textContent).toMatch(/^Off\. Turned on, the database and every backup are encrypted/);
    fireEvent.click(screen.getByTestId('encryption-enable'));
    expect(bridge.enableEncryption).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('encryption-confirm'));
    await screen.findByTestId('encryption-restarting');
    expect(bridge.enableEncryption).toHaveBeenCalledWith({});
  });

  it('without a real key store: says why, and offers no button', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    const reason = 'No secret service (GNOME Keyring or KWallet) is running, so the key could only be protected by a fixed password built into Electron (“basic_text”), which is no protection.';
    bridge.encryptionStatus.mockResolvedValue({ enabled: false, available: false, reason });
    await openBackups();
    expect((await screen.findByTestId('encryption-state')).textContent).toBe(`Off. It cannot be turned on here. ${reason}`);
    expect(screen.queryByTestId('encryption-enable')).toBeNull();
  });

  it('on: says so', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.encryptionStatus.mockResolvedValue({ enabled: true, available: true, reason: null });
    await openBackups();
    expect((await screen.findByTestId('encryption-state')).textContent).toMatch(/^On: the database and its backups are encrypted/);
    expect(screen.queryByTestId('encryption-enable')).toBeNull();
  });

  it('on: "Show key for the command line" asks the host (the key store) and shows the key to copy', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.encryptionStatus.mockResolvedValue({ enabled: true, available: true, reason: null });
    await openBackups();
    expect(screen.queryByTestId('encryption-key-value')).toBeNull();
    expect(bridge.showDatabaseKey).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByTestId('encryption-show-key'));
    expect(((await screen.findByTestId('encryption-key-value')) as HTMLInputElement).value).toBe('ab'.repeat(32));
    expect(bridge.showDatabaseKey).toHaveBeenCalledWith({});
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByTestId('encryption-key-value')).toBeNull();
  });

  it('a refusal from the host is shown as it is', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.enableEncryption.mockRejectedValue(bridgeError('UNSUPPORTED', 'This system offers no key store to keep the database key in.'));
    await openBackups();
    fireEvent.click(await screen.findByTestId('encryption-enable'));
    fireEvent.click(screen.getByTestId('encryption-confirm'));
    await waitFor(() => expect(screen.getByTestId('encryption-error').textContent).toBe('This system offers no key store to keep the database key in.'));
    expect(screen.queryByTestId('encryption-restarting')).toBeNull();
  });
});
