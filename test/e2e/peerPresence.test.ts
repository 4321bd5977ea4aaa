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

const status = (page: Page) => page.locator('[data-testid="sync-status"]').innerText();

describe('presence across a peer link, in two browsers', () => {
  it(
    'editors on two linked hubs see each other, until the link is left',
    { timeout: 120_000 },
    async () => {
      const hostA = await startWorkbench(tempDir());
      const hostB = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await hostA.backend.invoke('editions.create', { title: 'Linked', from: 'blank' }),
        );
        // B's hub joins A's: Ada works on A, Grace on B.
        const link = { url: hostA.syncUrl, token: hostA.token };
        value(await hostB.backend.invoke('peer.join', link));
        await expect
          .poll(
            async () =>
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
        await adaBody.scrollIntoViewIfNeeded();
        await adaBody.click();
        await ada.page.keyboard.type('Ada writes here. ');
        await expect.poll(() => graceBody.innerText(), { timeout: 15000 }).toContain('Ada writes');
        await graceBody.scrollIntoViewIfNeeded();
        await graceBody.click();
        await grace.page.keyboard.press('Control+End');
        await grace.page.keyboard.type('Grace too.');

        // Each sees the other: in the top bar, in the section, at the cursor.
        await expect.poll(() => status(ada.page), { timeout: 15000 }).toMatch(/1 person/);
        await expect.poll(() => status(grace.page), { timeout: 15000 }).toMatch(/1 person/);
        await ada.page.getByRole('list', { name: 'Here: Grace' }).first().waitFor();
        await grace.page.getByRole('list', { name: 'Here: Ada' }).first().waitFor();
        await ada.page.getByText('Grace', { exact: true }).first().waitFor();

        // Grace's hub leaves the session: she is gone from Ada's screen, and Ada from hers.
        value(await hostB.backend.invoke('peer.leave', { url: hostA.syncUrl }));
        await expect.poll(() => status(ada.page), { timeout: 15000 }).not.toMatch(/1 person/);
        await expect.poll(() => status(grace.page), { timeout: 15000 }).not.toMatch(/1 person/);
        await expect
          .poll(() => ada.page.getByRole('list', { name: 'Here: Grace' }).count())
          .toBe(0);
        expect(ada.errors).toEqual([]);
        expect(grace.errors).toEqual([]);
        await ada.context.close();
        await grace.context.close();
      } finally {
        await hostB.close();
        await hostA.close();
      }
    },
  );
});
