import { formatShare } from '../shared/report/format';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { portfolioNameKey } from '../shared/domain/portfolio-name';
import { formatPoints as pts } from '../shared/report/html-extras';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { AppError } from '../shared/api/errors';
import { baseCurrencyArg, portfolioArg, portfolioOrClient } from './portfolio-args';
import type { Exposure } from '../shared/exposure/model';

const USAGE = 'targets (--portfolio NAME | --client NAME) | targets set THEME_ID SHARE [--band P] (--portfolio NAME | --client NAME) | targets remove THEME_ID (--portfolio NAME | --client NAME)';

/** SHARE as 0..1 or a percent ("0.25", "25%"); basis points. */
function parseShare(text: string): number {
  const t = text.trim();
  const m = /^(\d{1,3}(?:\.\d{1,2})?)%$/.exec(t);
  const bp = m ? Math.round(Number(m[1]) * 100) : /^(0(?:\.\d{1,4})?|1(?:\.0{1,4})?)$/.test(t) ? Math.round(Number(t) * 10_000) : NaN;
  if (!(bp >= 0 && bp <= 10_000)) throw new UsageError(`SHARE "${text}" should be between 0 and 1 with at most four decimals (0.25) or a percent with at most two (25%, 12.25%)`);
  return bp;
}

/** --band in percentage points ("5" or "5%"); basis points. */
function parseBand(text: string): number {
  const m = /^(\d{1,3}(?:\.\d{1,2})?)%?$/.exec(text.trim());
  const bp = m ? Math.round(Number(m[1]) * 100) : NaN;
  if (!(bp >= 0 && bp <= 10_000)) throw new UsageError(`--band "${text}" should be percentage points, e.g. --band 5`);
  return bp;
}

/**
 * `targets remove` of a theme that has no target is refused (exit 1): it used to print the targets
 * and exit 0, so a script's misspelt theme looked removed.
 */
function targetToRemove(targets: readonly { themeId: string }[], themeId: string, name: string): void {
  if (targets.some((t) => t.themeId === themeId)) return;
  const have = targets.length > 0 ? `Its targets: ${targets.map((t) => t.themeId).join(', ')}.` : 'It has no targets.';
  throw new AppError('NOT_FOUND', `${name} has no target for "${themeId}": nothing was removed. ${have}`);
}

/** One decimal, and a share that rounds to zero is 0.0%, never -0.0% (shared/report/format.ts). */
const pct = formatShare;


/**
 * `themelens targets`: a target share per theme with a band (the command-line contract in the README), and how far the
 * latest snapshot drifts from it.
 */
export async function targetsCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { portfolio: { type: 'string' }, client: { type: 'string' }, 'base-currency': { type: 'string' }, band: { type: 'string' } });
  if (!values.portfolio && !values.client) throw new UsageError(`targets needs --portfolio NAME or --client NAME: ${USAGE}`);
  const scope = portfolioOrClient(values, 'targets');
  const [verb, themeId, share, ...rest] = positionals;
  const change = verb === 'set' ? 'set' : verb === 'remove' ? 'remove' : null;
  if (verb !== undefined && change === null) throw new UsageError(USAGE);
  if (change === 'set' && (!themeId || !share || rest.length > 0)) throw new UsageError(USAGE);
  if (change === 'remove' && (!themeId || share !== undefined)) throw new UsageError(USAGE);
  const shareBp = change === 'set' ? parseShare(share as string) : 0;
  const bandBp = values.band === undefined ? 500 : parseBand(values.band);
  let name: string;
  let targets: { themeId: string; shareBp: number; bandBp: number }[];
  let exposure: { themes: Exposure['themes'] } | null;
  if ('client' in scope) {
    const client = scope.client;
    const clients = await h.listClients({});
    name = clients.find((c) => portfolioNameKey(c.name) === portfolioNameKey(client))?.name ?? client;
    if (change === 'set') await h.setClientTarget(validateInput('setClientTarget', { client, themeId: themeId as string, shareBp, bandBp }));
    if (change === 'remove') {
      targetToRemove(await h.listClientTargets(validateInput('listClientTargets', { client })), themeId as string, name);
      await h.removeClientTarget(validateInput('removeClientTarget', { client, themeId: themeId as string }));
    }
    targets = await h.listClientTargets(validateInput('listClientTargets', { client }));
    const held = clients.some((c) => c.name === name && c.portfolios.some((p) => p.snapshotCount > 0));
    exposure = held && targets.length > 0 ? await h.getClientExposure(validateInput('getClientExposure', { client, ...baseCurrencyArg(values['base-currency']), positionLimit: 0 })) : null;
  } else {
    const portfolio = await portfolioArg(h, scope.portfolio);
    name = portfolio.name;
    if (change === 'set') await h.setThemeTarget(validateInput('setThemeTarget', { portfolioId: portfolio.id, themeId: themeId as string, shareBp, bandBp }));
    if (change === 'remove') {
      targetToRemove(await h.listThemeTargets({ portfolioId: portfolio.id }), themeId as string, name);
      await h.removeThemeTarget(validateInput('removeThemeTarget', { portfolioId: portfolio.id, themeId: themeId as string }));
    }
    targets = await h.listThemeTargets({ portfolioId: portfolio.id });
    exposure = portfolio.snapshotCount > 0 && targets.length > 0 ? await h.getExposure({ portfolioId: portfolio.id, positionLimit: 0 }) : null;
  }
  if (targets.length === 0) {
    const flag = 'client' in scope ? `--client "${name}"` : `--portfolio "${name}"`;
    io.out(`${name} has no targets. Set one: themelens targets set data-centers 25% --band 5 ${flag}\n`);
    return;
  }
  for (const t of targets) {
    const row = exposure?.themes.find((x) => x.id === t.themeId);
    const target = `${t.themeId}\ttarget ${pct(t.shareBp / 10_000)} ± ${(t.bandBp / 100).toFixed(1)} pts`;
    io.out(row?.target ? `${target}\tnow ${pct(row.share)}\tdrift ${pts(row.target.drift)}${row.target.outside ? '\toutside the band' : ''}\n` : `${target}\n`);
  }
}
