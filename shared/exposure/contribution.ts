/** A theme's share of a position, in cents: value x weight / 10000, rounded half away from zero. */
export function contributionCents(valueCents: number, weightBp: number): number {
  const sign = valueCents < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(valueCents) * weightBp + 5000) / 10000);
}
