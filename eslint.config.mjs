// Lint: typescript-eslint's recommended rules plus the layer rule (docs/ARCHITECTURE.md, "The layers").
// shared -> nothing; db -> shared; cli -> shared, db; electron -> shared, db; renderer -> shared.
import tseslint from 'typescript-eslint';

const NODE = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'better-sqlite3'];
const layer = (folders, message) => folders.map((f) => ({ group: [`**/${f}/**`, `../${f}`, `../../${f}`], message }));

/** Builds a no-restricted-imports rule for one layer. */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
/** Heavy modules every command would pay for at start-up: loaded with `await import()` where a command needs them. */
const ON_DEMAND = { group: ['exceljs', 'playwright-core', '**/report/xlsx', './xlsx'], allowTypeImports: true, message: 'Load it with await import() where it is needed: a static import adds its load time to every command (start-up target).' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'native/**', 'bin/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: [...NODE, 'electron', 'react', 'react-dom', 'recharts'], message: 'shared/ is pure TypeScript: no Node, DOM, React or Electron.' },
      ...layer(['db', 'renderer', 'electron', 'cli'], 'shared/ imports nothing from the other layers.'),
    ]),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'react', 'react-dom', 'recharts'], message: 'db/ never imports electron or UI code, so it runs in tests, the CLI and workers.' },
      ...layer(['renderer', 'electron', 'cli'], 'db/ may import shared/ only.'),
      ON_DEMAND,
    ]),
  },
  {
    // The workbook writer itself is the one module that loads exceljs; it is only ever imported on demand.
    files: ['db/report/xlsx.ts'],
    rules: restrict([
      { group: ['electron', 'react', 'react-dom', 'recharts'], message: 'db/ never imports electron or UI code, so it runs in tests, the CLI and workers.' },
      ...layer(['renderer', 'electron', 'cli'], 'db/ may import shared/ only.'),
    ]),
  },
  {
    files: ['cli/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'react', 'react-dom', 'recharts'], message: 'cli/ runs in plain Node.' },
      ...layer(['renderer', 'electron'], 'cli/ may import shared/ and db/ only.'),
      ON_DEMAND,
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict([
      { group: ['react', 'react-dom', 'recharts'], message: 'electron/ is the shell; UI lives in renderer/.' },
      ...layer(['renderer', 'cli'], 'electron/ may import shared/ and db/ only.'),
    ]),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict([
      { group: [...NODE, 'electron', 'zod'], message: 'renderer/ reaches the backend through window.themelens only (and ships no validator).' },
      ...layer(['db', 'electron', 'cli'], 'renderer/ may import shared/ only.'),
    ]),
  },
  {
    // The renderer never turns strings into markup: React escapes, and the CSP stops inline script.
    // The one exception is the report preview (renderer/src/reports/ReportPreview.tsx), whose HTML
    // comes only from the escaping report renderer; it carries a justified eslint-disable line.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          ['AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]', 'Do not assign HTML; build elements with React.'],
          ['CallExpression[callee.property.name=/^(insertAdjacentHTML|setHTMLUnsafe|parseHTMLUnsafe|createContextualFragment)$/]', 'Do not parse strings into markup; build elements with React.'],
          ["CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]", 'document.write is never needed.'],
          ["NewExpression[callee.name='DOMParser']", 'Do not parse strings into markup; build elements with React.'],
          ["JSXAttribute[name.name='dangerouslySetInnerHTML']", 'Do not set HTML; React escapes text for you.'],
        ].map(([selector, message]) => ({ selector, message })),
      ],
    },
  },
  {
    // CommonJS by necessity: the electron-builder hook and the CLI's bin shim.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
