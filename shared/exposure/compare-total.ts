import type { SnapshotComparison, UntaggedChange } from './analytics';

/**
 * A comparison's totals as a row beside its themes and Untagged (the Compare view, the report's
 * attribution): the themes' and Untagged's quantity effects added up, the rest of the change price;
 * tags move no value in or out of the total. In cents, exactly (each quantity effect is whole
 * cents: the backend rounds them), so the row adds up to the total's change to the cent.
 */
export function totalChange(c: Pick<SnapshotComparison, 'from' | 'to' | 'themes' | 'untagged'>): UntaggedChange {
  const quantityCents = [...c.themes, c.untagged].reduce((s, r) => s + Math.round(r.quantityEffect * 100), 0);
  const from = c.from.totalValue;
  const to = c.to.totalValue;
  return {
    fromValue: from,
    toValue: to,
    fromShare: from === 0 ? 0 : 1,
    toShare: to === 0 ? 0 : 1,
    quantityEffect: quantityCents / 100,
    priceEffect: (Math.round(to * 100) - Math.round(from * 100) - quantityCents) / 100,
    tagEffect: 0,
  };
}
