import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
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

// What the renderer bundle is made from: a change to any of these makes the build stale.
const RENDERER_INPUTS = [
  'src/renderer',
  'src/core',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

/**
 * True when `out/renderer` was built after the last change to its sources, so browser
 * mode can serve it as it is instead of building again (a build empties the folder).
 */
export function isRendererBuildCurrent(root: string): boolean {
  const index = join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return RENDERER_INPUTS.every((input) => newestChange(join(root, input)) <= built);
}

/** What `npm start` runs, in order, and what it says first. */
export interface StartPlan {
  mode: 'desktop' | 'browser';
  notice: string | null;
  steps: Step[];
}

/** What decides the plan besides where Electron is. */
export interface StartContext {
  /** The Electron-ABI sqlite build matches this checkout's Electron. */
  sqliteCurrent: boolean;
  /** `out/renderer` is newer than its sources (browser mode then skips the build). */
  rendererCurrent: boolean;
  /** Arguments after `npm start --`, passed to `galley serve` in browser mode. */
  serveArgs: string[];
}

/**
 * The desktop app when Electron is there (building the Electron-ABI sqlite first when
 * it is missing or stale), else browser mode: the same workbench, from `galley serve`,
 * built first when its sources changed since the last build.
 */
export function startPlan(electron: string | null, context: StartContext): StartPlan {
  if (electron === null) {
    return {
      mode: 'browser',
      notice: BROWSER_FALLBACK_LINE,
      steps: [
        ...(context.rendererCurrent ? [] : [{ command: 'npm' as const, args: ['run', 'build'] }]),
        {
          command: 'npm',
          args: ['run', '--silent', 'galley', '--', 'serve', ...context.serveArgs],
        },
      ],
    };
  }
  const sqliteCurrent = context.sqliteCurrent;
  return {
    mode: 'desktop',
    notice: null,
    steps: [
      ...(sqliteCurrent ? [] : [{ command: 'npm' as const, args: ['run', 'rebuild:electron'] }]),
      { command: 'npx', args: ['electron-vite', 'preview'] },
    ],
  };
}
