import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseHoldings } from '../../../shared/import/parse';
import type { ParseOptions, ParsedPosition, ParseResult } from '../../../shared/import/types';

/** Bytes of a fixture under test/fixtures/holdings. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/holdings/${name}`, import.meta.url)));
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Parses a fixture and fails the test when the parse is not ok. */
export function parseOk(name: string | Uint8Array, options?: ParseOptions): Extract<ParseResult, { ok: true }> {
  const r = parseHoldings(typeof name === 'string' ? fixture(name) : name, options);
  if (!r.ok) expect.fail(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

/** Sum of value cents per currency. */
export function totals(positions: readonly ParsedPosition[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of positions) out[p.currency] = (out[p.currency] ?? 0) + p.valueCents;
  return out;
}

export function bySymbolKey(positions: readonly ParsedPosition[], key: string): ParsedPosition {
  const p = positions.find((x) => x.symbolKey === key);
  if (!p) expect.fail(`no position ${key}`);
  return p;
}
