import type { Theme } from './types';

/** The pack every fresh database starts with (the projects behind them: shared/suggestions/us-japan-2026.json). */
export const DEFAULT_PACK = 'US-Japan strategic investment, 2026';

/** The three default themes; their ids always exist on a fresh database. */
export const DEFAULT_THEMES: readonly Theme[] = [
  {
    id: 'data-centers',
    pack: DEFAULT_PACK,
    name: 'Data-center infrastructure',
    color: '#2563eb',
    description:
      'Operators, REITs, power and cooling, AI compute and networking that data centers are built from (SoftBank-led initiative).',
    sortOrder: 1,
    isDefault: true,
  },
  {
    id: 'oil-logistics',
    pack: DEFAULT_PACK,
    name: 'Crude-oil logistics',
    color: '#b45309',
    description:
      'Deep-water crude terminals, pipelines, storage and tankers that move crude out of the US Gulf.',
    sortOrder: 2,
    isDefault: true,
  },
  {
    id: 'diamond-semiconductors',
    pack: DEFAULT_PACK,
    name: 'Diamond semiconductors',
    color: '#7c3aed',
    description:
      'Lab-grown (CVD) diamond wafers, substrates and heat spreaders for power, RF and quantum chips.',
    sortOrder: 3,
    isDefault: true,
  },
];

/** Color of the untagged remainder in every chart. */
export const UNTAGGED_COLOR = '#9ca3af';
