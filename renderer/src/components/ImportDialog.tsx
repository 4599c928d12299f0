import { useState } from 'react';
import type { PortfolioSummary } from '../../../shared/domain/types';
import { Modal } from './Modal';

export type ImportChoice = { kind: 'existing'; portfolioId: number } | { kind: 'new'; name: string; baseCurrency: string };

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD'];

/** "A name from the file": Portfolio_Positions_Nov-24-2026.csv -> "Portfolio Positions". */
function nameFromFile(fileName: string): string {
  const stem = fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').replace(/\b[A-Z][a-z]{2} \d{1,2} \d{4}\b/, '').trim();
  return stem || 'My portfolio';
}

/** Asks where an import goes: a new portfolio (name, base currency) or a new snapshot of one. */
export function ImportDialog({
  fileName,
  portfolios,
  defaultPortfolioId,
  onCancel,
  onConfirm,
}: {
  fileName: string;
  portfolios: PortfolioSummary[];
  defaultPortfolioId: number | null;
  onCancel: () => void;
  onConfirm: (choice: ImportChoice) => void;
}) {
  const [target, setTarget] = useState<string>(defaultPortfolioId !== null ? String(defaultPortfolioId) : 'new');
  const [name, setName] = useState(nameFromFile(fileName));
  const [currency, setCurrency] = useState('USD');
  const clash = target === 'new' && portfolios.some((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  const valid = target !== 'new' || (name.trim().length > 0 && !clash);
  const submit = () => {
    if (!valid) return;
    onConfirm(target === 'new' ? { kind: 'new', name: name.trim(), baseCurrency: currency } : { kind: 'existing', portfolioId: Number(target) });
  };
  return (
    <Modal title={`Import ${fileName}`} testId="new-portfolio-dialog" onClose={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {portfolios.length > 0 && (
          <label className="field">
            <span>Import into</span>
            <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="import-target">
              {portfolios.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} (new snapshot)
                </option>
              ))}
              <option value="new">New portfolio…</option>
            </select>
          </label>
        )}
        {target === 'new' && (
          <>
            <label className="field">
              <span>Portfolio name</span>
              <input data-testid="new-portfolio-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus />
            </label>
            {clash && <p className="field-error">A portfolio with this name exists; choose it above to add a snapshot.</p>}
            <label className="field">
              <span>Base currency</span>
              <select value={currency} onChange={(e) => setCurrency(e.target.value)} aria-label="Base currency">
                {CURRENCIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="new-portfolio-confirm" disabled={!valid}>
            Import
          </button>
        </div>
      </form>
    </Modal>
  );
}
