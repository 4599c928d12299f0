/**
 * The columns of a position row after `id` and `snapshot_id`, in the order the import binds them
 * (db/import/row-batch.ts reads a batch back in this order) and every copy of positions uses.
 * Defined once: a new column is added here, in a migration, and in the batch.
 */
export const POSITION_COLUMNS = [
  'line',
  'account',
  'symbol',
  'symbol_key',
  'isin',
  'cusip',
  'description',
  'security_type',
  'quantity',
  'price',
  'value_cents',
  'currency',
  'is_cash',
  'base_value_cents',
  'conid',
] as const;

export type PositionColumn = (typeof POSITION_COLUMNS)[number];

/** "line, account, ...": for INSERT and SELECT lists. */
export const POSITION_COLUMN_LIST = POSITION_COLUMNS.join(', ');
