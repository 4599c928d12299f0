/**
 * The one rule for matching a portfolio's name, wherever a name is looked up (the app, the command
 * line, imports): surrounding spaces ignored, Unicode case folded, composed characters compared as
 * one ("Élodie" and "élodie", typed either way, are the same portfolio).
 */
export function portfolioNameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('und');
}

/** The portfolio in `list` with that name under the rule above, if any. */
export function portfolioNamed<P extends { name: string }>(list: readonly P[], name: string): P | undefined {
  const wanted = portfolioNameKey(name);
  return list.find((p) => portfolioNameKey(p.name) === wanted);
}
