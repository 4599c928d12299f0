import type { BackendHandlers } from '../shared/api/contract';
import { AppError } from '../shared/api/errors';
import { portfolioNamed } from '../shared/domain/portfolio-name';
import type { PortfolioSummary } from '../shared/domain/types';
import { UsageError } from './errors';

/** The portfolio a command names (--portfolio NAME), matched as the app matches names; refused when there is none. */
export async function portfolioArg(h: BackendHandlers, name: string): Promise<PortfolioSummary> {
  const portfolio = portfolioNamed(await h.listPortfolios({}), name);
  if (!portfolio) throw new AppError('NOT_FOUND', `There is no portfolio named "${name}". Run "themelens portfolios" to list them.`);
  return portfolio;
}

/** --snapshot ID as a number; undefined when not given. */
export function snapshotArg(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const id = Number(text);
  if (!(Number.isInteger(id) && id > 0)) throw new UsageError(`--snapshot "${text}" is not a snapshot id`);
  return id;
}

/** --portfolio NAME or --client NAME: exactly one. */
export function portfolioOrClient(values: { portfolio?: string | undefined; client?: string | undefined }, command: string): { portfolio: string } | { client: string } {
  if (values.portfolio && values.client) throw new UsageError(`${command} takes --portfolio NAME or --client NAME, not both`);
  if (values.client) return { client: values.client };
  if (values.portfolio) return { portfolio: values.portfolio };
  throw new UsageError(`${command} needs --portfolio NAME or --client NAME`);
}

/** --base-currency for a client's combined figures (upper-cased; checked by the API). */
export const baseCurrencyArg = (text: string | undefined): { baseCurrency?: string } => (text ? { baseCurrency: text.trim().toUpperCase() } : {});
