import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

/**
 * The workbench as an editor sees it, saved as PNGs in test-results/workbench/ for a
 * person to look at: the library, the edition view, the email preview, and two editors
 * present in one section, in the light and the dark theme. Each scene also asserts what
 * must be on screen, so a broken scene fails here rather than only looking wrong.
 */

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'workbench');
const tempDir = useTempDir();
const chromium = useChromium();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

describe('workbench screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(
      `library, edition, preview and presence in the ${scheme} theme`,
      { timeout: 120_000 },
      async () => {
        const server = await startWorkbench(tempDir());
        try {
          const [sample] = value(await server.backend.invoke('editions.list', {}));
          value(
            await server.backend.invoke('editions.create', {
              title: 'Field Notes #43',
              from: 'structure',
              sourceId: sample!.id,
            }),
          );
          value(
            await server.backend.invoke('editions.create', {
              title: 'Launch special',
              from: 'blank',
            }),
          );
          const url = `${server.openUrl}#/edition/${sample!.id}`;
          const ada = await openAs(chromium.browser, url, 'Ada Lovelace', { colorScheme: scheme });
          const shot = async (name: string) => {
            const path = join(OUT, `${name}-${scheme}.png`);
            await ada.page.screenshot({ path });
            expect(statSync(path).size).toBeGreaterThan(10_000);
          };
          const background = await ada.page.evaluate(
            'getComputedStyle(document.body).backgroundColor',
          );
          expect(background).toBe(scheme === 'dark' ? 'rgb(23, 24, 27)' : 'rgb(246, 245, 241)');

          // The library: three editions, with search results for a word in the sample.
          await ada.page
            .getByRole('list', { name: 'Editions' })
            .getByRole('listitem')
            .nth(2)
            .waitFor();
          await ada.page.getByLabel('Search all editions').fill('pipeline');
          await ada.page
            .getByRole('region', { name: 'Search results' })
            .locator('mark')
            .first()
            .waitFor();
          await shot('library-search');
          await ada.page.getByLabel('Search all editions').fill('');

          // The edition view, with the preview panel on the email.
          await sectionBody(ada.page, 'Welcome').waitFor();
          await ada.page.getByTitle('Email preview').waitFor();
          await shot('edition');

          // The preview: mobile and dark modes of the email.
          await ada.page.getByRole('radio', { name: 'Mobile' }).click();
          await shot('preview-mobile');
          await ada.page.getByRole('radio', { name: 'Dark' }).click();
          await shot('preview-dark');
          await ada.page.getByRole('tab', { name: /Checks/ }).click();
          await ada.page.getByText(/words/).first().waitFor();
          await shot('checks');
          // A finding jumps to its place: the section's text gets the focus.
          await ada.page
            .getByRole('button', { name: /Go to it/ })
            .first()
            .click();
          await expect
            .poll(() =>
              ada.page.evaluate('document.activeElement?.getAttribute("aria-label") ?? ""'),
            )
            .toMatch(/^Body of “/);
          // The jump scrolls the edition column, never the window: the top bar stays put.
          expect(
            await ada.page.evaluate(
              'document.querySelector(".top-bar").getBoundingClientRect().top',
            ),
          ).toBe(0);

          // Presence: Grace joins and types in the intro; Ada sees her name there and in the bar.
          const grace = await openAs(chromium.browser, url, 'Grace Hopper', {
            colorScheme: scheme,
          });
          await sectionBody(grace.page, 'Welcome').click();
          await grace.page.keyboard.type(' Grace was here.');
          await ada.page.getByText('Connected to 1 person').waitFor();
          await ada.page.getByText('Grace Hopper is here').waitFor();
          await sectionBody(ada.page, 'Welcome').scrollIntoViewIfNeeded();
          await shot('presence');
          expect(ada.errors).toEqual([]);
          expect(grace.errors).toEqual([]);
          await grace.context.close();
          await ada.context.close();
        } finally {
          await server.close();
        }
      },
    );
  }
});
