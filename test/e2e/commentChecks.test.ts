import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';
import { shotsDir } from '../helpers/shotsDir.ts';

// Screenshots for a person to look at, outside the repository.
const OUT = shotsDir('comments');
const tempDir = useTempDir();
const chromium = useChromium();

const MARKDOWN = `# Weekly 7

## Census

The quokka census grew by forty percent this year.

## Rivers

Rivers are rising fast, and the ferries are late.
`;

describe('open comments in the Checks panel', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(
      `lists open threads as warnings that jump to their section, live (${scheme})`,
      { timeout: 120_000 },
      async () => {
        const server = await startWorkbench(tempDir());
        try {
          const { backend } = server;
          const { summary } = value(
            await backend.invoke('editions.import', { markdown: MARKDOWN }),
          );
          const { edition } = value(await backend.invoke('editions.get', { id: summary.id }));
          const [census, rivers] = edition.sections;
          value(
            await backend.invoke('comments.add', {
              editionId: summary.id,
              sectionId: census!.id,
              quote: 'forty percent',
              text: 'Source? <img src=x onerror="window.__pwned=1">',
              author: { name: 'Ana Lima', color: '#2563eb' },
            }),
          );

          const { page, errors } = await openAs(
            chromium.browser,
            `${server.openUrl}#/edition/${summary.id}`,
            'Ada',
            { colorScheme: scheme },
          );
          await page.getByRole('tab', { name: /Checks/ }).click();
          const first = page.getByRole('button', {
            name: /An open comment by Ana Lima on “forty percent” of “Census”/,
          });
          await first.waitFor({ timeout: 15_000 });

          // A comment added while the page is open (through the hub) shows up in Checks.
          const second = value(
            await backend.invoke('comments.add', {
              editionId: summary.id,
              sectionId: rivers!.id,
              quote: 'ferries are late',
              text: 'Which ferries?',
              author: { name: 'Bo' },
            }),
          );
          const secondItem = page.getByRole('button', {
            name: /An open comment by Bo on “ferries are late” of “Rivers”/,
          });
          await secondItem.waitFor({ timeout: 15_000 });

          await secondItem.click();
          await expect
            .poll(() =>
              sectionBody(page, 'Rivers').evaluate((el) => el.contains(document.activeElement)),
            )
            .toBe(true);
          mkdirSync(OUT, { recursive: true });
          await page.screenshot({ path: join(OUT, `checks-comments-${scheme}.png`) });

          // Resolving the thread takes its warning away.
          value(
            await backend.invoke('comments.resolve', {
              editionId: summary.id,
              threadId: second.id,
              by: { name: 'Bo' },
            }),
          );
          await secondItem.waitFor({ state: 'detached', timeout: 15_000 });
          expect(await first.isVisible()).toBe(true);
          expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);
          expect(errors).toEqual([]);
        } finally {
          await server.close();
        }
      },
    );
  }
});
