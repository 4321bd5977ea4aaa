import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/core/export/email/renderEmail.ts';
import { cardsEdition } from '../fixtures/cards/cardsEdition.ts';
import { sampleProfile } from '../fixtures/export/profiles.ts';
import { useChromium } from '../helpers/useChromium.ts';

/**
 * The card nodes' email in real Chromium at 600 and 375 px, light and dark, saved for a
 * person to look at (CARDS_SHOTS, default test-results/cards). No network: remote
 * images do not load, so their alt text shows, as with images blocked in a mail client.
 */
const OUT = process.env.CARDS_SHOTS ?? 'test-results/cards';
const ORIGIN = 'https://email.galley.test/';
const chromium = useChromium();

describe('card nodes in the email, in Chromium', () => {
  it.each([
    { width: 600, scheme: 'light' },
    { width: 600, scheme: 'dark' },
    { width: 375, scheme: 'light' },
    { width: 375, scheme: 'dark' },
  ] as const)('$width px, $scheme: no horizontal overflow', async ({ width, scheme }) => {
    mkdirSync(OUT, { recursive: true });
    const html = renderEmail(cardsEdition(), sampleProfile).html;
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
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      await page.screenshot({ path: `${OUT}/cards-${width}-${scheme}.png`, fullPage: true });
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
