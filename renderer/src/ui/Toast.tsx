import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A short confirmation or error that goes away by itself. */
export function Toast({ text, kind, onClose }: { text: string; kind: 'ok' | 'error'; onClose: () => void }) {
  const { t } = useTranslation();
  // The timer must not restart whenever the parent re-renders with a new onClose.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const timer = setTimeout(() => close.current(), kind === 'error' ? 10_000 : 5_000);
    return () => clearTimeout(timer);
  }, [text, kind]);
  return (
    <div className={`toast ${kind}`} data-testid="toast" role={kind === 'error' ? 'alert' : 'status'}>
      <span>{text}</span>
      <button type="button" aria-label={t('Dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
