import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowState } from './windowState.ts';

/**
 * Every window's web preferences, from Electron's security checklist: the page runs
 * sandboxed, isolated from the preload, without Node, with web security on. The one
 * factory below is the only place a BrowserWindow is made (a test scans src/main for
 * any other `new BrowserWindow`), so no window can be created with weaker settings.
 */
export const SECURE_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
} satisfies WebPreferences);

/** Window options without web preferences: those are not the caller's to choose. */
export type WindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/** The constructor, passed in so this module needs no Electron at runtime. */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * The web preferences of a window with this preload. Security settings are applied
 * last, so nothing a caller sneaks in (through a spread, say) can weaken them.
 */
export function secureWebPreferences(preload: string, extra: WebPreferences = {}): WebPreferences {
  return { ...extra, preload, ...SECURE_WEB_PREFERENCES };
}

/** The one way to make a window. */
export function createSecureWindow(
  Window: BrowserWindowClass,
  options: WindowOptions,
  preload: string,
): BrowserWindow {
  // A caller could still pass webPreferences through an untyped object; drop them.
  const widened: BrowserWindowConstructorOptions = options;
  const { webPreferences: _ignored, ...rest } = widened;
  return new Window({ ...rest, webPreferences: secureWebPreferences(preload) });
}

/** The workbench window: remembered bounds, a calm minimum size, the theme's background. */
export function mainWindowOptions(state: WindowState, dark: boolean): WindowOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    title: 'Galley',
    // Shown once painted, on the system theme's background: no white flash in dark mode.
    show: false,
    backgroundColor: dark ? '#1c1b1a' : '#fbfaf8',
  };
}

// Every secure preference but spellcheck, which is comfort, not security.
const CHECKLIST_KEYS = [
  'contextIsolation',
  'sandbox',
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'webSecurity',
  'allowRunningInsecureContent',
  'experimentalFeatures',
  'webviewTag',
  'navigateOnDragDrop',
  'safeDialogs',
] as const;

/** Checklist items a window's effective preferences must meet; empty when all are met. */
export function checklistViolations(prefs: WebPreferences): string[] {
  const problems: string[] = [];
  for (const key of CHECKLIST_KEYS) {
    const wanted = SECURE_WEB_PREFERENCES[key];
    if (prefs[key] !== wanted) problems.push(`${key} must be ${String(wanted)}`);
  }
  if (prefs.enableBlinkFeatures) problems.push('enableBlinkFeatures must be unset');
  if (prefs.preload === undefined) problems.push('a preload is required');
  return problems;
}
