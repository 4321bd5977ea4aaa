import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from './appProtocol.ts';
import {
  appLocation,
  decideNavigation,
  decidePermission,
  externalLinkTarget,
  isAppUrl,
} from './guards.ts';
import { guardSession, guardWebContents } from './webGuards.ts';

const app = appLocation(APP_ENTRY_URL);
const dev = appLocation('http://localhost:5173/');

const HOSTILE = [
  'https://evil.example/?next=galley://',
  'https://evil.example/galley-app://workbench/index.html',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'file://workbench/index.html',
  'galley://join?url=ws://x&token=t',
  'galley-app://workbench.evil.example/index.html',
  'galley-app://evil.example/index.html',
  'galley-app://workbench@evil.example/index.html',
  'galley-app://user:pass@workbench/index.html',
  'http://localhost:5173/',
  'http://127.0.0.1:4800/',
  'about:blank',
  '',
];

describe('isAppUrl', () => {
  it('accepts the app’s own pages', () => {
    expect(isAppUrl(APP_ENTRY_URL, app)).toBe(true);
    expect(isAppUrl('galley-app://workbench/edition/abc#section', app)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
  });

  it.each(HOSTILE)('refuses %s', (url) => {
    expect(isAppUrl(url, app)).toBe(false);
  });

  it('refuses the dev server’s neighbours in development', () => {
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
  });
});

describe('externalLinkTarget', () => {
  it('lets https and mailto links out, normalized', () => {
    expect(externalLinkTarget('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(externalLinkTarget('HTTPS://Example.COM')).toBe('https://example.com/');
    expect(externalLinkTarget('mailto:editor@example.com')).toBe('mailto:editor@example.com');
    // A plain https link is fine wherever it points; what matters is that it is https.
    expect(externalLinkTarget('https://evil.example/?next=galley://')).toBe(
      'https://evil.example/?next=galley://',
    );
  });

  it.each([
    'javascript:alert(1)',
    'java\nscript:alert(1)',
    'file:///etc/passwd',
    'galley://join?url=ws://x&token=t',
    'galley-app://workbench/index.html',
    'http://example.com/',
    'ftp://example.com/',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://bank.example@evil.example/',
    'https://user:pass@example.com/',
    'https://',
    'https://exa mple.com/',
    '//example.com/',
    'example.com',
    `https://example.com/${'a'.repeat(9000)}`,
    42,
    null,
  ])('keeps %s inside', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });
});

describe('decideNavigation', () => {
  it('keeps the main frame in the app', () => {
    expect(decideNavigation(APP_ENTRY_URL, true, app)).toEqual({ allow: true, openExternal: null });
    expect(decideNavigation('https://example.com/', true, app)).toEqual({
      allow: false,
      openExternal: 'https://example.com/',
    });
    for (const url of HOSTILE) {
      const decision = decideNavigation(url, true, app);
      expect(decision.allow, url).toBe(false);
      if (decision.openExternal !== null) expect(decision.openExternal).toMatch(/^https:\/\//);
    }
  });

  it('lets a subframe hold only its srcdoc, sending clicked links to the browser', () => {
    expect(decideNavigation('about:srcdoc', false, app).allow).toBe(true);
    expect(decideNavigation(APP_ENTRY_URL, false, app).allow).toBe(false);
    expect(decideNavigation('https://example.com/', false, app)).toEqual({
      allow: false,
      openExternal: 'https://example.com/',
    });
    expect(decideNavigation('javascript:alert(1)', false, app)).toEqual({
      allow: false,
      openExternal: null,
    });
  });
});

describe('permissions', () => {
  it('are denied by default, and to every other page', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid']) {
      expect(decidePermission(permission, APP_ENTRY_URL, app)).toBe(false);
    }
    expect(decidePermission('clipboard-sanitized-write', APP_ENTRY_URL, app)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example/', app)).toBe(false);
    expect(decidePermission('clipboard-read', APP_ENTRY_URL, app)).toBe(false);
  });

  it('are wired into the session for requests and checks', () => {
    let request: ((...args: never[]) => void) | null = null;
    let check: ((...args: never[]) => boolean) | null = null;
    guardSession(
      {
        setPermissionRequestHandler: (handler) => void (request = handler),
        setPermissionCheckHandler: (handler) => void (check = handler),
      },
      app,
    );
    const granted = vi.fn();
    request!(...([null, 'media', granted, { requestingUrl: APP_ENTRY_URL }] as never[]));
    expect(granted).toHaveBeenCalledWith(false);
    expect(
      check!(...([null, 'clipboard-sanitized-write', 'galley-app://workbench'] as never[])),
    ).toBe(true);
  });
});

describe('guardWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: never) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      setWindowOpenHandler: (handler: never) => void (openHandler = handler),
      on: (name: string, listener: (event: never) => void) => {
        listeners.set(name, listener);
        return contents;
      },
    };
    const opened: string[] = [];
    guardWebContents(contents as never, (url) => opened.push(url), app);
    const fire = (name: string, url: string, isMainFrame = true) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() };
      listeners.get(name)!(event as never);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { open: (url: string) => openHandler!({ url }).action, fire, opened };
  }

  it('refuses window.open, opening only parsed https and mailto links outside', () => {
    const page = fakeContents();
    expect(page.open('https://example.com/')).toBe('deny');
    expect(page.open('javascript:alert(1)')).toBe('deny');
    expect(page.open('file:///etc/passwd')).toBe('deny');
    expect(page.open(APP_ENTRY_URL)).toBe('deny');
    expect(page.opened).toEqual(['https://example.com/']);
  });

  it('refuses navigation and redirects away from the app, and every webview', () => {
    const page = fakeContents();
    expect(page.fire('will-frame-navigate', APP_ENTRY_URL)).toBe(false);
    for (const url of HOSTILE) expect(page.fire('will-frame-navigate', url), url).toBe(true);
    expect(page.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(page.fire('will-attach-webview', APP_ENTRY_URL)).toBe(true);
    expect(page.opened.every((url) => url.startsWith('https://'))).toBe(true);
  });
});
