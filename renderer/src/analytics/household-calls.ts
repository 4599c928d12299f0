import type { ClientSummary } from '../../../shared/api/contract';
import type { PortfolioSummary } from '../../../shared/domain/types';
import { portfolioNameKey } from '../../../shared/domain/portfolio-name';
import type { Exposure } from '../../../shared/exposure/model';
import { api } from '../api';
import { keeping, keptOrAsked } from './kept-answers';

/**
 * The Household view's two calls (the clients, then the household's figures), their answers kept
 * like every view's (kept-answers.ts): fetched ahead while the window is idle (prefetch.ts,
 * householdCall), the view is drawn with the click. It had been asked for on every visit, two round
 * trips one after the other: 78-95 ms to switch to at 100,000 positions, the slowest switch
 * after Compare.
 */

/** Positions the view lists (its report lists them all). */
const HOUSEHOLD_LINES = 15;

/** The names the answers are kept under. */
export const CLIENTS_ANSWER = 'clients';
export const householdAnswer = (client: string, base: string): string => `household:${client}:${base}`;

/** The portfolio's client among the clients (names compared as the backend compares them). */
export function clientOf(clients: ClientSummary[] | null | undefined, clientName: string | null): ClientSummary | undefined {
  return clientName ? clients?.find((c) => portfolioNameKey(c.name) === portfolioNameKey(clientName)) : undefined;
}

/**
 * The currency the household is combined in: the portfolios' shared one; when they differ, the
 * one chosen in the view (`chosen`), else the portfolio's own until one is.
 */
export function householdCurrency(client: ClientSummary, chosen: string | null, portfolioCurrency: string): string {
  if (chosen && client.baseCurrencies.includes(chosen)) return chosen;
  return client.baseCurrencies.length === 1 ? (client.baseCurrencies[0] as string) : portfolioCurrency;
}

export function clientsCall(generation: number): () => Promise<ClientSummary[]> {
  return keeping(CLIENTS_ANSWER, generation, () => api().listClients({}));
}

export function householdFiguresCall(client: string, base: string, generation: number): () => Promise<Exposure> {
  return keeping(householdAnswer(client, base), generation, () => api().getClientExposure({ client, baseCurrency: base, positionLimit: HOUSEHOLD_LINES }));
}

/** What the Household view asks for as it opens for `portfolio`: its client, currency and lines (null for a portfolio of no client). */
export async function householdAsk(portfolio: PortfolioSummary, generation: number): Promise<{ client: string; baseCurrency: string; positionLimit: number } | null> {
  if (!portfolio.clientName) return null;
  // The clients kept in this generation if a queue already asked (each view's queue asks), else asked for.
  const clients = await keptOrAsked(CLIENTS_ANSWER, generation, clientsCall(generation));
  const client = clientOf(clients, portfolio.clientName);
  return client ? { client: client.name, baseCurrency: householdCurrency(client, null, portfolio.baseCurrency), positionLimit: HOUSEHOLD_LINES } : null;
}

/** The Household view's figures as it opens for `portfolio` (nothing for a portfolio of no client). */
export function householdCall(portfolio: PortfolioSummary, generation: number): (() => Promise<unknown>) | null {
  if (!portfolio.clientName) return null;
  return async () => {
    const ask = await householdAsk(portfolio, generation);
    return ask ? householdFiguresCall(ask.client, ask.baseCurrency, generation)() : undefined;
  };
}
