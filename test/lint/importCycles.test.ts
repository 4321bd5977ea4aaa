import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tempDir.ts';
import { findImportCycles } from './importCycles.ts';

const root = join(import.meta.dirname, '../..');
const tempDir = useTempDir();

function patch(file: string, line: string): void {
  writeFileSync(file, `${line}\n${readFileSync(file, 'utf8')}`);
}

describe('no import cycles under src/', () => {
  it('finds none on this tree', () => {
    expect(findImportCycles(join(root, 'src'))).toEqual([]);
  });

  it('names the circle when one is added to a copy of the tree, type-only imports included', () => {
    const copy = tempDir();
    cpSync(join(root, 'src'), copy, { recursive: true });
    // The circle this check was written for: the API handlers knew the session host,
    // which imported the web layer, which calls back into the handlers.
    patch(
      join(copy, 'backend/session/SessionHost.ts'),
      "import { handleApiRequest } from '../web/apiRoute.ts';",
    );
    patch(
      join(copy, 'backend/api/handlers.ts'),
      "import type { SessionHost } from '../session/SessionHost.ts';",
    );
    const cycles = findImportCycles(copy);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toBe(
      'backend/api/handlers.ts -> backend/session/SessionHost.ts -> backend/web/apiRoute.ts -> backend/api/invoke.ts -> backend/api/handlers.ts',
    );
  });

  it('sees re-exports, dynamic imports and a file importing itself', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.ts'), "export * from './b.ts';\n");
    writeFileSync(join(dir, 'b.ts'), "export const load = () => import('./a');\n");
    writeFileSync(join(dir, 'c.ts'), "import { c } from './c.ts';\nexport { c };\n");
    writeFileSync(join(dir, 'd.ts'), "import { load } from './b.ts';\nexport { load };\n");
    expect(findImportCycles(dir).sort()).toEqual(['a.ts -> b.ts -> a.ts', 'c.ts -> c.ts']);
  });
});
