import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
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

/** `themelens clients`: each client with its portfolios (the backend's listClients groups them). */
export async function clientsCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  parseCommandArgs(args, {});
  const clients = await h.listClients({});
  if (clients.length === 0) {
    io.out('No clients yet. Name one: themelens client set PORTFOLIO CLIENT, or import with --client NAME\n');
    return;
  }
  for (const c of clients) io.out(`${c.name}\t${c.portfolios.map((p) => p.name).join(', ')}\n`);
}
