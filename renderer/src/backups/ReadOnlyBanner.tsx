import { useTranslation } from 'react-i18next';

/**
 * Shown for the whole session when the database opened read-only: which file, why, and that
 * nothing can be saved. Editing calls fail with the same message (the backend refuses them).
 */
export function ReadOnlyBanner({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <div className="alert" role="alert" data-testid="read-only-banner">
      <strong>{t('Read-only:')} </strong>
      <span>{message}</span>
    </div>
  );
}
