import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/core/export/email/renderEmail.ts';
import { defaultProfile } from '../../src/core/export/shared/profile.ts';
import { quoteBlockEdition } from '../fixtures/export/quoteBlockEdition.ts';
import { useChromium } from '../helpers/useChromium.ts';

/**
 * An email with quote containers of every shape rendered by real Chromium at 600 and
 * 375 px, light and dark. The PNGs go to GALLEY_SHOTS (or test-results/email-quote) for a
 * person to look at; the test checks what a reader relies on: the page never scrolls
 * sideways, every block of a quote sits inside its rule, and dark mode recolours the text.
 */

const OUT =
  process.env.GALLEY_SHOTS ?? join(import.meta.dirname, '..', '..', 'test-results', 'email-quote');
const ORIGIN = 'https://email.galley.test/';
const chromium = useChromium();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

interface Layout {
  page: number;
  view: number;
  outside: string[];
  quoteColor: string;
}

function readLayout(value: unknown): Layout {
  if (
    typeof value === 'object' &&
    value !== null &&
    'page' in value &&
    typeof value.page === 'number' &&
    'view' in value &&
    typeof value.view === 'number' &&
    'outside' in value &&
    Array.isArray(value.outside) &&
    value.outside.every((s) => typeof s === 'string') &&
    'quoteColor' in value &&
    typeof value.quoteColor === 'string'
  )
    return value as Layout;
  throw new Error(`unexpected layout: ${JSON.stringify(value)}`);
}

describe('an email with quote containers in Chromium', () => {
  it.each([
    { width: 600, scheme: 'light' },
    { width: 600, scheme: 'dark' },
    { width: 375, scheme: 'light' },
    { width: 375, scheme: 'dark' },
  ] as const)('$width px, $scheme', async ({ width, scheme }) => {
    const { html } = renderEmail(quoteBlockEdition(), defaultProfile());
    const context = await chromium.browser.newContext({
      viewport: { width, height: 900 },
      colorScheme: scheme,
    });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) =>
        route.request().url() === ORIGIN
          ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
          : route.abort(),
      );
      await page.goto(ORIGIN);
      const layout = readLayout(
        await page.evaluate(`(() => {
          const outside = [];
          for (const cell of document.querySelectorAll('td.gx-quote')) {
            const box = cell.getBoundingClientRect();
            // The rule is the cell's start border: every block starts after it, ends inside.
            for (const block of cell.querySelectorAll('p, h4, ul, pre, img, table')) {
              const r = block.getBoundingClientRect();
              if (r.width === 0) continue;
              if (r.left < box.left + 4 || r.right > box.right + 0.5)
                outside.push(block.tagName + ': ' + (block.textContent || '').slice(0, 30));
            }
          }
          return {
            page: document.documentElement.scrollWidth,
            view: document.documentElement.clientWidth,
            outside,
            quoteColor: getComputedStyle(document.querySelector('td.gx-quote p')).color,
          };
        })()`),
      );
      await page.screenshot({ path: join(OUT, `quote-${width}-${scheme}.png`), fullPage: true });
      expect(layout.page, 'the page scrolls sideways').toBeLessThanOrEqual(layout.view);
      expect(layout.outside).toEqual([]);
      expect(layout.quoteColor).toBe(scheme === 'dark' ? 'rgb(201, 204, 209)' : 'rgb(59, 63, 69)');
    } finally {
      await context.close();
    }
  });
});
