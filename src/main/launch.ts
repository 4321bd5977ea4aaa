import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `npm start` does (scripts/start.ts): open the desktop app where Electron is
 * installed, and otherwise say so in one line and serve browser mode. Deciding needs
 * care: `require('electron')` does not merely report a missing binary, it starts
 * downloading one, which on machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD is
 * exactly what must not happen. So the binary is looked for where electron's own
 * index.js would look, without running it.
 */

/** The one line `npm start` prints before falling back to browser mode. */
export const BROWSER_FALLBACK_LINE =
  'Electron is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); serving browser mode instead.';

/** The file-system reads the lookup needs (tests pass fakes). */
export interface Files {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

/** The Electron executable of this checkout, or null when it was never downloaded. */
export function findElectronBinary(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  files: Files = { existsSync, readFileSync },
): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!files.existsSync(pathFile)) return null;
  const executable = files.readFileSync(pathFile, 'utf8').trim();
  if (executable === '') return null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const binary = join(dist, executable);
  return files.existsSync(binary) ? binary : null;
}

/** One step of the start plan: an npm script or a binary from node_modules/.bin. */
export interface Step {
  command: 'npm' | 'npx';
  args: string[];
}

/** What `npm start` runs, in order, and what it says first. */
export interface StartPlan {
  mode: 'desktop' | 'browser';
  notice: string | null;
  steps: Step[];
}

/**
 * The desktop app when Electron is there (building the Electron-ABI sqlite first when
 * it is missing or stale), else browser mode: the same workbench, from `galley serve`.
 */
export function startPlan(electron: string | null, sqliteCurrent: boolean): StartPlan {
  if (electron === null) {
    return {
      mode: 'browser',
      notice: BROWSER_FALLBACK_LINE,
      steps: [{ command: 'npm', args: ['run', 'web'] }],
    };
  }
  return {
    mode: 'desktop',
    notice: null,
    steps: [
      ...(sqliteCurrent ? [] : [{ command: 'npm' as const, args: ['run', 'rebuild:electron'] }]),
      { command: 'npx', args: ['electron-vite', 'preview'] },
    ],
  };
}
