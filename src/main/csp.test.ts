import { describe, expect, it } from 'vitest';
import { buildCsp, cspDirectives } from './csp.ts';

const hub = 'http://127.0.0.1:53100';

describe('the Content-Security-Policy', () => {
  const directives = cspDirectives({ hubHttpUrl: hub });

  it('runs scripts only from the app: no inline script, no eval, no remote code', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['script-src-attr']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    const all = Object.values(directives).flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("'wasm-unsafe-eval'");
    expect(all).not.toContain('*');
  });

  it('connects only to the app and its local hub', () => {
    expect(directives['connect-src']).toEqual(["'self'", hub, 'ws://127.0.0.1:53100']);
    // Wildcards such as ws: or http://127.0.0.1:* would let a page reach any local service.
    for (const source of directives['connect-src']!) expect(source).not.toMatch(/^\w+:$|\*/);
    expect(directives['img-src']).toContain(hub);
  });

  it('adds configured peers and the dev server by origin only', () => {
    const withPeers = cspDirectives({
      hubHttpUrl: `${hub}/ignored/path`,
      peers: ['wss://team.example.com/sync'],
      devServer: 'http://localhost:5173/',
    });
    expect(withPeers['connect-src']).toEqual([
      "'self'",
      hub,
      'ws://127.0.0.1:53100',
      'https://team.example.com',
      'wss://team.example.com',
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
  });

  it('lists every directive once, as a header value', () => {
    const header = buildCsp({ hubHttpUrl: hub });
    expect(header).toMatch(/^default-src 'none'; script-src 'self'; /);
    const names = header.split('; ').map((part) => part.split(' ')[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(header).not.toMatch(/[\r\n]/);
  });
});
