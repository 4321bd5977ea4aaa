import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BROWSER_ENV, findChromium, isExecutableFile, systemBrowserPaths } from './chromium.ts';
import { useTempDir } from './tempDir.ts';

const tempDir = useTempDir();

const none = () => false;

describe('finding a browser for the tests', () => {
  it('takes the path in GALLEY_CHROMIUM first, and says so when it does not exist', async () => {
    const found = await findChromium({ [BROWSER_ENV]: '/opt/my/chrome' }, (path) =>
      ['/opt/my/chrome', '/usr/bin/chromium'].includes(path),
    );
    expect(found).toMatchObject({ executablePath: '/opt/my/chrome', source: 'environment' });
    await expect(findChromium({ [BROWSER_ENV]: '/nowhere/chrome' }, none)).rejects.toThrow(
      /GALLEY_CHROMIUM names \/nowhere\/chrome, which is not a program this user can run/,
    );
  });

  it('then a system Chromium, Chrome or Edge at the standard places', async () => {
    const places = systemBrowserPaths();
    const second = places[1]!;
    const found = await findChromium({}, (path) => path === second);
    expect(found).toMatchObject({ executablePath: second, source: 'system' });
    expect(found.args).toContain('--headless');
  });

  it('passes over a path that is no program (an empty file bind-mounted over the browser)', () => {
    const dir = tempDir();
    const hidden = join(dir, 'chromium');
    writeFileSync(hidden, '', { mode: 0o644 });
    // Windows has no execute bit: there every file passes, and only the rest is checked.
    if (process.platform !== 'win32') expect(isExecutableFile(hidden)).toBe(false);
    chmodSync(hidden, 0o755);
    expect(isExecutableFile(hidden)).toBe(true);
    expect(isExecutableFile(dir)).toBe(false);
    expect(isExecutableFile(join(dir, 'missing'))).toBe(false);
  });

  it('knows the standard places on Linux, macOS and Windows', () => {
    expect(systemBrowserPaths('linux')).toEqual(
      expect.arrayContaining([
        '/usr/bin/chromium',
        '/usr/bin/google-chrome',
        '/usr/bin/microsoft-edge',
      ]),
    );
    expect(systemBrowserPaths('darwin', {}, '/Users/ada')).toEqual(
      expect.arrayContaining([
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ]),
    );
    expect(
      systemBrowserPaths('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\L' }),
    ).toEqual(
      expect.arrayContaining([
        'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
        'C:\\L\\Microsoft\\Edge\\Application\\msedge.exe',
      ]),
    );
  });

  it(
    'falls back to the Chromium inside the npm package, which launches and renders',
    {
      timeout: 60_000,
    },
    async () => {
      if (process.platform !== 'linux') {
        await expect(findChromium({}, none)).rejects.toThrow(/runs on Linux only/);
        return;
      }
      // Nothing on the system: the bundled browser; GALLEY_CHROMIUM=bundled forces it.
      for (const env of [{}, { [BROWSER_ENV]: 'bundled' }]) {
        const found = await findChromium(env, none);
        expect(found.source).toBe('bundled');
        expect(existsSync(found.executablePath)).toBe(true);
        // The page's security stays on, and one closed context must not end the browser.
        expect(found.args).not.toContain('--disable-web-security');
        expect(found.args).not.toContain('--single-process');
        expect(found.args).toContain('--disable-background-networking');
      }
      const found = await findChromium({ [BROWSER_ENV]: 'bundled' }, none);
      const browser = await chromium.launch({
        executablePath: found.executablePath,
        args: found.args,
      });
      try {
        const first = await browser.newContext();
        await first.close();
        const page = await (await browser.newContext()).newPage();
        await page.setContent('<div contenteditable>Issue 42</div>');
        await page.click('div');
        await page.keyboard.press('End');
        await page.keyboard.type(' is out');
        expect(await page.innerText('div')).toBe('Issue 42 is out');
      } finally {
        await browser.close();
      }
    },
  );
});
