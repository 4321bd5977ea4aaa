import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/tempDir.ts';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createAppFileHandler,
  resolveAppFile,
} from './appProtocol.ts';

const tempDir = useTempDir();

function rendererBuild(): string {
  const root = join(tempDir(), 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><script type="module" src="/assets/a.js"></script>',
  );
  writeFileSync(join(root, 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(join(root, '..', 'secret.txt'), 'not for the page');
  return root;
}

describe('the app scheme', () => {
  it('is a standard, secure scheme with a real origin', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_ENTRY_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  });

  it('maps app URLs to files of the build, and routes to index.html', () => {
    const root = '/app/out/renderer';
    expect(resolveAppFile(root, APP_ENTRY_URL)).toBe('/app/out/renderer/index.html');
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/a.js?v=1`)).toBe(
      '/app/out/renderer/assets/a.js',
    );
    expect(resolveAppFile(root, `${APP_ORIGIN}/`)).toBe('/app/out/renderer/index.html');
    expect(resolveAppFile(root, `${APP_ORIGIN}/edition/abc`)).toBe('/app/out/renderer/index.html');
  });

  it.each([
    `${APP_ORIGIN}/../secret.txt`,
    `${APP_ORIGIN}/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/assets%2f..%2f..%2fsecret.txt`,
    `${APP_ORIGIN}/..%5c..%5csecret.txt`,
    `${APP_ORIGIN}/%00.js`,
    `${APP_ORIGIN}/%E0%A4%A.js`,
    'galley-app://other/index.html',
    'galley-app://user@workbench/index.html',
    'file:///etc/passwd',
    'https://workbench/index.html',
    'not a url',
  ])('serves nothing outside the build for %s', (url) => {
    // `/../x` is resolved by the URL parser to `/x`: inside the build, where it is a 404.
    const file = resolveAppFile('/app/out/renderer', url);
    if (file !== null) expect(file).toMatch(/^\/app\/out\/renderer\/[^/]+$/);
    if (!url.startsWith(`${APP_ORIGIN}/`)) expect(file).toBeNull();
  });

  it('answers with the file and the CSP header', async () => {
    const handle = createAppFileHandler(rendererBuild(), () => "default-src 'none'");
    const page = await handle(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<script type="module"');
    const script = await handle(new Request(`${APP_ORIGIN}/assets/a.js`));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request(`${APP_ORIGIN}/assets/missing.js`))).status).toBe(404);
    expect((await handle(new Request(`${APP_ORIGIN}/../secret.txt`))).status).toBe(404);
    expect((await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });
});
