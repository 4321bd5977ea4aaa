import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';
import { shotsDir } from '../helpers/shotsDir.ts';

/**
 * Comments in the workbench, in real Chromium against the real hub: two editors comment,
 * reply and resolve live; anchors follow their phrase through the other's typing; hostile
 * comment text stays text. Screenshots go to shotsDir('comments') for a person to see.
 */

const SHOTS = shotsDir('comments');
const tempDir = useTempDir();
const chromium = useChromium();
const STORY = 'Untitled story';

async function openEdition(page: Page, id: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/edition/${id}`)}`);
  await page.getByLabel('Edition title').waitFor();
}

/** Puts the DOM selection on the first occurrence of `phrase` in a section body. */
async function selectPhrase(page: Page, title: string, phrase: string) {
  const body = sectionBody(page, title);
  await body.click();
  await body.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`no “${wanted}” in the body`);
  }, phrase);
}

/** The text under every painted comment highlight on the page. */
async function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const name of ['ge-comment', 'ge-comment-active']) {
      const highlight = CSS.highlights.get(name);
      if (highlight) for (const range of highlight) texts.push((range as Range).toString());
    }
    return texts.sort();
  });
}

/** Waits for what another editor did to arrive: generous, as the machine may be busy. */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

function thread(page: Page) {
  return page.locator('.cm-thread').first();
}

describe('comments in the workbench', () => {
  it(
    'A comments on a phrase, B sees it live and replies, A resolves; the anchor follows the phrase',
    { timeout: 180_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Review', from: 'blank' }),
        );
        const ada = await openAs(chromium.browser, server.openUrl, 'Ada');
        const grace = await openAs(chromium.browser, server.openUrl, 'Grace');
        await openEdition(ada.page, id);
        await openEdition(grace.page, id);
        const adaBody = sectionBody(ada.page, STORY);
        const graceBody = sectionBody(grace.page, STORY);
        await adaBody.click();
        await ada.page.keyboard.type('The quick brown fox jumps over the lazy dog.');
        await poll(() => graceBody.innerText()).toContain('lazy dog.');

        // Ada selects a phrase and presses Ctrl+Alt+M: the Comments panel opens its composer.
        await selectPhrase(ada.page, STORY, 'brown fox');
        await ada.page.keyboard.press('Control+Alt+m');
        const composer = ada.page.getByRole('textbox', { name: 'New comment' });
        await composer.waitFor();
        await poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);
        // @ offers the co-editor who is here (from awareness), Enter picks her.
        await ada.page.keyboard.type('Is it really brown? @Gr');
        await ada.page.getByRole('option', { name: 'Grace' }).waitFor();
        await ada.page.keyboard.press('Enter');
        await ada.page.keyboard.type('please check');
        await ada.page.keyboard.press('Control+Enter');
        await poll(() => highlighted(ada.page)).toEqual(['brown fox']);
        await poll(() => thread(ada.page).locator('.cm-text').first().innerText()).toBe(
          'Is it really brown? @Grace please check',
        );

        // Grace sees it live: highlight, top-bar count, outline count, the thread, a mention.
        await poll(() => highlighted(grace.page)).toEqual(['brown fox']);
        await grace.page.getByRole('button', { name: /^1 open comment\./ }).click();
        await poll(() =>
          grace.page.getByRole('tab', { name: /Comments/ }).getAttribute('aria-selected'),
        ).toBe('true');
        await poll(() => thread(grace.page).locator('.cm-text').first().innerText()).toBe(
          'Is it really brown? @Grace please check',
        );
        await grace.page.getByRole('radio', { name: 'Mentioning me (1)' }).waitFor();
        await grace.page
          .getByRole('navigation', { name: 'Outline' })
          .getByRole('button', { name: /Untitled story.*1 open comment/ })
          .waitFor();

        // Grace replies; Ada sees the reply.
        await grace.page.getByRole('textbox', { name: 'Reply to Ada' }).fill('Yes, checked.');
        await grace.page.getByRole('button', { name: 'Reply', exact: true }).click();
        await poll(() => thread(ada.page).locator('.cm-message').nth(1).innerText()).toContain(
          'Yes, checked.',
        );
        // Only the writer may edit or delete a message.
        expect(
          await thread(ada.page)
            .locator('.cm-message')
            .nth(0)
            .getByRole('button', { name: 'Edit' })
            .count(),
        ).toBe(1);
        expect(
          await thread(ada.page)
            .locator('.cm-message')
            .nth(1)
            .getByRole('button', { name: 'Edit' })
            .count(),
        ).toBe(0);

        // Grace types before the anchor: the highlight stays on the phrase on both sides.
        await graceBody.click();
        await grace.page.keyboard.press('Control+Home');
        await grace.page.keyboard.type('Today: ');
        await poll(() => adaBody.innerText()).toContain('Today: The quick');
        await poll(() => highlighted(ada.page)).toEqual(['brown fox']);
        await poll(() => highlighted(grace.page)).toEqual(['brown fox']);

        // Clicking the highlighted phrase shows its thread as the active one.
        await selectPhrase(grace.page, STORY, 'fox');
        await grace.page.evaluate(() => window.getSelection()?.collapseToStart());
        await sectionBody(grace.page, STORY).dispatchEvent('click');
        await poll(() => grace.page.locator('.cm-thread--active').count()).toBe(1);

        // Ada resolves; Grace sees it resolved, the open count and highlight go.
        await thread(ada.page).getByRole('button', { name: 'Resolve' }).click();
        await poll(() => highlighted(grace.page)).toEqual([]);
        await grace.page.getByText('No open comments. Select text and press Ctrl+Alt+M').waitFor();
        await grace.page.getByRole('radio', { name: 'Resolved (1)' }).click();
        await poll(() => thread(grace.page).innerText()).toContain('Resolved by Ada');
        await poll(() => thread(grace.page).locator('.cm-quote').innerText()).toBe('brown fox');

        // Reopened after more typing before it, it is still on the phrase.
        await graceBody.click();
        await grace.page.keyboard.press('Control+Home');
        await grace.page.keyboard.type('Note. ');
        await thread(grace.page).getByRole('button', { name: 'Reopen' }).click();
        await grace.page.getByRole('radio', { name: 'Open (1)' }).click();
        await poll(() => highlighted(ada.page)).toEqual(['brown fox']);

        // Jumping from the panel selects the phrase in the text.
        await ada.page.locator('.edition-scroll').evaluate((el) => el.scrollTo(0, 0));
        await thread(ada.page)
          .getByRole('button', { name: /brown fox/ })
          .click();
        await poll(() => ada.page.evaluate(() => window.getSelection()?.toString())).toBe(
          'brown fox',
        );
        expect(await ada.page.locator('.cm-thread--active').count()).toBe(1);

        // The phrase is deleted: the thread stays, "on deleted text", with its quote.
        await selectPhrase(ada.page, STORY, 'brown fox');
        await ada.page.keyboard.press('Backspace');
        await poll(() => highlighted(grace.page)).toEqual([]);
        await poll(() => thread(grace.page).locator('.cm-anchor').innerText()).toMatch(
          /on deleted text\s*brown fox/,
        );

        expect(ada.errors).toEqual([]);
        expect(grace.errors).toEqual([]);
        await ada.context.close();
        await grace.context.close();
      } finally {
        await server.close();
      }
    },
  );

  it(
    'Ctrl+Alt+M pressed before the editor has seen the new selection still comments on it',
    { timeout: 180_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Quick', from: 'blank' }),
        );
        const ada = await openAs(chromium.browser, server.openUrl, 'Ada');
        await openEdition(ada.page, id);
        const body = sectionBody(ada.page, STORY);
        await body.click();
        await ada.page.keyboard.type('Select these words quickly.');
        await poll(() => body.innerText()).toContain('quickly.');
        // The selection and the shortcut in one task: the browser's selectionchange, which
        // tells the editor about the selection, has not run when the key arrives.
        await body.evaluate((root) => {
          const text = document.createTreeWalker(root, NodeFilter.SHOW_TEXT).nextNode()!;
          const at = text.textContent!.indexOf('these words');
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + 'these words'.length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          root.dispatchEvent(
            new KeyboardEvent('keydown', {
              key: 'm',
              code: 'KeyM',
              ctrlKey: true,
              altKey: true,
              bubbles: true,
              cancelable: true,
            }),
          );
        });
        await ada.page.getByRole('textbox', { name: 'New comment' }).fill('Which words?');
        await ada.page.keyboard.press('Control+Enter');
        await poll(() => highlighted(ada.page)).toEqual(['these words']);
        expect(ada.errors).toEqual([]);
        await ada.context.close();
      } finally {
        await server.close();
      }
    },
  );

  it(
    'shows hostile comment text as text: no script runs, no element is made from it',
    { timeout: 180_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Hostile', from: 'blank' }),
        );
        const ada = await openAs(chromium.browser, server.openUrl, 'Ada');
        await openEdition(ada.page, id);
        await sectionBody(ada.page, STORY).click();
        await ada.page.keyboard.type('Plain words to comment on.');
        const hostile =
          '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ' +
          'javascript:window.__pwned=3 <a href="javascript:window.__pwned=4">x</a> ' +
          'https://example.com/ok';
        await selectPhrase(ada.page, STORY, 'Plain words');
        await ada.page.keyboard.press('Control+Alt+m');
        await ada.page.getByRole('textbox', { name: 'New comment' }).fill(hostile);
        await ada.page.locator('.cm-draft').getByRole('button', { name: 'Comment' }).click();
        // A field comment with the same text, on the subject line.
        await ada.page.getByLabel('Subject line').fill('Subject <b>bold</b>');
        await ada.page.getByLabel('Subject line').focus();
        await ada.page.keyboard.press('Control+Alt+m');
        await ada.page.getByRole('textbox', { name: 'New comment' }).fill(hostile);
        await ada.page.keyboard.press('Control+Enter');

        const texts = ada.page.locator('.cm-thread .cm-text');
        await poll(() => texts.count()).toBe(2);
        for (const text of await texts.all()) expect(await text.innerText()).toBe(hostile);
        await ada.page.getByText('on the subject line').waitFor();
        await new Promise((resolve) => setTimeout(resolve, 500));
        const found = await ada.page.evaluate(() => ({
          pwned: (window as { __pwned?: unknown }).__pwned ?? null,
          images: document.querySelectorAll('img[src="x"]').length,
          scripts: document.querySelectorAll('.sp-side script, .cm-thread script').length,
          scriptLinks: document.querySelectorAll('a[href^="javascript" i]').length,
          okLinks: [...document.querySelectorAll('.cm-text a')].map((a) => a.getAttribute('href')),
          bold: document.querySelectorAll('.cm-thread b').length,
        }));
        expect(found).toEqual({
          pwned: null,
          images: 0,
          scripts: 0,
          scriptLinks: 0,
          // Only the checked web link is a link, once per thread.
          okLinks: ['https://example.com/ok', 'https://example.com/ok'],
          bold: 0,
        });
        expect(ada.errors).toEqual([]);
        await ada.context.close();
      } finally {
        await server.close();
      }
    },
  );

  for (const scheme of ['light', 'dark'] as const) {
    it(
      `screenshots of highlighted anchors and the Comments panel (${scheme})`,
      { timeout: 180_000 },
      async () => {
        const server = await startWorkbench(tempDir());
        try {
          const { id } = value(
            await server.backend.invoke('editions.create', {
              title: 'Field Notes #44',
              from: 'blank',
            }),
          );
          const ada = await openAs(chromium.browser, server.openUrl, 'Ada Lovelace', {
            colorScheme: scheme,
          });
          const grace = await openAs(chromium.browser, server.openUrl, 'Grace Hopper', {
            colorScheme: scheme,
          });
          await openEdition(ada.page, id);
          await openEdition(grace.page, id);
          const body = sectionBody(ada.page, STORY);
          await body.click();
          await ada.page.keyboard.type(
            'Local-first software keeps your work on your own machine. Sync is a feature, not a requirement: the app works offline and merges edits when the network comes back.',
          );
          await poll(() => sectionBody(grace.page, STORY).innerText()).toContain('comes back.');
          await selectPhrase(grace.page, STORY, 'on your own machine');
          await grace.page.keyboard.press('Control+Alt+m');
          await grace.page
            .getByRole('textbox', { name: 'New comment' })
            .fill('Can we cite the Ink & Switch essay here? @Ada Lovelace');
          await grace.page.keyboard.press('Control+Enter');
          await selectPhrase(ada.page, STORY, 'merges edits');
          await ada.page.keyboard.press('Control+Alt+m');
          await ada.page
            .getByRole('textbox', { name: 'New comment' })
            .fill('Say how conflicts are handled, see https://crdt.tech');
          await ada.page.keyboard.press('Control+Enter');
          await poll(async () => (await highlighted(ada.page)).length).toBe(2);
          await thread(ada.page)
            .getByRole('textbox', { name: /Reply to/ })
            .fill('Good idea, adding a footnote.');
          await thread(ada.page).getByRole('button', { name: 'Reply', exact: true }).click();
          await ada.page.locator('article.section-card').nth(1).scrollIntoViewIfNeeded();
          // A selection shows the floating Comment button.
          await selectPhrase(ada.page, STORY, 'Sync is a feature');
          await ada.page.getByRole('button', { name: /^Comment on the selection/ }).waitFor();
          await new Promise((resolve) => setTimeout(resolve, 300));
          const path = join(SHOTS, `comments-${scheme}.png`);
          await ada.page.screenshot({ path });
          expect(statSync(path).size).toBeGreaterThan(10_000);
          expect(ada.errors).toEqual([]);
          await ada.context.close();
          await grace.context.close();
        } finally {
          await server.close();
        }
      },
    );
  }
});
