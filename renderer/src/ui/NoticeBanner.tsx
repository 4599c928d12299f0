import type { ReactNode } from 'react';

/**
 * A notice across the window that is not a problem (the seed pack's hint after the first import, the
 * sample household while it is loaded): what it says, and the buttons that act on it.
 */
export function NoticeBanner({ testId, children, actions }: { testId: string; children: ReactNode; actions: { label: string; testId: string; onClick: () => void; primary?: boolean; disabled?: boolean }[] }) {
  return (
    <div className="alert hint-banner" role="status" data-testid={testId}>
      <span>{children}</span>
      {actions.map((a) => (
        <button key={a.testId} type="button" className={a.primary ? 'small primary' : 'small'} onClick={a.onClick} disabled={a.disabled} data-testid={a.testId}>
          {a.label}
        </button>
      ))}
    </div>
  );
}
