import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is a native addon, built for one ABI. `npm install` builds it for Node
 * (the tests, the CLI, `galley serve`); Electron needs a build for its own ABI. That
 * build lives in its own folder (`npm run rebuild:electron` makes it) and is loaded with
 * better-sqlite3's `nativeBinding` option, so the two never overwrite each other.
 */

/** Where the Electron build goes in a checkout, relative to the project root. */
export const ELECTRON_SQLITE_DIR = 'native/electron';
export const ELECTRON_SQLITE_FILE = 'better_sqlite3.node';
/** Beside the addon: which Electron it was built for, so a stale build is noticed. */
export const ELECTRON_SQLITE_STAMP = 'built-for.json';
/** Where packaging puts it: `resources/native/` (extraResources; never inside app.asar). */
export const PACKAGED_SQLITE_DIR = 'native';

/** Where the running app finds its Electron-ABI build. */
export function electronSqliteBinding(where: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): string {
  return where.isPackaged
    ? join(where.resourcesPath, PACKAGED_SQLITE_DIR, ELECTRON_SQLITE_FILE)
    : join(where.appPath, ELECTRON_SQLITE_DIR, ELECTRON_SQLITE_FILE);
}

/** Why the app cannot open its database without the Electron build, and what to run. */
export function missingBindingMessage(path: string, isPackaged: boolean): string {
  return isPackaged
    ? `This copy of Galley is incomplete: ${path} is missing. Reinstall Galley.`
    : `The Electron build of better-sqlite3 is missing (${path}). Run npm run rebuild:electron, or npm start, which runs it.`;
}

/**
 * Checks a fresh build from how Node fails to load it: an Electron build must not load
 * in Node (Electron's ABI numbers are never Node's), and the error names the ABI it was
 * built for. A build that loads was compiled against Node's headers, which is what a
 * `nodedir` setting in npm's config silently does. Null when the build is Electron's.
 */
export function electronBuildProblem(loadError: string | null, nodeAbi: string): string | null {
  if (loadError === null) {
    return `the build loads in Node (ABI ${nodeAbi}), so it was compiled against Node's headers, not Electron's; unset npm's nodedir and run again`;
  }
  const built = /NODE_MODULE_VERSION (\d+)/.exec(loadError)?.[1];
  if (built === undefined) return `the build cannot be checked: ${loadError.split('\n')[0]}`;
  if (built === nodeAbi) return `the build is for Node's ABI ${nodeAbi}, not Electron's`;
  return null;
}

/** The stamp written beside a build. */
export interface BuildStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

const STAMP_KEYS = ['electron', 'betterSqlite3', 'platform', 'arch'] as const;

/** True when the checkout holds a build for exactly this Electron, module and machine. */
export function isElectronSqliteCurrent(root: string, wanted: BuildStamp): boolean {
  const dir = join(root, ELECTRON_SQLITE_DIR);
  if (!existsSync(join(dir, ELECTRON_SQLITE_FILE))) return false;
  let stamp: unknown;
  try {
    stamp = JSON.parse(readFileSync(join(dir, ELECTRON_SQLITE_STAMP), 'utf8'));
  } catch {
    return false;
  }
  if (typeof stamp !== 'object' || stamp === null) return false;
  const found: Record<string, unknown> = { ...stamp };
  return STAMP_KEYS.every((key) => found[key] === wanted[key]);
}

/** The stamp for this checkout: versions from node_modules, this machine's platform. */
export function currentBuildStamp(root: string): BuildStamp {
  const version = (name: string) => {
    const pkg: unknown = JSON.parse(
      readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'),
    );
    if (typeof pkg !== 'object' || pkg === null || !('version' in pkg)) return 'unknown';
    return String(pkg.version);
  };
  return {
    electron: version('electron'),
    betterSqlite3: version('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  };
}
