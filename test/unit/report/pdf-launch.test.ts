import { describe, expect, it } from 'vitest';
import { launchSandboxedElse, runsAsRoot } from '../../../db/report/pdf';

describe('how the printing Chromium is launched', () => {
  it('knows root by its user id, and that a system without user ids (Windows) has none', () => {
    expect(runsAsRoot({ getuid: () => 0 })).toBe(true);
    expect(runsAsRoot({ getuid: () => 1000 })).toBe(false);
    expect(runsAsRoot({})).toBe(false);
    expect(runsAsRoot()).toBe(process.getuid?.() === 0);
  });

  it('launches with the sandbox when the system allows it, and says nothing', async () => {
    const tried: boolean[] = [];
    const notes: string[] = [];
    const b = await launchSandboxedElse(async (sandbox) => (tried.push(sandbox), 'browser'), (why) => notes.push(why));
    expect([b, tried, notes]).toEqual(['browser', [true], []]);
  });

  it('falls back to no sandbox only when the sandbox is what failed, and says why once', async () => {
    const tried: boolean[] = [];
    const notes: string[] = [];
    const b = await launchSandboxedElse(
      async (sandbox) => {
        tried.push(sandbox);
        if (sandbox) throw new Error('No usable sandbox! Update your kernel or see ... user namespaces');
        return 'browser';
      },
      (why) => notes.push(why),
    );
    expect([b, tried]).toEqual(['browser', [true, false]]);
    expect(notes).toEqual(['this system does not allow Chromium its sandbox (user namespaces)']);
  });

  it('passes any other launch failure on untouched, without a second launch', async () => {
    const tried: boolean[] = [];
    await expect(
      launchSandboxedElse(
        async (sandbox) => {
          tried.push(sandbox);
          throw new Error('Failed to launch: executable not found');
        },
        () => undefined,
      ),
    ).rejects.toThrow('executable not found');
    expect(tried).toEqual([true]);
  });
});
