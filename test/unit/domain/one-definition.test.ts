import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrations';
import { createPortfolio, findPortfolioByName } from '../../../db/repos/portfolios';
import { portfolioNamed } from '../../../shared/domain/portfolio-name';
import { TAG_SOURCES } from '../../../shared/domain/types';

describe('one definition per shape', () => {
  it('a portfolio name matches one way everywhere: trimmed, Unicode case folded, composed', () => {
    const list = [{ name: 'Élodie' }, { name: 'Smith family' }];
    expect(portfolioNamed(list, '  smith FAMILY ')?.name).toBe('Smith family');
    // "élodie" with a decomposed é (e + U+0301), typed on another keyboard.
    expect(portfolioNamed(list, 'e\u0301lodie')?.name).toBe('Élodie');
    const db = openDatabase(':memory:');
    migrate(db);
    createPortfolio(db, { name: 'Élodie', baseCurrency: 'EUR' }, '2026-12-04T00:00:00Z');
    // SQLite's NOCASE folds ASCII only: the repository uses the shared rule instead.
    expect(findPortfolioByName(db, 'ÉLODIE')?.name).toBe('Élodie');
    expect(() => createPortfolio(db, { name: 'élodie', baseCurrency: 'EUR' }, '2026-12-04T00:00:00Z')).toThrow(/already exists/);
    db.close();
  });

  it("the database accepts exactly the tag sources the code names", () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const insert = db.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, source, updated_at) VALUES (?, 'data-centers', 100, ?, '2026-12-04')");
    TAG_SOURCES.forEach((s, i) => insert.run(`S${i}`, s));
    expect(() => insert.run('X', 'guessed')).toThrow(/CHECK/);
    db.close();
  });
});
