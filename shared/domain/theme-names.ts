import { DEFAULT_THEMES } from './default-themes';

/**
 * The default themes' names and descriptions in Japanese. A default theme's name (or description)
 * left as shipped is shown in the reader's language; one the user wrote is theirs, in any language.
 * The same rule as a report's default title (shared/report/document.ts titleOf).
 */
const JAPANESE: Readonly<Record<string, { name: string; description: string }>> = {
  'data-centers': {
    name: 'データセンター・インフラ',
    description: 'データセンターを構成する事業者・REIT、電力と冷却、AI 計算基盤とネットワーク（ソフトバンク主導の案件）。',
  },
  'oil-logistics': {
    name: '原油物流',
    description: '米メキシコ湾岸から原油を運び出す深水原油ターミナル、パイプライン、貯蔵施設、タンカー。',
  },
  'diamond-semiconductors': {
    name: 'ダイヤモンド半導体',
    description: 'パワー・高周波・量子チップ向けの人工（CVD）ダイヤモンドのウエハー、基板、ヒートスプレッダー。',
  },
};

const SHIPPED = new Map(DEFAULT_THEMES.map((t) => [t.id, t]));

/**
 * `value` with every default theme in it (any object whose `id` is a default theme's and whose
 * `name` is still the shipped one) named in `language`; its description too where it is the shipped
 * one. Objects and arrays are copied only where something changed; English returns `value` itself.
 */
export function withThemeNamesIn<T>(value: T, language: string): T {
  if (language !== 'ja') return value;
  return localize(value) as T;
}

function localize(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = localize(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const o = value as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(o)) {
    const v = localize(o[key]);
    if (v !== o[key]) (out ??= { ...o })[key] = v;
  }
  const id = o['id'];
  const shipped = typeof id === 'string' ? SHIPPED.get(id) : undefined;
  const ja = typeof id === 'string' ? JAPANESE[id] : undefined;
  if (shipped && ja && o['name'] === shipped.name) {
    out ??= { ...o };
    out['name'] = ja.name;
    if (o['description'] === shipped.description) out['description'] = ja.description;
  }
  return out ?? value;
}
