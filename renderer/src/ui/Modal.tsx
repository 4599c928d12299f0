import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog: focus moves into it (to its data-autofocus control, else its first), Escape closes it. */
export function Modal({ title, testId, onClose, children, wide = false }: { title: string; testId: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose, without re-running the effect: a parent passing a new function on every
  // render (typing in a field) must not send focus back to the first control.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    // The control marked as the dialog's first choice (data-autofocus: the safe or usual one), else its first.
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current?.querySelector<HTMLElement>('input, select, button');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="modal-backdrop">
      <div className={wide ? 'modal wide' : 'modal'} role="dialog" aria-modal="true" aria-label={title} data-testid={testId} ref={ref}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
