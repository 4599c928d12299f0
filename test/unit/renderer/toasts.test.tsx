// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Toasts, useToasts, type ToastMessage } from '../../../renderer/src/ui/Toast';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The app's use of the toasts: a button per message to show. */
function Host({ messages }: { messages: ToastMessage[] }) {
  const { shown, show, dismiss } = useToasts();
  return (
    <>
      {messages.map((m, i) => (
        <button key={i} type="button" onClick={() => show(m)}>{`show ${i}`}</button>
      ))}
      <Toasts shown={shown} onDismiss={dismiss} />
    </>
  );
}

describe('toasts', () => {
  it('the same confirmation shown again stays its full time from then, not from the first', () => {
    vi.useFakeTimers();
    render(<Host messages={[{ text: 'Report saved to a.pdf', kind: 'ok' }]} />);
    fireEvent.click(screen.getByText('show 0'));
    act(() => void vi.advanceTimersByTime(3000));
    fireEvent.click(screen.getByText('show 0'));
    // 5 s after the first, 2 s after the second: still there.
    act(() => void vi.advanceTimersByTime(2000));
    expect(screen.getByTestId('toast').textContent).toContain('Report saved to a.pdf');
    act(() => void vi.advanceTimersByTime(3100));
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('a warning and a confirmation each in a layer of its own: the warning under dialogs, the confirmation over them', () => {
    render(<Host messages={[{ text: 'Check these', kind: 'warn', details: ['one'] }, { text: 'Saved', kind: 'ok' }]} />);
    fireEvent.click(screen.getByText('show 0'));
    fireEvent.click(screen.getByText('show 1'));
    const [warning, notice] = screen.getAllByTestId('toast').map((t) => t.parentElement!);
    expect(warning!.className).toBe('toast-slot warning');
    expect(notice!.className).toBe('toast-slot notice');
    expect(warning!.contains(notice!)).toBe(false);
  });

  it('a warning, which stays, takes its room at the bottom of the window: the content ends above it, not under it', () => {
    const space = () => document.documentElement.style.getPropertyValue('--toast-space');
    render(<Host messages={[{ text: 'Check these', kind: 'warn', details: ['one'] }, { text: 'Saved', kind: 'ok' }]} />);
    fireEvent.click(screen.getByText('show 1'));
    expect(space()).toBe(''); // a confirmation goes by itself: it takes no room
    fireEvent.click(screen.getByText('show 0'));
    expect(space()).toMatch(/^\d+px$/);
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0]!);
    expect(space()).toBe('');
  });

  it('closed with Escape or its button from the keyboard, it gives focus back where it came from', () => {
    render(<Host messages={[{ text: 'Check these', kind: 'warn' }, { text: 'Saved', kind: 'ok' }]} />);
    const from = screen.getByText('show 1');
    fireEvent.click(screen.getByText('show 0'));
    fireEvent.click(from);
    for (const [i, close] of [[0, (b: HTMLElement) => fireEvent.keyDown(b, { key: 'Escape' })], [0, (b: HTMLElement) => fireEvent.click(b)]] as const) {
      from.focus();
      const dismiss = screen.getAllByRole('button', { name: 'Dismiss' })[i]!;
      dismiss.focus();
      expect(document.activeElement).toBe(dismiss);
      close(dismiss);
      expect(document.activeElement).toBe(from);
    }
    expect(screen.queryAllByTestId('toast')).toHaveLength(0);
  });

  it('a confirmation does not go away by itself while focus is in it, and goes once focus leaves', () => {
    vi.useFakeTimers();
    render(<Host messages={[{ text: 'Saved', kind: 'ok' }]} />);
    fireEvent.click(screen.getByText('show 0'));
    screen.getByRole('button', { name: 'Dismiss' }).focus();
    act(() => void vi.advanceTimersByTime(20_000));
    expect(screen.getByTestId('toast').textContent).toContain('Saved');
    screen.getByText('show 0').focus();
    act(() => void vi.advanceTimersByTime(1100));
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});
