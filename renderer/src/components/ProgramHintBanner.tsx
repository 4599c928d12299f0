/**
 * After the first import: how many holdings the seed pack has suggestions for, and the way to them
 * (the Themes dialog's Suggestions tab, held holdings only). Dismissed for the session with one click.
 */
export function ProgramHintBanner({ text, onReview, onDismiss }: { text: string; onReview: () => void; onDismiss: () => void }) {
  return (
    <div className="alert hint-banner" role="status" data-testid="program-hint">
      <span>{text}</span>
      <button type="button" className="small primary" onClick={onReview} data-testid="program-hint-review">
        Review suggestions
      </button>
      <button type="button" className="small" onClick={onDismiss} data-testid="program-hint-dismiss">
        Dismiss
      </button>
    </div>
  );
}
