import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

// Screenshots are for a person to look at; they are not kept in the repository.
const SHOTS =
  process.env.GALLEY_SHOTS ?? join(import.meta.dirname, '..', '..', 'test-results', 'suggest');
const tempDir = useTempDir();
const chromium = useChromium();
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

async function openEdition(page: Page, id: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/edition/${id}`)}`);
  await page.getByLabel('Edition title').waitFor();
  await page.locator('article.section-card').last().scrollIntoViewIfNeeded();
}

describe('suggesting mode in two browsers', () => {
  it(
    'turns typing and deleting into marked suggestions that the other editor accepts and the author rejects',
    { timeout: 150_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Review', from: 'blank' }),
        );
        const ada = await openAs(chromium.browser, server.openUrl, 'Ada');
        const grace = await openAs(chromium.browser, server.openUrl, 'Grace', {
          colorScheme: 'dark',
        });
        await openEdition(ada.page, id);
        const adaBody = sectionBody(ada.page, 'Untitled story');
        await adaBody.click();
        await ada.page.keyboard.type('Galley keeps the edition.');

        // The shortcut switches Ada (in every section) to Suggesting; the hint says what stays direct.
        await ada.page.keyboard.press('Control+Alt+Shift+S');
        const story = ada.page.locator('article.section-card').filter({ has: adaBody });
        await expect
          .poll(() => story.getByRole('radio', { name: 'Suggesting' }).getAttribute('aria-checked'))
          .toBe('true');
        await story
          .getByText(/Enter, joining paragraphs, formatting and code blocks apply directly/)
          .waitFor();

        // Backspace strikes the full stop; typing inserts a suggestion before it.
        await ada.page.keyboard.press('End');
        await ada.page.keyboard.press('Backspace');
        await ada.page.keyboard.type(' today');
        const inserted = adaBody.locator('[data-suggestion="insert"]');
        const deleted = adaBody.locator('[data-suggestion="delete"]');
        await expect.poll(() => inserted.innerText()).toBe(' today');
        await expect.poll(() => deleted.innerText()).toBe('.');
        // Nothing was removed yet: the text still reads in full.
        expect(await adaBody.innerText()).toContain('Galley keeps the edition today.');
        const color = await inserted.evaluate((el) => getComputedStyle(el).textDecorationLine);
        expect(color).toContain('underline');
        expect(await deleted.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain(
          'line-through',
        );
        // The caret sits in the insertion: its card names Ada.
        const adaCard = story.locator('.ge-review__card');
        await expect.poll(() => adaCard.innerText()).toMatch(/Ada\s+suggested adding “today”/);
        await story.getByText('2 suggestions').waitFor();
        await ada.page.screenshot({ path: join(SHOTS, 'suggestion-light.png') });
        await story.screenshot({ path: join(SHOTS, 'suggestion-card-light.png') });
        expect(statSync(join(SHOTS, 'suggestion-light.png')).size).toBeGreaterThan(10_000);

        // Grace (dark theme, in Editing mode) sees both marks live, in Ada's colour.
        await openEdition(grace.page, id);
        const graceBody = sectionBody(grace.page, 'Untitled story');
        await expect
          .poll(() => graceBody.locator('[data-suggestion="insert"]').innerText())
          .toBe(' today');
        await expect.poll(() => graceBody.locator('[data-suggestion="delete"]').count()).toBe(1);
        await graceBody.locator('[data-suggestion="insert"]').click();
        const graceStory = grace.page.locator('article.section-card').filter({ has: graceBody });
        const graceCard = graceStory.locator('.ge-review__card');
        await expect.poll(() => graceCard.innerText()).toMatch(/Ada\s+suggested adding/);
        await grace.page.screenshot({ path: join(SHOTS, 'suggestion-dark.png') });
        await graceStory.screenshot({ path: join(SHOTS, 'suggestion-card-dark.png') });
        expect(statSync(join(SHOTS, 'suggestion-dark.png')).size).toBeGreaterThan(10_000);

        // In Editing mode, Grace's typing at the edge of a suggestion stays plain text.
        await grace.page.keyboard.press('End');
        await grace.page.keyboard.type('!');
        await expect.poll(() => graceBody.innerText()).toBe('Galley keeps the edition today.!');
        expect(await graceBody.locator('[data-suggestion="delete"]').innerText()).toBe('.');
        expect(await graceBody.locator('[data-suggestion="insert"]').innerText()).toBe(' today');
        await graceBody.locator('[data-suggestion="insert"]').click();

        // Grace accepts the insertion with the keyboard (Tab to the card's button).
        await graceCard.getByRole('button', { name: 'Accept' }).focus();
        await grace.page.keyboard.press('Enter');
        await expect.poll(() => graceBody.locator('[data-suggestion="insert"]').count()).toBe(0);
        await expect.poll(() => inserted.count()).toBe(0);

        // Ada puts the caret at the struck full stop and rejects her own deletion.
        await adaBody.locator('[data-suggestion="delete"]').click();
        await expect.poll(() => adaCard.innerText()).toMatch(/Ada\s+suggested deleting “.”/);
        await adaCard.getByRole('button', { name: 'Reject' }).click();
        for (const body of [adaBody, graceBody]) {
          await expect.poll(() => body.locator('[data-suggestion]').count()).toBe(0);
          await expect.poll(() => body.innerText()).toBe('Galley keeps the edition today.!');
        }
        // Ada's mode is remembered in her profile; Grace stays in Editing.
        expect(
          await ada.page.evaluate(() =>
            Object.keys(localStorage).filter((k) => k.startsWith('galley.suggesting.')),
          ),
        ).toHaveLength(1);
        expect(
          await graceStory.getByRole('radio', { name: 'Editing' }).getAttribute('aria-checked'),
        ).toBe('true');
        expect([...ada.errors, ...grace.errors]).toEqual([]);
        await ada.context.close();
        await grace.context.close();
      } finally {
        await server.close();
      }
    },
  );
});
