import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();

/** Opens the edition `id` in a page that already runs the workbench. */
async function openEdition(page: Page, id: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/edition/${id}`)}`);
  await page.getByLabel('Edition title').waitFor();
}

describe('two editors in two browsers', () => {
  it(
    'co-edit one section and the outline, converge on text and formatting, and see each other',
    { timeout: 120_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Pair edition', from: 'blank' }),
        );
        const ada = await openAs(chromium.browser, server.openUrl, 'Ada');
        const grace = await openAs(chromium.browser, server.openUrl, 'Grace');
        await openEdition(ada.page, id);
        await openEdition(grace.page, id);

        const adaBody = sectionBody(ada.page, 'Untitled story');
        const graceBody = sectionBody(grace.page, 'Untitled story');
        await adaBody.click();
        await ada.page.keyboard.type('Ada writes first. ');
        await expect.poll(() => graceBody.innerText()).toContain('Ada writes first.');
        await graceBody.click();
        await grace.page.keyboard.press('Control+End');
        await grace.page.keyboard.type('Grace adds ');
        await grace.page.keyboard.press('Control+b');
        await grace.page.keyboard.type('this bold bit');
        await grace.page.keyboard.press('Control+b');
        // Both type at once: Ada at the start, Grace at the end.
        await adaBody.click();
        await ada.page.keyboard.press('Control+Home');
        await Promise.all([
          ada.page.keyboard.type('(ada again) '),
          grace.page.keyboard.type(' (grace again)'),
        ]);
        for (const body of [adaBody, graceBody]) {
          await expect.poll(() => body.innerText()).toMatch(/Ada writes first\./);
          await expect.poll(() => body.innerText()).toContain('(ada again)');
          await expect.poll(() => body.innerText()).toContain('(grace again)');
          await expect
            .poll(() => body.locator('strong, b').filter({ hasText: 'this bold bit' }).count())
            .toBe(1);
        }
        expect(await adaBody.innerHTML()).toBe(await graceBody.innerHTML());

        // Each sees the other's name: at the cursor, in the section and in the top bar.
        await expect
          .poll(() => ada.page.locator('[data-testid="sync-status"]').innerText())
          .toMatch(/Connected to 1 person/);
        await expect
          .poll(() => grace.page.locator('[data-testid="sync-status"]').innerText())
          .toMatch(/Connected to 1 person/);
        await ada.page.getByText('Grace', { exact: true }).first().waitFor();
        await grace.page.getByText('Ada', { exact: true }).first().waitFor();
        await ada.page.getByRole('list', { name: 'Here: Grace' }).first().waitFor();

        // The outline: Grace adds a poll, Ada moves it to the top; both see the same order.
        await grace.page
          .getByRole('group', { name: 'Add a section' })
          .getByRole('button', { name: '+ Poll' })
          .click();
        await expect.poll(() => ada.page.locator('article.section-card').count()).toBe(3);
        const adaOutline = ada.page.getByRole('navigation', { name: 'Outline' });
        await adaOutline.getByRole('button', { name: /^Poll, Poll/ }).focus();
        await ada.page.keyboard.press('Alt+ArrowUp');
        await ada.page.keyboard.press('Alt+ArrowUp');
        const titles = (page: Page) =>
          page
            .locator('article.section-card')
            .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
        await expect
          .poll(() => titles(grace.page))
          .toEqual(['Poll: Poll', 'Intro: Intro', 'Story: Untitled story']);
        expect(await titles(ada.page)).toEqual(await titles(grace.page));
        await ada.context.close();
        await grace.context.close();
      } finally {
        await server.close();
      }
    },
  );

  it(
    'keeps typing on both sides while the peer link is down, then converges without losing a word',
    { timeout: 120_000 },
    async () => {
      const hostA = await startWorkbench(tempDir());
      const hostB = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await hostA.backend.invoke('editions.create', { title: 'Apart', from: 'blank' }),
        );
        // B's hub links to A's hub: the desktop "join a session".
        const link = { url: hostA.syncUrl, token: hostA.token };
        value(await hostB.backend.invoke('peer.join', link));
        await expect
          .poll(
            async () =>
              (await hostB.backend.invoke('editions.list', {})).ok &&
              value(await hostB.backend.invoke('editions.list', {})).some((e) => e.id === id),
            { timeout: 15000 },
          )
          .toBe(true);

        const ada = await openAs(chromium.browser, hostA.openUrl, 'Ada');
        const grace = await openAs(chromium.browser, hostB.openUrl, 'Grace');
        await openEdition(ada.page, id);
        await openEdition(grace.page, id);
        const adaBody = sectionBody(ada.page, 'Untitled story');
        const graceBody = sectionBody(grace.page, 'Untitled story');
        await adaBody.click();
        await ada.page.keyboard.type('Together. ');
        await expect.poll(() => graceBody.innerText(), { timeout: 15000 }).toContain('Together.');

        // The link goes down; both keep typing into the same section.
        value(await hostB.backend.invoke('peer.leave', { url: hostA.syncUrl }));
        await ada.page.keyboard.type('Ada while apart. ');
        await graceBody.click();
        await grace.page.keyboard.press('Control+End');
        await grace.page.keyboard.type('Grace while apart. ');
        await ada.page.getByLabel('Edition title').fill('Apart, then together');
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await graceBody.innerText()).not.toContain('Ada while apart.');

        // The link returns: everything typed on both sides is on both sides.
        value(await hostB.backend.invoke('peer.join', link));
        for (const body of [adaBody, graceBody]) {
          await expect
            .poll(() => body.innerText(), { timeout: 15000 })
            .toContain('Ada while apart.');
          await expect
            .poll(() => body.innerText(), { timeout: 15000 })
            .toContain('Grace while apart.');
        }
        await expect
          .poll(() => grace.page.getByLabel('Edition title').inputValue())
          .toBe('Apart, then together');

        // A reload shows everything, from the local hub alone.
        await grace.page.reload();
        await grace.page.getByLabel('Edition title').waitFor();
        await expect
          .poll(() => sectionBody(grace.page, 'Untitled story').innerText())
          .toContain('Ada while apart.');
        await expect
          .poll(() => sectionBody(grace.page, 'Untitled story').innerText())
          .toContain('Grace while apart.');
        await expect
          .poll(() => sectionBody(grace.page, 'Untitled story').innerText())
          .toContain('Together.');
        await ada.context.close();
        await grace.context.close();
      } finally {
        await hostB.close();
        await hostA.close();
      }
    },
  );
});
