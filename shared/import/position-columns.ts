import type { ParsedPosition } from './types';

/**
 * A position's stored columns, defined once: each parsed field, the column of `positions` it is
 * stored in (after `id` and `snapshot_id`), and whether it travels as text or as a number between
 * the parsing and the inserting thread. The import's INSERT, the copies of positions (portfolio
 * copies, repricing), the row batch's text fields and the insert's value slots all derive from this
 * list; a new column is added here and in a migration (the batch test checks the round trip).
 */
export const POSITION_FIELDS = [
  { field: 'line', column: 'line', kind: 'number' },
  { field: 'account', column: 'account', kind: 'text' },
  { field: 'symbol', column: 'symbol', kind: 'text' },
  { field: 'symbolKey', column: 'symbol_key', kind: 'text' },
  { field: 'isin', column: 'isin', kind: 'text' },
  { field: 'cusip', column: 'cusip', kind: 'text' },
  { field: 'description', column: 'description', kind: 'text' },
  { field: 'securityType', column: 'security_type', kind: 'text' },
  { field: 'quantity', column: 'quantity', kind: 'text' },
  { field: 'price', column: 'price', kind: 'text' },
  { field: 'valueCents', column: 'value_cents', kind: 'number' },
  { field: 'currency', column: 'currency', kind: 'text' },
  { field: 'isCash', column: 'is_cash', kind: 'number' },
  { field: 'baseValueCents', column: 'base_value_cents', kind: 'number' },
  { field: 'conid', column: 'conid', kind: 'text' },
] as const satisfies readonly { field: keyof ParsedPosition; column: string; kind: 'text' | 'number' }[];

type Fields = typeof POSITION_FIELDS;
export type PositionColumn = Fields[number]['column'];
export type PositionFieldName = Fields[number]['field'];

/** The columns in order: for INSERT and SELECT lists. */
export const POSITION_COLUMNS = POSITION_FIELDS.map((f) => f.column) as PositionColumn[];

/** Each field's slot among a row's bound values (the column order above). */
export const SLOT = Object.fromEntries(POSITION_FIELDS.map((f, i) => [f.field, i])) as Record<PositionFieldName, number>;

/** The fields that travel as text, in column order (the row batch's text slots). */
export const TEXT_FIELDS = POSITION_FIELDS.filter((f) => f.kind === 'text').map((f) => f.field);
/** The fields that travel as numbers, in column order. */
export const NUMBER_FIELDS = POSITION_FIELDS.filter((f) => f.kind === 'number').map((f) => f.field);
