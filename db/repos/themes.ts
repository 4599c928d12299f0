import type { Theme } from '../../shared/domain/types';
import type { Db } from '../connection';

interface ThemeRow {
  id: string;
  pack: string;
  name: string;
  color: string;
  description: string;
  sort_order: number;
  is_default: number;
  parent_id: string | null;
}

export const toTheme = (r: ThemeRow): Theme => ({
  id: r.id,
  pack: r.pack,
  name: r.name,
  color: r.color,
  description: r.description,
  sortOrder: r.sort_order,
  isDefault: r.is_default === 1,
  parentId: r.parent_id,
});

export function listThemes(db: Db): Theme[] {
  return (db.prepare('SELECT * FROM themes ORDER BY sort_order, name').all() as ThemeRow[]).map(toTheme);
}

export function getTheme(db: Db, id: string): Theme | null {
  const row = db.prepare('SELECT * FROM themes WHERE id = ?').get(id) as ThemeRow | undefined;
  return row ? toTheme(row) : null;
}
