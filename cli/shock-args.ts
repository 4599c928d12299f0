import { UsageError } from './errors';

export interface ShockArg {
  themeId: string;
  shockBp: number;
}

/** "data-centers=-20", "diamond=+10%": a theme and a move in percent, at most two decimals, -100 to +1000. */
function parseShock(text: string): ShockArg & { percentWritten: boolean } {
  const m = /^([^=]+)=([+-]?\d{1,4}(?:\.\d{1,2})?)(%?)$/.exec(text.trim());
  if (!m) throw new UsageError(`--shock "${text}" should be THEME_ID=+/-P, e.g. --shock data-centers=-20`);
  const percent = Number(m[2]);
  if (percent < -100 || percent > 1000) throw new UsageError(`--shock "${text}": a theme can fall at most 100% and rise at most 1000%`);
  return { themeId: (m[1] as string).trim(), shockBp: Math.round(percent * 100), percentWritten: m[3] === '%' };
}

/**
 * A move under 1% written without its "%": --weight takes 0.5 for 50%, so "-0.2" may mean -20%.
 * It is read as the contract says (-0.2%), and said, on stderr, with how to write the other.
 */
function fractionNote(text: string, shock: ShockArg & { percentWritten: boolean }): string | null {
  const percent = shock.shockBp / 100;
  if (shock.percentWritten || percent === 0 || Math.abs(percent) >= 1) return null;
  const meant = Math.round(percent * 100);
  return `--shock ${text.trim()} moves ${shock.themeId} by ${percent > 0 ? '+' : ''}${percent}% (a shock is in percent). For ${meant > 0 ? '+' : ''}${meant}%, write ${shock.themeId}=${meant > 0 ? '+' : ''}${meant}; to keep ${percent}% and not see this, write ${shock.themeId}=${percent > 0 ? '+' : ''}${percent}%.`;
}

/**
 * The --shock options of a command, taken out of its arguments before the others are parsed: a
 * negative shock ("-20") belongs to its --shock, not a new option. A theme shocked twice is refused.
 */
export function takeShocks(args: readonly string[]): { shocks: ShockArg[]; rest: string[]; notes: string[] } {
  const shocks: ShockArg[] = [];
  const rest: string[] = [];
  const notes: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a !== '--shock' && !a.startsWith('--shock=')) {
      rest.push(a);
      continue;
    }
    const v = a === '--shock' ? args[++i] : a.slice(8);
    if (v === undefined) throw new UsageError('--shock needs THEME_ID=+/-P');
    const { percentWritten, ...shock } = parseShock(v);
    if (shocks.some((s) => s.themeId === shock.themeId)) throw new UsageError(`--shock ${shock.themeId} is given twice`);
    shocks.push(shock);
    const note = fractionNote(v, { ...shock, percentWritten });
    if (note) notes.push(note);
  }
  return { shocks, rest, notes };
}

/** Shocked themes must exist: a typo would otherwise shock nothing, silently. */
export function checkShockThemes(shocks: readonly ShockArg[], themes: readonly { id: string }[]): void {
  const unknown = shocks.map((s) => s.themeId).filter((id) => !themes.some((t) => t.id === id));
  if (unknown.length > 0) throw new UsageError(`no theme with id ${unknown.join(', ')}; the ids are: ${themes.map((t) => t.id).join(', ')}`);
}
