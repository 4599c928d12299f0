import type { PortfolioSummary } from '../shared/domain/types';

/** The portfolio a command names, matched as the app matches names: trimmed, case-insensitively. */
export function portfolioNamed<P extends Pick<PortfolioSummary, 'name'>>(portfolios: readonly P[], name: string): P | undefined {
  const wanted = name.trim().toLowerCase();
  return portfolios.find((p) => p.name.toLowerCase() === wanted);
}
