import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/core/export/email/renderEmail.ts';
import { renderText } from '../../src/core/export/text/renderText.ts';
import { parseEmail } from '../../src/core/export/email/emailDom.testkit.ts';
import { EMAIL_RULES } from '../../src/core/export/email/emailRules.testkit.ts';
import { blockListEdition } from '../fixtures/export/blockListEdition.ts';
import { sampleProfile } from '../fixtures/export/profiles.ts';
import { useChromium } from '../helpers/useChromium.ts';

/**
 * An email with lists whose items hold blocks (a step with a code block under it, an item
 * of two paragraphs, a quote in an item) rendered by real Chromium at 600 px and 375 px,
 * light and dark, saved as PNGs (GALLEY_SHOTS, default test-results/email-block-lists/).
 * Each code block sits inside its item, and nothing scrolls the page sideways.
 */

const OUT =
  process.env.GALLEY_SHOTS ??
  join(import.meta.dirname, '..', '..', 'test-results', 'email-block-lists');
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

function readLayout(value: unknown): { overflow: number; codeInItems: number; items: number } {
  if (
    typeof value === 'object' &&
    value !== null &&
    'overflow' in value &&
    typeof value.overflow === 'number' &&
    'codeInItems' in value &&
    typeof value.codeInItems === 'number' &&
    'items' in value &&
    typeof value.items === 'number'
  )
    return { overflow: value.overflow, codeInItems: value.codeInItems, items: value.items };
  throw new Error(`unexpected layout: ${JSON.stringify(value)}`);
}

describe('an email with block lists', () => {
  it('meets every EMAIL_RULES rule', () => {
    const edition = blockListEdition();
    const { html } = renderEmail(edition, sampleProfile);
    const email = parseEmail(html, renderText(edition, sampleProfile), edition);
    for (const rule of EMAIL_RULES) expect(rule.check(email), `rule ${rule.id}`).toEqual([]);
  });

  it.each(views)(
    '$width px, $scheme: screenshot, code inside its item, nothing past the screen',
    async ({ width, scheme }) => {
      const context = await chromium.browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
      });
      try {
        const page = await context.newPage();
        const html = renderEmail(blockListEdition(), sampleProfile).html;
        await page.route('**/*', (route) =>
          route.request().url() === ORIGIN
            ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
            : route.abort(),
        );
        await page.goto(ORIGIN);
        // A string: this project compiles without the DOM library.
        const layout = readLayout(
          await page.evaluate(`(() => {
          const right = Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right));
          return {
            overflow: Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
            codeInItems: document.querySelectorAll('li pre').length,
            items: document.querySelectorAll('li').length,
            right,
          };
        })()`),
        );
        await page.screenshot({
          path: join(OUT, `block-lists-${width}-${scheme}.png`),
          fullPage: true,
        });
        expect(layout.codeInItems).toBe(2);
        expect(layout.items).toBe(7);
        expect(layout.overflow, 'the page scrolls sideways').toBe(0);
      } finally {
        await context.close();
      }
    },
  );
});
