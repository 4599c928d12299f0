const BROKERS = ['Fidelity', 'Charles Schwab', 'Vanguard', 'Interactive Brokers', 'E*TRADE', 'DEGIRO', 'SBI and Rakuten Securities', 'any CSV with columns you map'];

/** What a new user sees first: what ThemeLens does and the one thing to do next. */
export function EmptyState({ onImport, onSample, busy }: { onImport: () => void; onSample: () => void; busy: boolean }) {
  return (
    <main className="empty-state" data-testid="empty-state">
      <h1>See how much of your portfolio rides on each theme</h1>
      <p>
        Import the positions file your broker exports, tag holdings with themes such as data-center
        infrastructure or crude-oil logistics, and ThemeLens charts your exposure.
      </p>
      <button type="button" className="primary large" data-testid="import-button" onClick={onImport} disabled={busy} autoFocus>
        Import your first holdings file…
      </button>
      <p>
        <button type="button" className="link-button" data-testid="try-sample" onClick={onSample} disabled={busy}>
          Or try a sample household first
        </button>{' '}
        <span className="muted small">(three brokers' files and an ETF, invented, removed in one click)</span>
      </p>
      <p className="muted">Works with exports from {BROKERS.join(', ')}.</p>
      <p className="muted small">Everything stays on this computer: ThemeLens makes no network requests.</p>
    </main>
  );
}
