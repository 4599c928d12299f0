import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What a toast says. `warn`: done, but with things to check (`details`, one line each); it stays until
 * dismissed, since it asks the user to look at something.
 */
export interface ToastMessage {
  text: string;
  kind: 'ok' | 'error' | 'warn';
  details?: string[] | undefined;
}

/** A short confirmation or error that goes away by itself; a warning stays. */
export function Toast({ text, kind, details, onClose }: ToastMessage & { onClose: () => void }) {
  const { t } = useTranslation();
  // The timer must not restart whenever the parent re-renders with a new onClose.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (kind === 'warn') return;
    const timer = setTimeout(() => close.current(), kind === 'error' ? 10_000 : 5_000);
    return () => clearTimeout(timer);
  }, [text, kind]);
  return (
    <div className={`toast ${kind}`} data-testid="toast" role={kind === 'ok' ? 'status' : 'alert'}>
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
      <button type="button" aria-label={t('Dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
