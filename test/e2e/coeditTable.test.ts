import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const SHOTS =
  process.env.GALLEY_SHOTS ?? join(import.meta.dirname, '..', '..', 'test-results', 'email-tables');
const tempDir = useTempDir();
const chromium = useChromium();

async function openEdition(page: Page, id: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/edition/${id}`)}`);
  await page.getByLabel('Edition title').waitFor();
}

/** The text of every cell, row by row, as the editor shows it. */
function cells(body: Locator): Promise<string[][]> {
  return body
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );
}

describe('two editors co-edit a table', () => {
  it(
    'type into the same cell at once and converge; rows, Tab and column alignment reach both',
    { timeout: 150_000 },
    async () => {
      mkdirSync(SHOTS, { recursive: true });
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Table pair', from: 'blank' }),
        );
        const ada = await openAs(chromium.browser, server.openUrl, 'Ada');
        const grace = await openAs(chromium.browser, server.openUrl, 'Grace');
        await openEdition(ada.page, id);
        await openEdition(grace.page, id);
        const adaBody = sectionBody(ada.page, 'Untitled story');
        const graceBody = sectionBody(grace.page, 'Untitled story');
        const adaCard = ada.page.getByRole('article', { name: 'Story: Untitled story' });

        // Ada inserts a 2-column table with one body row from the toolbar, by keyboard.
        await adaBody.click();
        await adaCard.getByRole('button', { name: 'Table', exact: true }).click();
        await adaCard.getByLabel('Columns').fill('2');
        await adaCard.getByLabel('Rows under the header').fill('1');
        await adaCard.getByLabel('Rows under the header').press('Enter');
        await ada.page.keyboard.type('Tool');
        await ada.page.keyboard.press('Tab');
        await ada.page.keyboard.type('Price');
        await ada.page.keyboard.press('Tab');
        await ada.page.keyboard.type('Lexa');
        await expect
          .poll(() => cells(graceBody))
          .toEqual([
            ['Tool', 'Price'],
            ['Lexa', ''],
          ]);
        expect(await graceBody.locator('th[class~="ge-th"]').count()).toBe(2);

        // Both click into the same cell (row 2, column 1) and type at once, Ada before its
        // word and Grace after it. (Two carets at the very same offset interleave letter by
        // letter in Lexical's collaboration, as in any cell or paragraph; they still converge.)
        await graceBody.locator('td').first().click();
        await grace.page.keyboard.press('End');
        await adaBody.locator('td').first().click();
        await ada.page.keyboard.press('Home');
        await Promise.all([
          ada.page.keyboard.type('ada-here ', { delay: 15 }),
          grace.page.keyboard.type(' grace-here', { delay: 15 }),
        ]);
        for (const body of [adaBody, graceBody]) {
          await expect.poll(async () => (await cells(body))[1]?.[0]).toContain('ada-here');
          await expect.poll(async () => (await cells(body))[1]?.[0]).toContain('grace-here');
        }
        await expect.poll(() => cells(graceBody)).toEqual(await cells(adaBody));
        expect(await adaBody.locator('table').innerHTML()).toBe(
          await graceBody.locator('table').innerHTML(),
        );

        // Tab from the last cell adds a row (seen by both); the column is aligned right.
        await adaBody.locator('td').nth(1).click();
        await ada.page.keyboard.type('$5');
        await adaCard.getByRole('button', { name: 'Align column right' }).click();
        await ada.page.keyboard.press('Tab');
        await ada.page.keyboard.type('Quill');
        await expect.poll(async () => (await cells(graceBody)).length).toBe(3);
        await expect.poll(async () => (await cells(graceBody))[2]).toEqual(['Quill', '']);
        await expect
          .poll(() => graceBody.locator('td').nth(1).getAttribute('style'))
          .toMatch(/text-align: right/);

        // For a person to look at: the table and its bar in the editor.
        await adaBody.locator('td').first().click();
        await adaCard.screenshot({ path: join(SHOTS, 'editor-table.png') });

        // The backend's copy (headless Lexical over the same Yjs doc) exports the same table.
        await expect
          .poll(async () => {
            const md = value(
              await server.backend.invoke('export.render', { id, format: 'markdown' }),
            );
            return md.content.split('\n').filter((l) => l.startsWith('|')).length;
          })
          .toBe(4);
        const md = value(await server.backend.invoke('export.render', { id, format: 'markdown' }));
        const lines = md.content.split('\n').filter((l) => l.startsWith('|'));
        expect(lines[0]).toMatch(/^\| Tool +\| +Price \|$/);
        expect(lines[1]).toMatch(/^\| -+ \| -+: \|$/);
        expect(lines[2]).toMatch(/^\| ada-here Lexa grace-here \| +\$5 \|$/);
        // The Markdown shortcut: Grace types a header row on a line of its own after the table.
        await graceBody.click();
        await grace.page.keyboard.press('Control+End');
        await grace.page.keyboard.type('| Step | Owner |');
        await grace.page.keyboard.press('Enter');
        await grace.page.keyboard.type('Ship');
        await expect.poll(() => adaBody.locator('table').count()).toBe(2);
        await expect
          .poll(async () => (await cells(adaBody)).slice(-2))
          .toEqual([
            ['Step', 'Owner'],
            ['Ship', ''],
          ]);
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
