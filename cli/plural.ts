/**
 * A count and its noun, singular or plural as the count needs: "1 position", "2 positions",
 * "0 portfolios". `plural` is for the words an "s" does not make ("1 position keeps its",
 * "2 positions keep their"). The command line's lines say counts this way, never "position(s)".
 */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
