import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type BundledChromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/**
 * The environment variable that picks the browser for the tests and benchmarks: a path
 * to a Chromium, Chrome or Edge executable, or `bundled` for the Chromium that ships
 * inside the `@sparticuz/chromium` devDependency.
 */
export const BROWSER_ENV = 'GALLEY_CHROMIUM';

// Set by the global setup (test/helpers/browserSetup.ts) so every test file launches the
// browser found once per run, and the bundled one is unpacked only once.
const RESOLVED_ENV = 'GALLEY_CHROMIUM_RESOLVED';

/** Where a browser came from, as the test output names it. */
export type BrowserSource = 'environment' | 'system' | 'bundled';

/** A browser the tests can drive: its executable and the flags it needs. */
export interface FoundBrowser {
  executablePath: string;
  args: string[];
  source: BrowserSource;
}

// Headless, sandbox off (containers have no user namespaces), and nothing that phones home.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Of the bundled build's own flags (made for serverless functions), these stay off: two
// loosen the page's security, which the tests assert, and a single-process browser dies
// with the first browser context a test closes.
const UNWANTED = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--single-process',
]);

/** The standard install places of Chromium, Chrome and Edge on this platform. */
export function systemBrowserPaths(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    return [
      ...apps.map((app) => `/Applications/${app}`),
      ...apps.map((app) => join(home, 'Applications', app)),
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    const apps = [
      'Chromium\\Application\\chrome.exe',
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return roots.flatMap((root) => apps.map((app) => `${root}\\${app}`));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
  ];
}

/**
 * True for a file this user may run. A browser hidden by a bind mount of an empty file
 * (how a machine without one is simulated) exists but is no program, so it is passed over.
 */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a browser the way a user's machine has one: the path in GALLEY_CHROMIUM, then a
 * system Chromium, Chrome or Edge at the standard places, then the headless Chromium
 * that comes from the npm registry as a devDependency (unpacked on first use).
 */
export async function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = isExecutableFile,
): Promise<FoundBrowser> {
  const resolved = env[RESOLVED_ENV];
  if (resolved) return JSON.parse(resolved) as FoundBrowser;
  const explicit = env[BROWSER_ENV]?.trim();
  if (explicit && explicit !== 'bundled') {
    if (!exists(explicit))
      throw new Error(
        `findChromium: ${BROWSER_ENV} names ${explicit}, which is not a program this user can run. Point it at a Chromium, Chrome or Edge executable, or set it to "bundled".`,
      );
    return { executablePath: explicit, args: ARGS, source: 'environment' };
  }
  if (explicit !== 'bundled') {
    const system = systemBrowserPaths().find((path) => exists(path));
    if (system) return { executablePath: system, args: ARGS, source: 'system' };
  }
  return bundledChromium();
}

async function bundledChromium(): Promise<FoundBrowser> {
  let bundled: typeof BundledChromium;
  try {
    bundled = (await import('@sparticuz/chromium')).default;
  } catch {
    throw new Error(
      `findChromium: no Chromium, Chrome or Edge found and @sparticuz/chromium is not installed. Run npm install, install a browser, or set ${BROWSER_ENV} to a browser's path.`,
    );
  }
  if (process.platform !== 'linux')
    throw new Error(
      `findChromium: no Chromium, Chrome or Edge found at the standard places, and the bundled Chromium runs on Linux only. Install Chrome or Edge, or set ${BROWSER_ENV} to a browser's path.`,
    );
  const executablePath = await bundled.executablePath();
  const own = bundled.args.filter((arg) => !UNWANTED.has(arg));
  // Its own headless mode ('shell') stands; the rest of ours keeps it off the network.
  const ours = ARGS.filter((arg) => arg !== '--headless' && !own.includes(arg));
  return { executablePath, args: [...own, ...ours], source: 'bundled' };
}

/** Keeps the found browser for the test files of this run (called by the global setup). */
export function shareFoundBrowser(found: FoundBrowser): void {
  process.env[RESOLVED_ENV] = JSON.stringify(found);
}

/**
 * Launches the browser every browser test and benchmark uses. A missing browser is a
 * failure with instructions, never a skipped test.
 */
export async function launchChromium(): Promise<Browser> {
  const found = await findChromium();
  return chromium.launch({ executablePath: found.executablePath, args: found.args });
}
