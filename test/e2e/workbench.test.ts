import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const chromium = useChromium();

describe('the workbench in browser mode', () => {
  it(
    'opens the sample, builds an edition of every kind with formatting, reorders it and exports what was typed',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const server = await startWorkbench(dir);
      try {
        const { context, page, errors } = await openAs(
          chromium.browser,
          server.openUrl,
          'Ada Lovelace',
        );
        // First run opens the sample edition.
        await expect
          .poll(() => page.getByLabel('Edition title').inputValue())
          .toContain('Build Log');

        await page.getByRole('button', { name: '+ New' }).click();
        const dialog = page.getByRole('dialog', { name: 'New edition' });
        await dialog.getByLabel('Title').fill('Field Notes #1');
        await dialog.getByLabel(/A blank edition/).check();
        await dialog.getByRole('button', { name: 'Create edition' }).click();
        await expect
          .poll(() => page.getByLabel('Edition title').inputValue())
          .toBe('Field Notes #1');

        for (const kind of ['Story', 'Sponsor', 'Poll', 'Feedback', 'Intro']) {
          await page
            .getByRole('group', { name: 'Add a section' })
            .getByRole('button', { name: `+ ${kind}`, exact: true })
            .click();
        }
        await expect.poll(() => page.locator('article.section-card').count()).toBe(7);
        await page
          .getByRole('group', { name: 'Sponsor details' })
          .getByLabel('Sponsor')
          .fill('Acme Cloud');
        await page
          .getByRole('group', { name: 'Poll' })
          .getByLabel('Question')
          .fill('Tabs or spaces?');

        // Formatting with the keyboard, the toolbar, and Markdown shortcuts while typing.
        const body = sectionBody(page, 'Untitled story').first();
        const card = body.locator('xpath=ancestor::article');
        await body.click();
        await page.keyboard.type('### Launch week');
        await page.keyboard.press('Enter');
        await page.keyboard.type('Plain then ');
        await page.keyboard.press('Control+b');
        await page.keyboard.type('bold words');
        await page.keyboard.press('Control+b');
        await page.keyboard.type(' and ');
        await card.getByRole('button', { name: /^Italic/ }).click();
        await page.keyboard.type('slanted');
        await card.getByRole('button', { name: /^Italic/ }).click();
        await page.keyboard.press('Enter');
        await page.keyboard.type('- first point');
        await page.keyboard.press('Enter');
        await page.keyboard.type('second point');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.keyboard.type('> A quoted line');
        await expect.poll(() => body.locator('h3').innerText()).toBe('Launch week');
        await expect.poll(() => body.locator('strong, b').first().innerText()).toBe('bold words');
        await expect.poll(() => body.locator('em, i').first().innerText()).toBe('slanted');
        await expect.poll(() => body.locator('ul li').count()).toBe(2);
        await expect.poll(() => body.locator('blockquote').innerText()).toBe('A quoted line');

        // An image from a file: stored in the database, shown from the local hub.
        await card.getByRole('button', { name: /^Image/ }).click();
        await page.getByLabel('Alt text').fill('A tiny chart');
        const [chooser] = await Promise.all([
          page.waitForEvent('filechooser'),
          page.getByRole('button', { name: 'Upload a file…' }).click(),
        ]);
        await chooser.setFiles({ name: 'chart.png', mimeType: 'image/png', buffer: PNG });
        await expect.poll(() => body.locator('img').count()).toBe(1);
        expect(await body.locator('img').getAttribute('src')).toMatch(
          /^http:\/\/127\.0\.0\.1:\d+\/media\/[0-9a-f]{64}\?token=/,
        );
        expect(
          await body
            .locator('img')
            .evaluate((img) => (img instanceof HTMLImageElement ? img.naturalWidth : -1)),
        ).toBe(1);

        // Reorder with the keyboard in the outline: the intro (added last) moves up to the top.
        const outline = page.getByRole('navigation', { name: 'Outline' });
        const lastItem = outline.getByRole('button').last();
        await lastItem.focus();
        for (let i = 0; i < 6; i++) await page.keyboard.press('Alt+ArrowUp');
        const editionId = new URL(page.url()).hash.split('/').pop()!;
        await expect
          .poll(async () =>
            value(
              await server.backend.invoke('editions.get', { id: editionId }),
            ).edition.sections.map((s) => s.kind),
          )
          .toEqual(['intro', 'intro', 'story', 'story', 'sponsor', 'poll', 'feedback']);

        // Export the bundle from the side panel and read what is in it.
        await page.getByRole('tab', { name: /Export/ }).click();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: /Save bundle/ }).click(),
        ]);
        const zipPath = join(dir, 'bundle.zip');
        await download.saveAs(zipPath);
        const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
        const byName = (suffix: string) => {
          const name = Object.keys(files).find((n) => n.endsWith(suffix));
          if (!name) throw new Error(`no ${suffix} in ${Object.keys(files).join(', ')}`);
          return strFromU8(files[name]!);
        };
        const email = byName('.html');
        const markdown = byName('.md');
        const text = byName('.txt');
        expect(email).toMatch(/<(strong|b)[^>]*>bold words<\/(strong|b)>/);
        expect(email).toContain('Acme Cloud');
        expect(email).toContain('Tabs or spaces?');
        expect(markdown).toContain('### Launch week');
        expect(markdown).toContain('**bold words**');
        expect(markdown).toMatch(/[*_]slanted[*_]/);
        expect(markdown).toMatch(/^[-*] first point$/m);
        expect(markdown).toContain('> A quoted line');
        expect(text).toContain('bold words');
        expect(markdown).toMatch(/!\[A tiny chart\]\([^)]*[0-9a-f]{64}[^)]*\)/);

        // Versions: save one, change the text, restore it, and the text is back for everyone.
        await page.getByRole('tab', { name: /Versions/ }).click();
        await page.getByLabel('Label for a new version').fill('Before the rewrite');
        await page.getByRole('button', { name: 'Save version' }).click();
        await page
          .getByRole('list', { name: /Saved versions/ })
          .getByText('Before the rewrite')
          .waitFor();
        await body.locator('h3').click();
        await page.keyboard.press('End');
        await page.keyboard.type(' (rewritten)');
        await expect.poll(() => body.locator('h3').innerText()).toBe('Launch week (rewritten)');
        await page.getByRole('button', { name: 'Restore “Before the rewrite”' }).click();
        await page.getByRole('button', { name: 'Restore now' }).click();
        await expect.poll(() => body.locator('h3').innerText()).toBe('Launch week');

        // Library: duplicate, then delete with confirmation and undo.
        const library = page.getByRole('navigation', { name: 'Library' });
        await library.getByRole('button', { name: 'Duplicate “Field Notes #1”' }).click();
        await expect
          .poll(() => page.getByLabel('Edition title').inputValue())
          .toBe('Copy of Field Notes #1');
        await library.getByRole('button', { name: 'Delete “Copy of Field Notes #1”' }).click();
        await library
          .getByRole('group', { name: 'Confirm delete' })
          .getByRole('button', { name: 'Delete' })
          .click();
        const rows = library.getByRole('list', { name: 'Editions' }).getByRole('listitem');
        await expect.poll(() => rows.count()).toBe(2);
        await page.getByRole('button', { name: 'Undo' }).click();
        await expect.poll(() => rows.count()).toBe(3);
        await library.getByLabel('Status').selectOption('sent');
        await library.getByText('No editions are “sent”.').waitFor();
        await library.getByLabel('Status').selectOption('all');
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );

  it('refuses a wrong token with words, not a blank page', async () => {
    const server = await startWorkbench(tempDir());
    try {
      const context = await chromium.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/?token=not-the-token`);
      await page.getByRole('alert').getByText('Galley could not open').waitFor();
      expect(await page.getByRole('alert').innerText()).toContain('no valid token');
      await context.close();
    } finally {
      await server.close();
    }
  });
});
