import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { portfolioNameKey } from '../shared/domain/portfolio-name';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { portfolioArg } from './portfolio-args';

/** `themelens client set PORTFOLIO CLIENT`: the client (household) a portfolio belongs to. */
export async function clientCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { positionals } = parseCommandArgs(args, {});
  const [verb, portfolioName, client, ...rest] = positionals;
  if (verb !== 'set' || !portfolioName || client === undefined || rest.length > 0) throw new UsageError('client set PORTFOLIO CLIENT (an empty CLIENT "" takes the portfolio out of its client)');
  const portfolio = await portfolioArg(h, portfolioName);
  const clientName = client.trim() === '' ? null : client.trim();
  await h.renamePortfolio(validateInput('renamePortfolio', { id: portfolio.id, name: portfolio.name, clientName }));
  io.out(clientName ? `${portfolio.name} belongs to ${clientName}.\n` : `${portfolio.name} belongs to no client.\n`);
}

/** `themelens clients`: each client with its portfolios (names matched as portfolio names are). */
export async function clientsCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  parseCommandArgs(args, {});
  const groups = new Map<string, { client: string; portfolios: string[] }>();
  for (const p of await h.listPortfolios({})) {
    if (!p.clientName) continue;
    const key = portfolioNameKey(p.clientName);
    const g = groups.get(key) ?? { client: p.clientName, portfolios: [] };
    g.portfolios.push(p.name);
    groups.set(key, g);
  }
  if (groups.size === 0) {
    io.out('No clients yet. Name one: themelens client set PORTFOLIO CLIENT, or import with --client NAME\n');
    return;
  }
  for (const g of [...groups.values()].sort((a, b) => a.client.localeCompare(b.client))) io.out(`${g.client}\t${g.portfolios.join(', ')}\n`);
}
