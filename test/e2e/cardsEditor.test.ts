import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();

describe('card nodes in the workbench editor', () => {
  it(
    'inserts a callout (typed into) and a YouTube embed from the keyboard, and the hub has both',
    { timeout: 120_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Cards', from: 'blank' }),
        );
        const { context, page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        const body = sectionBody(page, 'Untitled story');
        await body.click();
        await page
          .getByRole('button', { name: /^Callout/ })
          .first()
          .click();
        await page.getByLabel('Title', { exact: true }).fill('Why it matters');
        await page.keyboard.press('Enter');
        await page.keyboard.type('Because cards ship.');
        await expect
          .poll(() => page.locator('aside.gx-callout').innerText())
          .toContain('Because cards ship.');

        await page
          .getByRole('button', { name: /^Embed/ })
          .first()
          .click();
        await page
          .getByPlaceholder('https://www.youtube.com/watch?v=…')
          .fill('https://youtu.be/dQw4w9WgXcQ');
        await page.getByLabel('Title', { exact: true }).fill('The talk');
        await page.getByLabel('Alt text', { exact: true }).fill('Speaker');
        await page.keyboard.press('Enter');
        await page.locator('.ge-embed').waitFor();

        await expect
          .poll(
            async () =>
              value(await server.backend.invoke('export.render', { id, format: 'markdown' }))
                .content,
          )
          .toMatch(/galley:embed \{"provider":"youtube"/);
        const markdown = value(
          await server.backend.invoke('export.render', { id, format: 'markdown' }),
        ).content;
        expect(markdown).toMatch(
          /<!-- galley:callout \{"emoji":"\u{1F4A1}","title":"Why it matters"\} -->\n\nBecause cards ship\.\n\n<!-- galley:callout-end -->/u,
        );
        expect(markdown).toContain(
          '"image":"https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg","alt":"Speaker"',
        );
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );
});
