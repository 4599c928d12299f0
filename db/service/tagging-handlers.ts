import type { BackendHandlers } from '../../shared/api/contract';
import * as lookThrough from '../repos/look-through';
import * as rules from '../repos/rules';
import * as suggestions from '../repos/suggestions';
import * as packs from '../repos/packs';
import { tagHistory } from '../repos/tag-history';
import * as tags from '../repos/tags';
import * as themeEdits from '../repos/theme-edits';
import { listThemes } from '../repos/themes';
import { writeOutput } from '../report/write-output';
import { exportTags, importTags, previewTagImport } from '../tags/tag-file';
import type { HandlerContext } from './handler-context';

/** Themes, tags and what makes tags: rules, suggestions, fund look-through and tag files. */
export function taggingHandlers({ db, now, withLookThrough }: HandlerContext) {
  return {
    listThemes: () => listThemes(db),
    createTheme: (input) => themeEdits.createTheme(db, input),
    updateTheme: (input) => themeEdits.updateTheme(db, input),
    deleteTheme: (input) => withLookThrough(() => themeEdits.deleteTheme(db, input.id, now())),
    restoreDefaultThemes: () => themeEdits.restoreDefaultThemes(db),
    reorderThemes: (input) => themeEdits.reorderThemes(db, input.ids),
    listTags: () => tags.listTags(db),
    setTag: (input) => withLookThrough(() => tags.setTag(db, input, now())),
    removeTag: (input) => withLookThrough(() => tags.removeTag(db, input, now())),
    applyTagChanges: (input) => withLookThrough(() => tags.applyTagChanges(db, input.changes, now())),
    tagHistory: (input) => tagHistory(db, input),
    listSuggestions: (input) => suggestions.listSuggestions(db, input.onlyHeld),
    importPack: (input) => packs.importPack(db, input.path, input.dryRun),
    showPack: () => {
      const p = packs.activePack(db);
      return { name: p.name, version: p.version, asOf: p.asOf, suggestions: p.suggestions.length };
    },
    acceptSuggestions: (input) => withLookThrough(() => ({ accepted: suggestions.acceptSuggestions(db, input.items, now()) })),
    rejectSuggestions: (input) => ({ rejected: suggestions.rejectSuggestions(db, input.items, now()) }),
    listRules: () => rules.listRules(db),
    createRule: (input) => rules.createRule(db, input, now()),
    deleteRule: (input) => {
      rules.deleteRule(db, input.id);
      return { deleted: 1 };
    },
    previewRule: (input) => rules.previewRule(db, input),
    applyRules: () => withLookThrough(() => rules.applyRules(db, now())),
    importFundHoldings: (input) => lookThrough.importFundHoldings(db, input, now()),
    listFunds: () => lookThrough.listFunds(db),
    exportTags: (input) => ({ path: input.path, bytes: writeOutput(db, input.path, exportTags(db, input.format), input.replace) }),
    previewTagImport: (input) => previewTagImport(db, input.path),
    importTags: (input) => withLookThrough(() => importTags(db, input.path, now())),
  } satisfies Pick<
    BackendHandlers,
    | 'listThemes'
    | 'createTheme'
    | 'updateTheme'
    | 'deleteTheme'
    | 'restoreDefaultThemes'
    | 'reorderThemes'
    | 'listTags'
    | 'setTag'
    | 'removeTag'
    | 'applyTagChanges'
    | 'tagHistory'
    | 'listSuggestions'
    | 'importPack'
    | 'showPack'
    | 'acceptSuggestions'
    | 'rejectSuggestions'
    | 'listRules'
    | 'createRule'
    | 'deleteRule'
    | 'previewRule'
    | 'applyRules'
    | 'importFundHoldings'
    | 'listFunds'
    | 'exportTags'
    | 'previewTagImport'
    | 'importTags'
  >;
}
