import type { ReactNode } from 'react';
import { useReadOnly } from './read-only';

/**
 * Controls that change the database (a theme's name, a rule, a fund's holdings, a review): greyed,
 * all at once, when the database is read-only, with the reason as the tooltip. The backend would
 * refuse each of them; refused where they start, nothing is typed for nothing.
 */
export function EditsFieldset({ children }: { children: ReactNode }) {
  const readOnly = useReadOnly();
  return (
    <fieldset className="edits" disabled={readOnly !== null} title={readOnly?.message}>
      {children}
    </fieldset>
  );
}
