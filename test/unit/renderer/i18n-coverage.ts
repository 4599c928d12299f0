/**
 * Reads the renderer's sources with the TypeScript compiler and lists (1) every text a user would see
 * that is not passed through `t()`, and (2) every key given to `t()`/`msg()`, with its file and line.
 * A text counts as "seen" when it is JSX text with a letter, a literal in a JSX attribute that shows
 * text (title, aria-label, placeholder, label...), or a sentence-like literal elsewhere in the code
 * (a capital, a lower-case word and a space: "Report saved to"). The i18n test fails on (1) and on
 * any key of (2) that a language file lacks.
 */
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Found {
  file: string;
  line: number;
  text: string;
}

// Attributes whose literal value is shown or read aloud.
const TEXT_ATTRIBUTES = new Set([
  'title', 'aria-label', 'aria-roledescription', 'aria-valuetext', 'aria-description', 'placeholder', 'alt', 'label',
  'caption', 'heading', 'text', 'description', 'emptyText', 'empty', 'hint', 'summary', 'confirmLabel', 'cancelLabel',
  'actionLabel', 'subtitle', 'legend', 'name', 'unit',
]);
// Attributes whose literal value is never shown: ids, classes, roles, types, keys.
const CODE_ATTRIBUTES = /^(className|id|htmlFor|key|type|role|href|src|lang|dir|method|rel|target|autoComplete|inputMode|accept|pattern|step|min|max|d|viewBox|fill|stroke|dataKey|nameKey|layout|orientation|kind|variant|size|tone|testId|mode|align|format|scope|colSpan|rowSpan|tabIndex|autoFocus|spellCheck|wrap|aria-(controls|labelledby|describedby|live|haspopup|sort|current|orientation|owns|activedescendant|modal|hidden|selected|expanded|pressed|checked|disabled|busy|atomic|relevant|level|setsize|posinset|multiselectable|readonly|required|invalid|autocomplete)|data-[\w-]+|on[A-Z]\w*)$/;

// Names that stay as they are in every language.
const PROPER_NAMES = /^(ThemeLens|English|日本語|PDF|XLSX|CSV|HTML|JSON|ISIN|CUSIP|SEDOL|FIGI|USD|EUR|JPY|GBP)$/;

const SENTENCE = /[A-Z][a-z]+[^]*\s[a-z]|^[a-z]+ [a-z]+ [a-z]+/;
const TRANSLATORS = new Set(['t', 'msg']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function calleeName(node: ts.CallExpression): string | null {
  const e = node.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return null;
}

/** Whether the node sits where its text is not shown: inside t(), an import, console, a type, a thrown developer error. */
function exempt(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p)) {
      const name = calleeName(p);
      if (name && (TRANSLATORS.has(name) || ['log', 'warn', 'error', 'debug', 'info', 'querySelector', 'querySelectorAll', 'getElementById', 'matchMedia', 'createElement', 'addEventListener', 'removeEventListener', 'getPropertyValue', 'setProperty'].includes(name))) return true;
    }
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isTypeNode(p) || ts.isLiteralTypeNode(p)) return true;
    if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
    if (ts.isCaseClause(p) && p.expression === node) return true;
    if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind)) return true;
    if (ts.isPropertyAssignment(p) && p.name === node) return true;
    if (ts.isJsxAttribute(p)) return CODE_ATTRIBUTES.test(p.name.getText());
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

/** Whether a literal is rendered as an element's child: inside `{...}` between tags, not in an attribute or a call. */
function inJsxChild(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isJsxAttribute(p) || ts.isCallExpression(p) || ts.isArrowFunction(p) || ts.isFunctionExpression(p) || ts.isBinaryExpression(p) && p.operatorToken.kind !== ts.SyntaxKind.BarBarToken && p.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken && p.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) return false;
    if (ts.isJsxExpression(p)) return ts.isJsxElement(p.parent) || ts.isJsxFragment(p.parent);
  }
  return false;
}

export function scanRenderer(root: string): { untranslated: Found[]; keys: Found[]; dynamicKeys: Found[]; contexts: Set<string> } {
  const untranslated: Found[] = [];
  const keys: Found[] = [];
  const dynamicKeys: Found[] = [];
  const contexts = new Set<string>();
  for (const path of sourceFiles(root)) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const file = relative(root, path);
    const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const lines = text.split('\n');
    const ignored = (node: ts.Node) => /i18n-ignore/.test(lines[at(node) - 1] ?? '') || /i18n-ignore/.test(lines[at(node) - 2] ?? '');
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node)) {
        const value = node.text.replace(/\s+/g, ' ').trim();
        if (/[A-Za-z]{2}/.test(value) && !PROPER_NAMES.test(value) && !ignored(node)) untranslated.push({ file, line: at(node), text: value });
      } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
        const name = node.name.getText();
        const value = node.initializer.text;
        if (!CODE_ATTRIBUTES.test(name) && /[A-Za-z]{2}/.test(value) && !PROPER_NAMES.test(value) && (TEXT_ATTRIBUTES.has(name) || SENTENCE.test(value)) && !ignored(node))
          untranslated.push({ file, line: at(node), text: `${name}="${value}"` });
      } else if (ts.isJsxAttribute(node) && node.initializer && ts.isJsxExpression(node.initializer) && node.initializer.expression && TEXT_ATTRIBUTES.has(node.name.getText()) && (ts.isNoSubstitutionTemplateLiteral(node.initializer.expression) || ts.isTemplateExpression(node.initializer.expression) || ts.isStringLiteral(node.initializer.expression))) {
        // title={`Account ${n}`}: a text attribute given a literal in braces is shown all the same.
        const e = node.initializer.expression;
        const value = ts.isTemplateExpression(e) ? [e.head.text, ...e.templateSpans.map((x) => x.literal.text)].join('…') : e.text;
        if (/[A-Za-z]{2}/.test(value) && !PROPER_NAMES.test(value.trim()) && !ignored(node)) untranslated.push({ file, line: at(node), text: `${node.name.getText()}={${value}}` });
      } else if (ts.isPropertyAssignment(node) && node.name.getText() === 'value' && ts.isObjectLiteralExpression(node.parent) && ts.isJsxExpression(node.parent.parent) && ts.isJsxAttribute(node.parent.parent.parent) && TEXT_ATTRIBUTES.has(node.parent.parent.parent.name.getText()) && (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer) || ts.isTemplateExpression(node.initializer))) {
        // label={{ value: 'Account', position: 'insideBottom' }}: a chart axis' title.
        const value = node.initializer.getText().slice(1, -1);
        if (/[A-Za-z]{2}/.test(value) && !ignored(node)) untranslated.push({ file, line: at(node), text: `label value: ${value}` });
        return;
      } else if (ts.isCallExpression(node) && TRANSLATORS.has(calleeName(node) ?? '') && (ts.isIdentifier(node.expression) || ts.isPropertyAccessExpression(node.expression) && node.expression.expression.getText() === 'i18n')) {
        const first = node.arguments[0];
        // t('From', { context: 'source' }) looks up "From_source" first: one English word, two meanings.
        const options = node.arguments[1];
        const context =
          options && ts.isObjectLiteralExpression(options)
            ? options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'context')
            : undefined;
        if (context && ts.isStringLiteral(context.initializer)) contexts.add(context.initializer.text);
        const suffix = context && ts.isStringLiteral(context.initializer) ? `_${context.initializer.text}` : '';
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) keys.push({ file, line: at(node), text: first.text + suffix });
        else if (first && !ignored(node)) dynamicKeys.push({ file, line: at(node), text: first.getText() });
      } else if (ts.isPropertyAssignment(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer) || ts.isTemplateExpression(node.initializer))) {
        // { label: 'Holdings' }: a one-word label in a table of choices is shown too.
        const value = node.initializer.getText().slice(1, -1);
        if (/[A-Za-z]{2}/.test(value) && !ignored(node)) untranslated.push({ file, line: at(node), text: `${node.name.getText()}: ${value}` });
        return; // its literal is reported once, here
      } else if (ts.isBindingElement(node) && node.initializer && ts.isStringLiteral(node.initializer) && TEXT_ATTRIBUTES.has(node.name.getText())) {
        // ({ label = 'Snapshot' }): a default for a prop that is shown.
        if (/[A-Za-z]{2}/.test(node.initializer.text) && !PROPER_NAMES.test(node.initializer.text) && !ignored(node)) untranslated.push({ file, line: at(node), text: `${node.name.getText()} = ${node.initializer.text}` });
        return;
      } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && inJsxChild(node) && !exempt(node)) {
        // {i === 0 ? ' (latest)' : ''}: any literal rendered as a child of an element is shown.
        const value = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…') : node.text;
        if (/[A-Za-z]{2}/.test(value) && !PROPER_NAMES.test(value.trim()) && !ignored(node)) untranslated.push({ file, line: at(node), text: value });
      } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && !ts.isJsxAttribute(node.parent)) {
        const value = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…') : node.text;
        if (SENTENCE.test(value) && !/^[\w.-]+\/[\w./-]*$/.test(value) && !exempt(node) && !ignored(node)) untranslated.push({ file, line: at(node), text: value });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { untranslated, keys, dynamicKeys, contexts };
}

/** The `{{name}}` placeholders of a text, sorted. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string).sort();
}
