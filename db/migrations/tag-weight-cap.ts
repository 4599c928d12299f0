/**
 * The weights of one key never exceed 100%: enforced by the database too, not only in the service.
 * Written once for migration 1, which creates `tags`, and migration 12, which rebuilds it.
 */
export const TAG_WEIGHT_CAP_TRIGGERS = `
    CREATE TRIGGER tags_weight_cap_insert BEFORE INSERT ON tags
    WHEN (SELECT coalesce(sum(weight_bp), 0) FROM tags
          WHERE symbol_key = NEW.symbol_key AND theme_id <> NEW.theme_id) + NEW.weight_bp > 10000
    BEGIN SELECT RAISE(ABORT, 'WEIGHT_OVER_100'); END;

    CREATE TRIGGER tags_weight_cap_update BEFORE UPDATE OF weight_bp, symbol_key ON tags
    WHEN (SELECT coalesce(sum(weight_bp), 0) FROM tags
          WHERE symbol_key = NEW.symbol_key AND theme_id <> NEW.theme_id) + NEW.weight_bp > 10000
    BEGIN SELECT RAISE(ABORT, 'WEIGHT_OVER_100'); END;
`;
