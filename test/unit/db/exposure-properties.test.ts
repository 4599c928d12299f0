import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { computeExposure } from '../../../db/exposure/compute';
import { recordPositionGroups } from '../../../db/exposure/position-groups';
import { migrate } from '../../../db/migrations';
import { setFxRate } from '../../../db/repos/fx';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { applyTagChanges } from '../../../db/repos/tags';

const THEMES = ['data-centers', 'oil-logistics', 'diamond-semiconductors'] as const;
const cents = (x: number) => Math.round(x * 100);

const position = fc.record({
  symbol: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
  account: fc.constantFrom('X1', 'Z9'),
  valueCents: fc.integer({ min: -5_000_000, max: 50_000_000 }),
  currency: fc.constantFrom('USD', 'USD', 'EUR', 'JPY'),
  isCash: fc.boolean(),
});
const tag = fc.record({ symbol: fc.constantFrom('A', 'B', 'C', 'D', 'E'), themeId: fc.constantFrom(...THEMES), weightBp: fc.integer({ min: 0, max: 10_000 }) });

describe('exposure properties (real SQLite, SQL aggregation)', () => {
  it('theme values plus untagged equal the total to the cent; each theme is the sum of its contributions', () => {
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 25 }), fc.array(tag, { maxLength: 15 }), fc.boolean(), (positions, tags, eurRate) => {
        const db = openDatabase(':memory:');
        migrate(db);
        db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (1, 'P', 'USD', 'now')").run();
        db.prepare("INSERT INTO snapshots (id, portfolio_id, as_of, source_file, file_sha256, row_count, imported_at) VALUES (1, 1, '2026-11-24', 'f', 'h', 0, 'now')").run();
        const insert = db.prepare('INSERT INTO positions (snapshot_id, account, symbol, symbol_key, value_cents, currency, is_cash) VALUES (1, ?, ?, ?, ?, ?, ?)');
        let first = 0;
        let last = 0;
        positions.forEach((p, i) => {
          last = Number(insert.run(p.account, p.symbol, p.isCash ? `CASH:${p.currency}` : p.symbol, p.valueCents, p.currency, p.isCash ? 1 : 0).lastInsertRowid);
          if (i === 0) first = last;
        });
        const currencies = [...new Set(positions.map((p) => p.currency))].sort().join(',');
        db.prepare('UPDATE snapshots SET first_position_id = ?, last_position_id = ?, currencies = ?, row_count = ? WHERE id = 1').run(first, last, currencies, positions.length);
        recordPositionGroups(db, 1);
        if (eurRate) setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.0845' }, '2026-11-24');
        setFxRate(db, { currency: 'USD', quote: 'JPY', rate: '151.37' }, '2026-11-24');
        for (const t of tags) {
          try {
            applyTagChanges(db, [{ symbolKey: t.symbol, themeId: t.themeId, weightBp: t.weightBp }], 'now');
          } catch {
            // over 100%: refused, as it must be
          }
        }
        const report = computeExposure(db, getPortfolio(db, 1), getSnapshot(db, 1), 'now');
        const themeCents = report.themes.reduce((s, t) => s + cents(t.value), 0);
        expect(themeCents + cents(report.untaggedValue)).toBe(cents(report.totalValue));
        const valued = report.positions.filter((p) => p.value !== null);
        expect(valued.reduce((s, p) => s + cents(p.value as number), 0)).toBe(cents(report.totalValue));
        for (const t of report.themes) {
          const sum = valued.reduce((s, p) => s + cents(p.themes.find((x) => x.id === t.id)?.value ?? 0), 0);
          expect(cents(t.value)).toBe(sum);
          expect(cents(t.longValue) + cents(t.shortValue)).toBe(cents(t.value));
        }
        if (!eurRate && positions.some((p) => p.currency === 'EUR')) expect(report.warnings.map((w) => w.code)).toContain('MISSING_FX');
        db.close();
      }),
      { numRuns: 120 },
    );
  });
});
