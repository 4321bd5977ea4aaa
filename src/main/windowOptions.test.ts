import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  SECURE_WEB_PREFERENCES,
  checklistViolations,
  createSecureWindow,
  mainWindowOptions,
  secureWebPreferences,
  type BrowserWindowClass,
  type WindowOptions,
} from './windowOptions.ts';

const here = import.meta.dirname;
const sources = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

/** A stand-in BrowserWindow that records what it was made with. */
function recordingWindow(): {
  Window: BrowserWindowClass;
  made: BrowserWindowConstructorOptions[];
} {
  const made: BrowserWindowConstructorOptions[] = [];
  class FakeWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      made.push(options);
    }
  }
  // The factory only calls `new`; the fake has none of BrowserWindow's members.
  return { Window: FakeWindow as unknown as BrowserWindowClass, made };
}

describe('window options', () => {
  it('meet Electron security checklist', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
    expect(checklistViolations(secureWebPreferences('/app/preload.cjs'))).toEqual([]);
  });

  it('cannot be weakened by a caller', () => {
    const weak = secureWebPreferences('/p.cjs', {
      sandbox: false,
      nodeIntegration: true,
      contextIsolation: false,
      webSecurity: false,
      enableBlinkFeatures: 'Nope',
    });
    expect(weak).toMatchObject(SECURE_WEB_PREFERENCES);

    const { Window, made } = recordingWindow();
    const sneaky = { width: 800, webPreferences: { sandbox: false, nodeIntegration: true } };
    createSecureWindow(Window, sneaky satisfies WindowOptions, '/p.cjs');
    expect(made).toHaveLength(1);
    expect(made[0]!.width).toBe(800);
    expect(checklistViolations(made[0]!.webPreferences ?? {})).toEqual([]);
    expect(made[0]!.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('names what a weak configuration gets wrong', () => {
    expect(checklistViolations({ sandbox: false, preload: '/p.cjs' })).toContain(
      'sandbox must be true',
    );
    expect(checklistViolations({ ...SECURE_WEB_PREFERENCES })).toEqual(['a preload is required']);
  });

  it('opens the main window hidden until painted, with remembered bounds', () => {
    const options = mainWindowOptions(
      { x: 10, y: 20, width: 1000, height: 700, maximized: false },
      true,
    );
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
    expect(
      mainWindowOptions({ width: 1000, height: 700, maximized: false }, false),
    ).not.toHaveProperty('x');
  });
});

describe('the shell source', () => {
  it('makes every window through createSecureWindow', () => {
    for (const dir of [here, join(here, '../preload')]) {
      for (const { name, text } of sources(dir)) {
        if (name === 'windowOptions.ts') continue;
        expect(text, `${name} creates a window itself`).not.toMatch(/new\s+BrowserWindow\s*\(/);
        expect(text, `${name} sets web preferences itself`).not.toMatch(/webPreferences\s*:/);
        expect(text, `${name} opens a BrowserView`).not.toMatch(
          /new\s+(BrowserView|WebContentsView)\b/,
        );
      }
    }
  });

  it('never switches a checklist item off', () => {
    const weak =
      /(sandbox|contextIsolation|webSecurity)\s*:\s*false|(nodeIntegration\w*|allowRunningInsecureContent|webviewTag)\s*:\s*true/;
    for (const dir of [here, join(here, '../preload')]) {
      for (const { name, text } of sources(dir)) expect(text, name).not.toMatch(weak);
    }
  });

  it('imports Electron values only in index.ts (everything else is testable in Node)', () => {
    for (const { name, text } of sources(here)) {
      const valueImport = /^import\s+(?!type\b)[^;]*from\s+'electron'/m.test(text);
      expect(valueImport, name).toBe(name === 'index.ts');
    }
  });
});
