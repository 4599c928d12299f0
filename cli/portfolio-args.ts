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
