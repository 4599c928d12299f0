import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** Lints planted source as if it were a file at `filePath`, returning the layer-rule messages. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule (docs/ARCHITECTURE.md) fails on a planted violation', () => {
  it.each([
    ['shared/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/planted.ts', "import { openDatabase } from '../db/connection';\nexport const x = openDatabase;\n"],
    ['shared/api/planted.ts', "import React from 'react';\nexport const x = React;\n"],
    ['db/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['db/planted.ts', "import { run } from '../cli/run';\nexport const x = run;\n"],
    ['renderer/src/planted.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['renderer/src/planted.ts', "import { openBackend } from '../../db/service/backend';\nexport const x = openBackend;\n"],
    ['renderer/src/planted.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['cli/planted.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    ['electron/main/planted.ts', "import { App } from '../../renderer/src/App';\nexport const x = App;\n"],
  ])('%s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['db/planted.ts', "import { AppError } from '../shared/api/errors';\nexport const x = AppError;\n"],
    ['cli/planted.ts', "import { openBackend } from '../db/service/backend';\nexport const x = openBackend;\n"],
    ['renderer/src/planted.ts', "import type { Theme } from '../../shared/domain/types';\nexport type X = Theme;\n"],
  ])('allows %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('the renderer never turns a string into markup, except the report preview', () => {
  const htmlErrors = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
  };
  it.each([
    "export const f = (el: HTMLElement, s: string) => { el.innerHTML = s; };\n",
    "export const f = (el: HTMLElement, s: string) => { el.outerHTML = s; };\n",
    "export const f = (el: HTMLElement, s: string) => el.insertAdjacentHTML('beforeend', s);\n",
    'export const f = (s: string) => new DOMParser().parseFromString(s, "text/html");\n',
    'export const f = (s: string) => document.createRange().createContextualFragment(s);\n',
  ])('fails on %s', async (code) => {
    expect(await htmlErrors('renderer/src/planted.ts', code)).toHaveLength(1);
  });
  it('fails on dangerouslySetInnerHTML', async () => {
    expect(await htmlErrors('renderer/src/planted.tsx', 'export const X = ({ s }: { s: string }) => <div dangerouslySetInnerHTML={{ __html: s }} />;\n')).toHaveLength(1);
  });
  it('allows reading innerHTML and setting text', async () => {
    expect(await htmlErrors('renderer/src/planted.ts', 'export const f = (el: HTMLElement, s: string) => { el.textContent = s; return el.innerHTML; };\n')).toEqual([]);
  });
});
