import type { PositionChange } from '../../shared/report/document';
import type { Db } from '../connection';

interface HeldPosition {
  account: string;
  symbolKey: string;
  currency: string;
  description: string;
  quantity: number | null;
  cents: number;
}

/** A snapshot's positions summed per account, instrument and currency. */
function heldPositions(db: Db, snapshotId: number): Map<string, HeldPosition> {
  const rows = db
    .prepare(
      `SELECT p.account, p.symbol_key AS symbolKey, p.currency, max(p.description) AS description,
              CASE WHEN count(p.quantity) = 0 THEN NULL ELSE sum(CAST(p.quantity AS REAL)) END AS quantity, sum(p.value_cents) AS cents
       FROM positions p, snapshots s
       WHERE s.id = @sid AND p.id BETWEEN s.first_position_id AND s.last_position_id AND p.snapshot_id = @sid
       GROUP BY p.account, p.symbol_key, p.currency`,
    )
    .all({ sid: snapshotId }) as HeldPosition[];
  return new Map(rows.map((h) => [`${h.account}\u0000${h.symbolKey}\u0000${h.currency}`, h]));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const KIND_ORDER = { added: 0, removed: 1, changed: 2 } as const;

/**
 * Holdings added, removed, or whose quantity changed (value, for holdings without a quantity such
 * as cash) between the previous snapshot and this one. Snapshots never change, so neither does this.
 */
export function positionChanges(db: Db, previousId: number, currentId: number): PositionChange[] {
  const before = heldPositions(db, previousId);
  const after = heldPositions(db, currentId);
  const out: PositionChange[] = [];
  const change = (kind: PositionChange['kind'], b: HeldPosition | undefined, a: HeldPosition | undefined): PositionChange => {
    const h = (a ?? b) as HeldPosition;
    return {
      account: h.account,
      symbolKey: h.symbolKey,
      description: h.description,
      currency: h.currency,
      kind,
      quantityBefore: b?.quantity ?? null,
      quantityAfter: a?.quantity ?? null,
      localValueBefore: b ? b.cents / 100 : null,
      localValueAfter: a ? a.cents / 100 : null,
    };
  };
  for (const [key, a] of after) {
    const b = before.get(key);
    if (!b) out.push(change('added', undefined, a));
    else if (a.quantity !== null || b.quantity !== null ? a.quantity !== b.quantity : a.cents !== b.cents) out.push(change('changed', b, a));
  }
  for (const [key, b] of before) if (!after.has(key)) out.push(change('removed', b, undefined));
  return out.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || cmp(x.account, y.account) || cmp(x.symbolKey, y.symbolKey) || cmp(x.currency, y.currency));
}
