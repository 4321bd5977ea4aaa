import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_LIST_MARKDOWN } from '../fixtures/export/blockListEdition.ts';
import { shotsDir } from '../helpers/shotsDir.ts';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

// Screenshots for a person to look at, outside the repository.
const OUT = shotsDir('block-lists');
const tempDir = useTempDir();
const chromium = useChromium();

const MARKDOWN = `# Steps weekly\n\n## Getting started\n\n${BLOCK_LIST_MARKDOWN}`;

describe('a list whose items hold blocks, in the editor', () => {
  it(
    'renders code blocks inside their items, and Enter on an empty last paragraph starts the next item',
    { timeout: 120_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { summary } = value(
          await server.backend.invoke('editions.import', { markdown: MARKDOWN }),
        );
        const { page, errors, context } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${summary.id}`,
          'Ada',
        );
        const card = page.locator('article.section-card').first();
        await card.scrollIntoViewIfNeeded();
        const body = sectionBody(page, 'Getting started');
        await body.waitFor();
        const items = body.locator('li.gx-blocklist-item');
        await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(5);
        // The steps' code blocks sit inside their items.
        expect(await body.locator('ol.gx-blocklist > li .ge-code-block').count()).toBe(2);
        await page.screenshot({ path: join(OUT, 'editor-before.png'), fullPage: true });

        // In the loose list's first item: after its second paragraph, Enter makes an empty
        // paragraph in the item, and Enter again turns it into the next item.
        await expect.poll(() => body.getAttribute('contenteditable')).toBe('true');
        // A click just past the paragraph's last letter puts the caret at its end.
        const paragraph = body.getByText('They list every breaking change');
        const box = await paragraph.boundingBox();
        if (box === null) throw new Error('the paragraph is not on screen');
        await paragraph.click({ position: { x: box.width - 1, y: box.height / 2 } });
        const caretAtEnd = async () => {
          const at: unknown = await page.evaluate(`(() => {
            const s = document.getSelection();
            return s && s.anchorNode ? s.anchorNode.textContent.length === s.anchorOffset &&
              s.anchorNode.textContent.endsWith('since the last edition.') : false;
          })()`);
          return at === true;
        };
        await expect.poll(caretAtEnd).toBe(true);
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.keyboard.type('A new item');
        await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(6);
        const loose = body.locator('ul.gx-blocklist').first();
        expect(await loose.locator('> li').nth(1).innerText()).toBe('A new item');

        // Backspace twice at its start: the text goes, then the item merges away.
        for (let i = 0; i < 'A new item'.length; i++) await page.keyboard.press('Backspace');
        await page.keyboard.press('Backspace');
        await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(5);
        await page.keyboard.type(' Really.');
        await expect
          .poll(() => loose.locator('> li').first().innerText())
          .toContain('since the last edition. Really.');
        // The code block shortcut works inside an item, as in a table cell.
        await page.keyboard.press('Enter');
        await page.keyboard.type('```ts ');
        await page.keyboard.type('ship()');
        const codeInItem = loose.locator('> li').first().locator('.ge-code-block');
        await expect.poll(() => codeInItem.count(), { timeout: 10_000 }).toBe(1);
        expect(await codeInItem.innerText()).toBe('ship()');
        // The hub's copy (what exports read) holds the edit, inside the block list.
        const stored = async () => {
          const { edition } = value(
            await server.backend.invoke('editions.get', { id: summary.id }),
          );
          const list = edition.sections[0]!.body.root.children.filter(
            (n) => n.type === 'blocklist',
          )[1];
          return JSON.stringify(list ?? null);
        };
        await expect.poll(stored, { timeout: 15_000 }).toContain('ship()');
        await page.screenshot({ path: join(OUT, 'editor-after.png'), fullPage: true });
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );

  it(
    'Code block with the caret in a list item puts the code inside that item',
    { timeout: 120_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const markdown = '# Steps weekly\n\n## Getting started\n\n1. Install the tool\n2. Run it\n';
        const { summary } = value(await server.backend.invoke('editions.import', { markdown }));
        const { page, errors, context } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${summary.id}`,
          'Ada',
        );
        const card = page.locator('article.section-card').first();
        await card.scrollIntoViewIfNeeded();
        const body = sectionBody(page, 'Getting started');
        await expect.poll(() => body.getAttribute('contenteditable')).toBe('true');
        const step = body.getByText('Install the tool');
        const box = await step.boundingBox();
        if (box === null) throw new Error('the step is not on screen');
        await step.click({ position: { x: box.width - 1, y: box.height / 2 } });
        await card.getByRole('button', { name: 'Code block', exact: true }).click();
        await page.keyboard.type('npm i galley');
        const first = body.locator('ol.gx-blocklist > li').first();
        await expect.poll(() => first.locator('.ge-code-block').innerText()).toBe('npm i galley');
        expect(await body.locator('ol.gx-blocklist > li').nth(1).innerText()).toBe('Run it');
        const stored = async () => {
          const { edition } = value(
            await server.backend.invoke('editions.get', { id: summary.id }),
          );
          return JSON.stringify(edition.sections[0]!.body.root.children[0] ?? null);
        };
        await expect.poll(stored, { timeout: 15_000 }).toMatch(/"blocklist".*npm i galley/);
        await page.screenshot({ path: join(OUT, 'code-in-step.png'), fullPage: true });
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );
});
