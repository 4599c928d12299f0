import { AppError } from '../../shared/api/errors';
import type { Exposure, ExposureBenchmark } from '../../shared/exposure/model';
import type { Db } from '../connection';
import { normaliseSymbolKey } from '../repos/tags';

/** A benchmark fund and its weight in each theme (basis points, as its tags hold them). */
export interface Benchmark extends ExposureBenchmark {
  weights: { themeId: string; weightBp: number }[];
}

/**
 * A fund imported for look-through, as a benchmark: its share in a theme is its theme weight, which
 * look-through derives from its constituents' tags (or the user's own tags on the fund). Anything
 * else is refused: a benchmark with no known constituents would show 0% everywhere, silently.
 */
export function benchmarkOf(db: Db, symbol: string): Benchmark {
  const key = normaliseSymbolKey(symbol);
  const fund = db
    .prepare(
      `SELECT f.fund_key AS symbol, f.as_of AS asOf, f.source_file AS sourceFile, coalesce(sum(h.weight_ppm), 0) / 1000000.0 AS coverage
       FROM funds f LEFT JOIN fund_holdings h ON h.fund_key = f.fund_key WHERE f.fund_key = ? GROUP BY f.fund_key`,
    )
    .get(key) as ExposureBenchmark | undefined;
  if (!fund) {
    throw new AppError('NOT_FOUND', `${symbol} is not a fund imported for look-through, so it cannot be a benchmark. Import its holdings from the issuer first (Funds panel, or themelens fund import ${key} FILE).`);
  }
  const weights = db.prepare('SELECT theme_id AS themeId, weight_bp AS weightBp FROM tags WHERE symbol_key = ? AND weight_bp > 0 ORDER BY theme_id').all(key) as Benchmark['weights'];
  return { ...fund, weights };
}

/**
 * Each theme with the benchmark's share and the active difference. A parent's benchmark share adds
 * its sub-themes' (as a parent's exposure does); active = the portfolio's share - the benchmark's.
 */
export function withBenchmark(themes: Exposure['themes'], benchmark: Pick<Benchmark, 'weights'>): Exposure['themes'] {
  const own = new Map(benchmark.weights.map((w) => [w.themeId, w.weightBp]));
  return themes.map((t) => {
    const bp = (own.get(t.id) ?? 0) + themes.filter((c) => c.parentId === t.id).reduce((sum, c) => sum + (own.get(c.id) ?? 0), 0);
    const share = bp / 10_000;
    return { ...t, benchmark: { share, active: t.share - share } };
  });
}

/** The report's record of the benchmark (without its weights, which are in each theme row). */
export const benchmarkRecord = ({ symbol, asOf, sourceFile, coverage }: Benchmark): ExposureBenchmark => ({ symbol, asOf, sourceFile, coverage });
