import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { portfolioArg } from './portfolio-args';

const USAGE = 'targets --portfolio NAME | targets set THEME_ID SHARE [--band P] --portfolio NAME | targets remove THEME_ID --portfolio NAME';

/** SHARE as 0..1 or a percent ("0.25", "25%"); basis points. */
function parseShare(text: string): number {
  const t = text.trim();
  const m = /^(\d{1,3}(?:\.\d{1,2})?)%$/.exec(t);
  const bp = m ? Math.round(Number(m[1]) * 100) : /^(0(?:\.\d{1,4})?|1(?:\.0{1,4})?)$/.test(t) ? Math.round(Number(t) * 10_000) : NaN;
  if (!(bp >= 0 && bp <= 10_000)) throw new UsageError(`SHARE "${text}" should be between 0 and 1 (0.25) or a percent (25%)`);
  return bp;
}

/** --band in percentage points ("5" or "5%"); basis points. */
function parseBand(text: string): number {
  const m = /^(\d{1,3}(?:\.\d{1,2})?)%?$/.exec(text.trim());
  const bp = m ? Math.round(Number(m[1]) * 100) : NaN;
  if (!(bp >= 0 && bp <= 10_000)) throw new UsageError(`--band "${text}" should be percentage points, e.g. --band 5`);
  return bp;
}

const pct = (f: number) => `${(f * 100).toFixed(1)}%`;
const pts = (f: number) => `${f >= 0 ? '+' : ''}${(f * 100).toFixed(1)} pts`;

/**
 * `themelens targets`: a target share per theme with a band (DESIGN.md section 6), and how far the
 * latest snapshot drifts from it.
 */
export async function targetsCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { portfolio: { type: 'string' }, band: { type: 'string' } });
  if (!values.portfolio) throw new UsageError(`targets needs --portfolio NAME: ${USAGE}`);
  const portfolio = await portfolioArg(h, values.portfolio);
  const [verb, themeId, share, ...rest] = positionals;
  if (verb === 'set') {
    if (!themeId || !share || rest.length > 0) throw new UsageError(USAGE);
    await h.setThemeTarget(validateInput('setThemeTarget', { portfolioId: portfolio.id, themeId, shareBp: parseShare(share), bandBp: values.band === undefined ? 500 : parseBand(values.band) }));
  } else if (verb === 'remove') {
    if (!themeId || share !== undefined) throw new UsageError(USAGE);
    await h.removeThemeTarget(validateInput('removeThemeTarget', { portfolioId: portfolio.id, themeId }));
  } else if (verb !== undefined) throw new UsageError(USAGE);
  const targets = await h.listThemeTargets({ portfolioId: portfolio.id });
  if (targets.length === 0) {
    io.out(`${portfolio.name} has no targets. Set one: themelens targets set data-centers 25% --band 5 --portfolio "${portfolio.name}"\n`);
    return;
  }
  const exposure = portfolio.snapshotCount > 0 ? await h.getExposure({ portfolioId: portfolio.id, positionLimit: 0 }) : null;
  for (const t of targets) {
    const row = exposure?.themes.find((x) => x.id === t.themeId);
    const target = `${t.themeId}\ttarget ${pct(t.shareBp / 10_000)} ± ${(t.bandBp / 100).toFixed(1)} pts`;
    io.out(row?.target ? `${target}\tnow ${pct(row.share)}\tdrift ${pts(row.target.drift)}${row.target.outside ? '\toutside the band' : ''}\n` : `${target}\n`);
  }
}
