/**
 * Call and event names as plain constants, with no validator attached: the sandboxed preload
 * imports this file and must not bundle zod. contract.ts checks that the lists match its schemas.
 */
export const CALL_NAMES = [
  'listPortfolios',
  'createPortfolio',
  'listSnapshots',
  'listImportIssues',
  'previewImport',
  'importHoldings',
  'cancelImport',
  'listThemes',
  'createTheme',
  'updateTheme',
  'deleteTheme',
  'restoreDefaultThemes',
  'reorderThemes',
  'tagHistory',
  'listSuggestions',
  'acceptSuggestions',
  'rejectSuggestions',
  'listRules',
  'createRule',
  'deleteRule',
  'previewRule',
  'applyRules',
  'importFundHoldings',
  'listFunds',
  'exportTags',
  'previewTagImport',
  'importTags',
  'listTags',
  'setTag',
  'removeTag',
  'applyTagChanges',
  'setFxRate',
  'listFxRates',
  'getExposure',
  'exportReport',
  'listBackups',
  'createBackup',
  'restoreBackup',
  'chooseImportFile',
  'chooseExportPath',
] as const;

export const EVENT_NAMES = ['importProgress', 'menuCommand'] as const;

/** IPC channel name of a call or event; one place so main and preload cannot drift. */
export const channelOf = (name: string): string => `themelens:${name}`;
