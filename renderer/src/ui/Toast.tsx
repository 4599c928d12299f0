import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What a toast says. `warn`: done, but with things to check (`details`, one line each); it stays until
 * dismissed, since it asks the user to look at something.
 */
export interface ToastMessage {
  text: string;
  kind: 'ok' | 'error' | 'warn';
  details?: string[] | undefined;
  /** The portfolio whose figures a warning is about: it goes when another is chosen, where it read as that one's. */
  portfolioId?: number | undefined;
}

/**
 * A short confirmation or error that goes away by itself; a warning stays. Escape, with focus on it,
 * closes it. Closed from the keyboard, it gives focus back where it came from (not to the page's
 * body), and it does not go away by itself while focus is in it: the user is reading it.
 */
export function Toast({ text, kind, details, onClose }: ToastMessage & { onClose: () => void }) {
  const { t } = useTranslation();
  // The timer must not restart whenever the parent re-renders with a new onClose.
  const close = useRef(onClose);
  close.current = onClose;
  const box = useRef<HTMLDivElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const holdsFocus = () => box.current?.contains(document.activeElement) ?? false;
  useEffect(() => {
    if (kind === 'warn') return;
    let timer: ReturnType<typeof setTimeout>;
    const due = () => {
      if (holdsFocus()) timer = setTimeout(due, 1000);
      else close.current();
    };
    timer = setTimeout(due, kind === 'error' ? 10_000 : 5_000);
    return () => clearTimeout(timer);
  }, [text, kind]);
  const leave = () => {
    const back = holdsFocus() ? cameFrom.current : null;
    close.current();
    if (back?.isConnected) back.focus();
  };
  return (
    <div
      className={`toast ${kind}`}
      data-testid="toast"
      role={kind === 'ok' ? 'status' : 'alert'}
      ref={box}
      onFocus={(e) => {
        // Focus arriving from outside the toast: where to give it back.
        if (!(e.relatedTarget instanceof Node && box.current?.contains(e.relatedTarget))) cameFrom.current = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null;
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        leave();
      }}
    >
      <div>
        <span>{text}</span>
        {details && details.length > 0 && (
          <ul className="toast-details" data-testid="toast-details">
            {details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" aria-label={t('Dismiss')} onClick={leave}>
        ×
      </button>
    </div>
  );
}

/** The toasts on screen: a warning, which stays until dismissed, and the latest confirmation or error. */
export interface ShownToasts {
  warning: ShownToast | null;
  notice: ShownToast | null;
}

/** A message as shown; `id` is new each time, so the same text shown again starts its own timer. */
export type ShownToast = ToastMessage & { id: number };

/**
 * Two places, so neither message loses the other: a confirmation that comes while a warning is
 * shown (a report saved after an import with checks) appears above it, and a new warning replaces
 * the old one.
 */
export function useToasts(): { shown: ShownToasts; show: (message: ToastMessage) => void; dismiss: (which: keyof ShownToasts) => void } {
  const [shown, setShown] = useState<ShownToasts>({ warning: null, notice: null });
  const next = useRef(0);
  const show = useCallback((message: ToastMessage) => {
    const toast = { ...message, id: ++next.current };
    setShown((s) => (message.kind === 'warn' ? { ...s, warning: toast } : { ...s, notice: toast }));
  }, []);
  const dismiss = useCallback((which: keyof ShownToasts) => setShown((s) => ({ ...s, [which]: null })), []);
  return { shown, show, dismiss };
}

/** A warning about another portfolio than the one on screen goes (the import's checks stay with its snapshot). */
export function useWarningFollowsPortfolio(shown: ShownToasts, portfolioId: number | null, dismiss: (which: keyof ShownToasts) => void): void {
  const about = shown.warning?.portfolioId;
  useEffect(() => {
    if (about !== undefined && about !== portfolioId) dismiss('warning');
  }, [about, portfolioId, dismiss]);
}

/** Space between the warning and a notice above it, and below the warning (px). */
const GAP = 8;
const BOTTOM = 16;
/** The space a warning takes at the bottom of the window (styles.css, .app). */
const TOAST_SPACE = '--toast-space';

/**
 * Where the toasts sit, each in a layer of its own: the warning under dialogs (their backdrop's
 * z-index is 10), so a dialog opened later is not covered; a notice, brief, over them, lifted above
 * the warning by the warning's height.
 */
export function Toasts({ shown, onDismiss }: { shown: ShownToasts; onDismiss: (which: keyof ShownToasts) => void }) {
  const warningSlot = useRef<HTMLDivElement>(null);
  const [warningHeight, setWarningHeight] = useState(0);
  useLayoutEffect(() => {
    const el = warningSlot.current;
    if (!el) return setWarningHeight(0);
    const measure = () => {
      setWarningHeight(el.offsetHeight);
      // A warning stays until dismissed: the window's content ends above it (.app's padding), where it
      // covered the exposure table's Untagged and Total rows.
      document.documentElement.style.setProperty(TOAST_SPACE, `${el.offsetHeight + BOTTOM + GAP}px`);
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    // The warning gone (or replaced, measured again at once), its room goes with it.
    return () => {
      observer?.disconnect();
      document.documentElement.style.removeProperty(TOAST_SPACE);
    };
  }, [shown.warning]);
  return (
    <>
      {shown.warning && (
        <div className="toast-slot warning" ref={warningSlot}>
          <Toast key={shown.warning.id} {...shown.warning} onClose={() => onDismiss('warning')} />
        </div>
      )}
      {shown.notice && (
        <div className="toast-slot notice" style={{ bottom: BOTTOM + (shown.warning ? warningHeight + GAP : 0) }}>
          <Toast key={shown.notice.id} {...shown.notice} onClose={() => onDismiss('notice')} />
        </div>
      )}
    </>
  );
}
