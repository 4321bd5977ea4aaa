import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/core/export/email/renderEmail.ts';
import { fixtureEdition, sampleEdition } from '../fixtures/export/fixtures.ts';
import { fixtureProfile, sampleProfile } from '../fixtures/export/profiles.ts';
import { roundupEdition } from '../fixtures/export/roundupEdition.ts';
import { useChromium } from '../helpers/useChromium.ts';

/**
 * The sample's and the fixture's email rendered by real Chromium at 600 px and 375 px,
 * light and dark, saved as PNGs in test-results/email/ for a person to look at. The
 * page gets no network: remote images do not load, so alt text shows (as with images
 * blocked in a mail client).
 */

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'email');
const ORIGIN = 'https://email.galley.test/';

const chromium = useChromium();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

const emails = [
  { name: 'sample', html: () => renderEmail(sampleEdition(), sampleProfile).html },
  { name: 'fixture', html: () => renderEmail(fixtureEdition(), fixtureProfile).html },
  { name: 'roundup', html: () => renderEmail(roundupEdition(), sampleProfile).html },
];
const views = [
  { width: 600, scheme: 'light' },
  { width: 600, scheme: 'dark' },
  { width: 375, scheme: 'light' },
  { width: 375, scheme: 'dark' },
] as const;

function readLayout(value: unknown): {
  scrollWidth: number;
  clientWidth: number;
  background: string;
} {
  if (
    typeof value === 'object' &&
    value !== null &&
    'scrollWidth' in value &&
    typeof value.scrollWidth === 'number' &&
    'clientWidth' in value &&
    typeof value.clientWidth === 'number' &&
    'background' in value &&
    typeof value.background === 'string'
  )
    return {
      scrollWidth: value.scrollWidth,
      clientWidth: value.clientWidth,
      background: value.background,
    };
  throw new Error(`unexpected layout: ${JSON.stringify(value)}`);
}

describe.each(emails)('$name email in Chromium', ({ name, html }) => {
  it.each(views)(
    '$width px, $scheme: screenshot, no horizontal overflow',
    async ({ width, scheme }) => {
      const context = await chromium.browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
      });
      try {
        const page = await context.newPage();
        const blocked: string[] = [];
        // The document itself is served from memory; everything else is aborted.
        await page.route('**/*', (route) => {
          if (route.request().url() === ORIGIN)
            return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html() });
          blocked.push(route.request().url());
          return route.abort();
        });
        await page.goto(ORIGIN);
        // A string: this project compiles without the DOM library.
        const layout = readLayout(
          await page.evaluate(
            '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, background: getComputedStyle(document.body).backgroundColor })',
          ),
        );
        await page.screenshot({
          path: join(OUT, `${name}-${width}-${scheme}.png`),
          fullPage: true,
        });
        expect(layout.scrollWidth, 'horizontal overflow').toBeLessThanOrEqual(layout.clientWidth);
        // Dark mode rules apply in dark, not in light.
        expect(layout.background).toBe(
          scheme === 'dark' ? 'rgb(15, 17, 21)' : 'rgb(244, 244, 245)',
        );
        // Only images were requested, and none reached the network.
        expect(
          blocked.every((url) => /\.(png|jpe?g|gif|webp)$|\/images\/[0-9a-f]{64}$/.test(url)),
        ).toBe(true);
      } finally {
        await context.close();
      }
    },
  );
});
