import type { Db } from '../connection';
import type { ReportInputs } from './inputs';

class RollBack extends Error {}

/**
 * Runs `fn` with the recorded themes, tags and FX rates in place of today's, inside a transaction
 * (a savepoint when nested) that is always rolled back: the database is never changed.
 */
export function withRecordedInputs<T>(db: Db, inputs: ReportInputs, fn: () => T): T {
  let result: { value: T } | null = null;
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM tags').run();
      db.prepare('DELETE FROM fx_rates').run();
      db.prepare('UPDATE themes SET parent_id = NULL').run();
      db.prepare('DELETE FROM themes').run();
      const theme = db.prepare(
        'INSERT INTO themes (id, pack, name, color, description, sort_order, is_default, parent_id) VALUES (@id, @pack, @name, @color, @description, @sortOrder, @isDefault, NULL)',
      );
      for (const t of inputs.themes) theme.run({ ...t, isDefault: t.isDefault ? 1 : 0 });
      const parent = db.prepare('UPDATE themes SET parent_id = ? WHERE id = ?');
      for (const t of inputs.themes) if (t.parentId) parent.run(t.parentId, t.id);
      const tag = db.prepare(
        'INSERT INTO tags (symbol_key, theme_id, weight_bp, source, rationale, source_url, updated_at) VALUES (@symbolKey, @themeId, @weightBp, @source, @rationale, @sourceUrl, @updatedAt)',
      );
      for (const t of inputs.tags) tag.run(t);
      const fx = db.prepare('INSERT INTO fx_rates (currency, quote, rate, as_of) VALUES (@currency, @quote, @rate, @asOf)');
      for (const r of inputs.fxRates) fx.run({ currency: r.currency, quote: r.quote, rate: r.rate, asOf: r.asOf });
      result = { value: fn() };
      throw new RollBack();
    })();
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  if (result === null) throw new Error('the recorded report was not computed');
  return (result as { value: T }).value;
}
