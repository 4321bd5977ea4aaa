import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/core/export/email/renderEmail.ts';
import { tableEdition } from '../fixtures/export/tableEdition.ts';
import { sampleProfile } from '../fixtures/export/profiles.ts';
import { useChromium } from '../helpers/useChromium.ts';

/**
 * An email with two tables rendered by real Chromium at 600 px and 375 px, light and dark,
 * saved as PNGs (GALLEY_SHOTS, default test-results/email-tables/) for a person to look at.
 * The tables shrink and wrap: nothing may scroll sideways, and in dark mode the header
 * cells take the dark code background.
 */

const OUT =
  process.env.GALLEY_SHOTS ?? join(import.meta.dirname, '..', '..', 'test-results', 'email-tables');
const ORIGIN = 'https://email.galley.test/';

const chromium = useChromium();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

const views = [
  { width: 600, scheme: 'light' },
  { width: 600, scheme: 'dark' },
  { width: 375, scheme: 'light' },
  { width: 375, scheme: 'dark' },
] as const;

function readLayout(value: unknown): { overflow: number; tables: number; header: string } {
  if (
    typeof value === 'object' &&
    value !== null &&
    'overflow' in value &&
    typeof value.overflow === 'number' &&
    'tables' in value &&
    typeof value.tables === 'number' &&
    'header' in value &&
    typeof value.header === 'string'
  )
    return { overflow: value.overflow, tables: value.tables, header: value.header };
  throw new Error(`unexpected layout: ${JSON.stringify(value)}`);
}

describe('an email with two tables in Chromium', () => {
  it.each(views)(
    '$width px, $scheme: screenshot, tables inside the screen',
    async ({ width, scheme }) => {
      const context = await chromium.browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
      });
      try {
        const page = await context.newPage();
        const html = renderEmail(tableEdition(), sampleProfile).html;
        await page.route('**/*', (route) =>
          route.request().url() === ORIGIN
            ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
            : route.abort(),
        );
        await page.goto(ORIGIN);
        // A string: this project compiles without the DOM library. `overflow` is how far the
        // widest table's right edge passes the viewport.
        const layout = readLayout(
          await page.evaluate(`(() => {
          const tables = [...document.querySelectorAll('table.gx-data')];
          const right = Math.max(...tables.map((t) => t.getBoundingClientRect().right));
          return {
            overflow: Math.max(0, right - document.documentElement.clientWidth),
            tables: tables.length,
            header: getComputedStyle(document.querySelector('table.gx-data th')).backgroundColor,
          };
        })()`),
        );
        await page.screenshot({ path: join(OUT, `tables-${width}-${scheme}.png`), fullPage: true });
        expect(layout.tables).toBe(2);
        expect(layout.overflow, 'a table passes the screen edge').toBe(0);
        // #2a2e35 is the dark code background, #f1f2f4 the light one.
        expect(layout.header).toBe(scheme === 'dark' ? 'rgb(42, 46, 53)' : 'rgb(241, 242, 244)');
      } finally {
        await context.close();
      }
    },
  );
});
