import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('lint enforces the dependency direction of ARCHITECTURE.md', () => {
  it.each([
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/core/x.ts', "import { app } from 'electron';"],
    ['src/core/x.ts', "import { useState } from 'react';"],
    ['src/core/x.ts', "import Database from 'better-sqlite3';"],
    ['src/core/x.ts', "import { Store } from '../backend/store/Store.ts';"],
    ['src/renderer/x.ts', "import { Store } from '../backend/store/Store.ts';"],
    ['src/renderer/x.tsx', "import { runCli } from '../../backend/cli/runCli.ts';"],
    ['src/renderer/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/backend/x.ts', "import { app } from 'electron';"],
    ['src/backend/x.ts', "import { createRoot } from 'react-dom/client';"],
    ['src/preload/x.ts', "import { invoke } from '../backend/api/invoke.ts';"],
  ])('%s may not say %s', async (file, code) => {
    expect(await layerErrors(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['src/core/x.ts', "import * as Y from 'yjs';"],
    ['src/core/x.ts', "import { $getRoot } from 'lexical';"],
    ['src/backend/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/backend/x.ts', "import { restoreEdition } from '../core/index.ts';"],
    ['src/renderer/x.ts', "import { restoreEdition } from '../core/index.ts';"],
    ['src/preload/x.ts', "import type { ApiMethod } from '../core/index.ts';"],
  ])('%s may say %s', async (file, code) => {
    expect(await layerErrors(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
