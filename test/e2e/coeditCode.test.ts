import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBody } from '../../src/core/lexical/bodySession.ts';
import { restoreBody } from '../../src/core/model/restoreBody.ts';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();

async function openEdition(page: Page, id: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/edition/${id}`)}`);
  await page.getByLabel('Edition title').waitFor();
}

// How many ranges each page paints as keywords (the CSS Highlight API registry).
async function keywordRanges(page: Page): Promise<number> {
  const n: unknown = await page.evaluate(`(CSS.highlights.get('ge-code-keyword')?.size ?? 0)`);
  return typeof n === 'number' ? n : -1;
}

describe('two editors in two browsers', () => {
  it(
    'type in the same code block at once, converge, and highlighting never edits the document',
    { timeout: 120_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Code pair', from: 'blank' }),
        );
        const ada = await openAs(chromium.browser, server.openUrl, 'Ada');
        // Grace works in the dark theme: the same block, the dark token colours.
        const grace = await openAs(chromium.browser, server.openUrl, 'Grace', {
          colorScheme: 'dark',
        });
        await openEdition(ada.page, id);
        await openEdition(grace.page, id);
        const adaBody = sectionBody(ada.page, 'Untitled story');
        const graceBody = sectionBody(grace.page, 'Untitled story');
        await adaBody.scrollIntoViewIfNeeded();
        await graceBody.scrollIntoViewIfNeeded();

        // Ada makes a TypeScript code block with the Markdown shortcut and writes two lines.
        await adaBody.click();
        await ada.page.keyboard.type('```ts ');
        const adaCode = adaBody.locator('.ge-code-block');
        const graceCode = graceBody.locator('.ge-code-block');
        await adaCode.waitFor();
        expect(await adaCode.getAttribute('data-language')).toBe('ts');
        await ada.page.keyboard.type('function total() {');
        await ada.page.keyboard.press('Enter');
        await ada.page.keyboard.type('  return 1;');
        await ada.page.keyboard.press('Enter');
        await ada.page.keyboard.type('}');
        await expect.poll(() => graceCode.innerText()).toContain('return 1;');

        // Both type at once: Ada at the start of the block, Grace at its end.
        await ada.page.keyboard.press('Control+Home');
        await graceCode.click();
        await grace.page.keyboard.press('Control+End');
        await Promise.all([
          ada.page.keyboard.type('export async '),
          grace.page.keyboard.type(' // const let return'),
        ]);
        const expected = 'export async function total() {\n  return 1;\n} // const let return';
        for (const code of [adaCode, graceCode])
          await expect.poll(() => code.innerText()).toBe(expected);
        expect(await adaBody.innerHTML()).toBe(await graceBody.innerHTML());

        // Both paint the same keywords: "export async function " (one run) and "return "; the
        // words after // are a comment.
        await expect.poll(() => keywordRanges(ada.page)).toBe(2);
        await expect.poll(() => keywordRanges(grace.page)).toBe(await keywordRanges(ada.page));

        if (process.env.GALLEY_SHOTS) {
          await ada.page
            .locator('article.section-card')
            .filter({ has: adaCode })
            .screenshot({
              path: join(process.env.GALLEY_SHOTS, 'editor-code-light.png'),
            });
          await grace.page
            .locator('article.section-card')
            .filter({ has: graceCode })
            .screenshot({
              path: join(process.env.GALLEY_SHOTS, 'editor-code-dark.png'),
            });
        }

        // Grace changes the language from the keyboard; Ada's block follows.
        await grace.page.keyboard.press('Control+Alt+l');
        const picker = grace.page.getByRole('combobox', { name: 'Code language' });
        await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
        await picker.selectOption('python');
        await expect.poll(() => adaCode.getAttribute('data-language')).toBe('python');

        // The hub holds the same code block, and once nobody types, no update arrives:
        // painting highlights in two editors does not write to the document.
        const sectionId = await server.hub.peek(`edition:${id}`, (doc) => {
          for (const [sid, section] of doc.getMap<Y.Map<unknown>>('sections'))
            if (section.get('title') === 'Untitled story') return sid;
          return '';
        });
        const room = `section:${sectionId}`;
        await expect
          .poll(async () => {
            const body = restoreBody(readBody(await server.hub.read(room)));
            const block = body.root.children.find((b) => b.type === 'code-block');
            return block?.language;
          })
          .toBe('python');
        const state = () =>
          server.hub.peek(room, (doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex'));
        const before = await state();
        await ada.page.waitForTimeout(1500);
        expect(await state()).toBe(before);
        expect(ada.errors).toEqual([]);
        expect(grace.errors).toEqual([]);
        await ada.context.close();
        await grace.context.close();
      } finally {
        await server.close();
      }
    },
  );
});
