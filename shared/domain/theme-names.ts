import { DEFAULT_PACK, DEFAULT_THEMES } from './default-themes';
import starter from '../suggestions/us-japan-2026.json';
import { JAPANESE_RATIONALES } from '../suggestions/rationales-ja';

/**
 * The names and descriptions in Japanese of the themes the app ships: the three default themes and
 * the sub-themes of the bundled pack (created when a suggestion of one is accepted). A theme's name
 * (or description) left as shipped is shown in the reader's language; one the user wrote is
 * theirs, in any language. The same rule as a report's default title (shared/report/document.ts titleOf).
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
  'dc-operators': { name: 'データセンター事業者・REIT', description: 'データセンターを保有・建設・賃貸する企業。' },
  'dc-power': {
    name: 'データセンター向け電力・送電網',
    description: 'データセンターが使う発電・送電・系統設備。プログラムの最初の案件は、データセンター向けのガス火力発電所です。',
  },
  'dc-cooling-electrical': { name: 'データセンター向け冷却・電気設備', description: 'データセンター内の冷却、配電、開閉装置、配線。' },
  'dc-compute': { name: 'データセンター向け計算基盤・ネットワーク', description: 'データセンターを構成するアクセラレーター、プロセッサー、スイッチ、光接続。' },
  'ol-terminals': { name: '深水原油ターミナル・港湾', description: '輸出用に原油を積み出すターミナルと港湾（プログラムのテキサス沖の深水ターミナルなど）。' },
  'ol-pipelines': { name: '原油パイプライン・貯蔵', description: '原油をメキシコ湾岸まで運び、そこで貯蔵するパイプラインとタンク施設。' },
  'ol-shipping': { name: '原油タンカー・海運', description: '原油を海上輸送するタンカー船主と海運会社。' },
  'ds-producers': {
    name: '人工ダイヤモンドメーカーとその親会社',
    description: '人工（ラボグロウン）ダイヤモンドのメーカー（プログラムのジョージア州工場を運営する予定のエレメント・シックスなど）と、その親会社グループ。',
  },
  'ds-wafers': { name: 'ダイヤモンドウエハー・基板', description: '半導体チップ向けの単結晶・CVD ダイヤモンドのウエハー、基板、ヒートスプレッダー。' },
  'ds-equipment': { name: 'ダイヤモンド装置・材料', description: '半導体製造で使うダイヤモンド工具、研磨材、パッドコンディショナーと、ダイヤモンドを成長させる装置。' },
};

/** The shipped pack's name in Japanese, shown for it (the pack a default theme comes from, a report's sources). */
const JAPANESE_PACK = '日米戦略的投資（2026年）';

/** The pack a name shown in the window stands for: the shipped pack's, for its Japanese name. */
export function packNameOf(shown: string): string {
  return shown === JAPANESE_PACK ? DEFAULT_PACK : shown;
}

/** Each shipped theme's English as shipped: the default themes, and the bundled pack's themes. */
const SHIPPED = new Map([...DEFAULT_THEMES, ...starter.themes].map((t) => [t.id, { name: t.name, description: t.description }] as const));

/** The ids of the themes shipped with the app (the tests check each has its Japanese). */
export const SHIPPED_THEME_IDS: readonly string[] = [...SHIPPED.keys()];

/**
 * `value` with every default theme in it (any object whose `id` is a default theme's and whose
 * `name` is still the shipped one) named in `language`; its description too where it is the shipped
 * one, the shipped pack wherever it is named (`pack`, `packs`), and a `rationale` still as the pack
 * ships it. Objects and arrays are copied
 * only where something changed; English returns `value` itself.
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
  // The shipped pack, named as a theme's pack or among a report's packs.
  if (o['pack'] === DEFAULT_PACK) (out ??= { ...o })['pack'] = JAPANESE_PACK;
  const packs = o['packs'];
  if (Array.isArray(packs) && packs.includes(DEFAULT_PACK)) (out ??= { ...o })['packs'] = packs.map((p) => (p === DEFAULT_PACK ? JAPANESE_PACK : p));
  // A rationale of the shipped pack, as shipped (a suggestion's, a tag's that accepted it).
  const rationale = typeof o['rationale'] === 'string' ? JAPANESE_RATIONALES.get(o['rationale']) : undefined;
  if (rationale) (out ??= { ...o })['rationale'] = rationale;
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
