import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Result } from '../../src/core/index.ts';
import {
  startServer,
  type RunningServer,
  type ServeOptions,
} from '../../src/backend/web/startServer.ts';

/** The renderer build `npm run build` writes; browser tests serve it like `npm run web`. */
export const RENDERER_DIR = join(import.meta.dirname, '../../out/renderer');

/** Starts browser mode on 127.0.0.1:0 with a database in `dir`: the real backend, hub and renderer. */
export async function startWorkbench(
  dir: string,
  options: Partial<ServeOptions> = {},
): Promise<RunningServer & { openUrl: string }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')))
    throw new Error(
      `startWorkbench: no renderer build in ${RENDERER_DIR}; run npm run build first.`,
    );
  const server = await startServer({
    dbPath: join(dir, 'galley.db'),
    port: 0,
    staticDir: RENDERER_DIR,
    // A hosted session in a test stays on this machine.
    session: { bindHost: '127.0.0.1', advertiseHost: '127.0.0.1' },
    ...options,
  });
  return { ...server, openUrl: `${server.url}/?token=${encodeURIComponent(server.token)}` };
}

/** Unwraps an API result in a test, failing with the backend's words. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A fresh browser profile (its own localStorage) that has picked a name and opened Galley. */
export async function openAs(
  browser: Browser,
  url: string,
  name: string,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  await keepToLoopback(context);
  const page = await context.newPage();
  // Uncaught errors in the page: a test asserts there were none.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Start writing' }).click();
  await page.getByLabel('Edition title').waitFor();
  return { context, page, errors };
}

/** The contenteditable body of the section titled `title`. */
export function sectionBody(page: Page, title: string) {
  return page.getByRole('textbox', { name: `Body of “${title}”` });
}

/**
 * Aborts every request that would leave this machine (the sample's example.com images,
 * links in previews): browser tests talk to 127.0.0.1 only.
 */
export async function keepToLoopback(context: BrowserContext): Promise<void> {
  await context.route(
    (url) =>
      !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
      url.protocol !== 'data:' &&
      url.protocol !== 'blob:',
    (route) => route.abort('blockedbyclient'),
  );
}
