/** Shown while the sample household is loaded: what it is, and the one click that removes it. */
export function SampleBanner({ onRemove, busy }: { onRemove: () => void; busy: boolean }) {
  return (
    <div className="alert hint-banner" role="status" data-testid="sample-banner">
      <span>
        <strong>Sample household:</strong> invented holdings in three brokers&apos; files and a fictional ETF, tagged from the pack, to try ThemeLens with.
      </span>
      <button type="button" className="small" onClick={onRemove} disabled={busy} data-testid="remove-sample">
        Remove the sample
      </button>
    </div>
  );
}
