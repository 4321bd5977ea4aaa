import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shotsDir } from '../helpers/shotsDir.ts';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();

describe('a quote of several blocks in the workbench editor', () => {
  it(
    'wraps two paragraphs with the quote shortcut, Enter twice leaves it, and the hub has it',
    { timeout: 120_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Quotes', from: 'blank' }),
        );
        const { context, page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        const body = sectionBody(page, 'Untitled story');
        await body.scrollIntoViewIfNeeded();
        await body.click();
        await page.keyboard.type('Thanks for the draft.');
        await page.keyboard.press('Enter');
        await page.keyboard.type('Two things before it goes out.');
        // Both paragraphs selected, then the quote shortcut (as the toolbar's Quote does).
        await page.keyboard.press('Shift+ArrowUp');
        await page.keyboard.press('Shift+Home');
        await page.keyboard.press('Control+Shift+Digit9');
        const quote = body.locator('blockquote.ge-quote-block');
        await expect.poll(() => quote.locator('p').count()).toBe(2);

        // To the end of the quote: Enter opens a paragraph in it, Enter on that empty one leaves.
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Control+End');
        // The caret at the quote's end before Enter (a person sees it there first).
        const caretAtEnd = async () =>
          (await page.evaluate(`(() => {
            const s = document.getSelection();
            const text = (s && s.anchorNode && s.anchorNode.textContent) || '';
            return !!s && s.isCollapsed && text.endsWith('goes out.') && s.anchorOffset === text.length;
          })()`)) === true;
        await expect.poll(caretAtEnd).toBe(true);
        await page.keyboard.press('Enter');
        // The new empty paragraph is in the quote; Enter on it leaves.
        await expect.poll(() => quote.locator('p').count()).toBe(3);
        await page.keyboard.press('Enter');
        await page.keyboard.type('After the quote.');
        await expect
          .poll(() => body.locator(':scope p', { hasText: 'After the quote.' }).count())
          .toBe(1);
        expect(await quote.locator('p').count()).toBe(2);
        expect(await quote.innerText()).not.toContain('After the quote.');

        await expect
          .poll(
            async () =>
              value(await server.backend.invoke('export.render', { id, format: 'markdown' }))
                .content,
          )
          .toContain(
            '> Thanks for the draft.\n>\n> Two things before it goes out.\n\nAfter the quote.',
          );
        await body.screenshot({ path: join(shotsDir('quote-editor'), 'quote-editor.png') });

        // Backspace at the very start of the quote takes its first paragraph out of it.
        await page.keyboard.press('Control+Home');
        // The caret at the quote's start before Backspace (a person sees it there first).
        const caretAtStart = async () =>
          (await page.evaluate(`(() => {
            const s = document.getSelection();
            return !!s && s.isCollapsed && s.anchorOffset === 0 &&
              (s.anchorNode.textContent || '').startsWith('Thanks for the draft.');
          })()`)) === true;
        await expect.poll(caretAtStart).toBe(true);
        await page.keyboard.press('Backspace');
        await expect.poll(() => quote.locator('p').count()).toBe(1);
        expect(await quote.innerText()).toBe('Two things before it goes out.');
        await expect
          .poll(
            async () =>
              value(await server.backend.invoke('export.render', { id, format: 'markdown' }))
                .content,
          )
          .toContain('Thanks for the draft.\n\n<!-- galley:quote-block -->\n\n> Two things');
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );

  it(
    'the quote shortcut pressed before the editor has seen the new selection wraps what is selected',
    { timeout: 120_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Quick', from: 'blank' }),
        );
        const { context, page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        const body = sectionBody(page, 'Untitled story');
        await body.scrollIntoViewIfNeeded();
        await body.click();
        await page.keyboard.type('First paragraph.');
        await page.keyboard.press('Enter');
        await page.keyboard.type('Second paragraph.');
        await expect.poll(() => body.locator('p').count()).toBe(2);
        // The selection and the shortcut in one task: selectionchange, which tells the editor
        // about the selection, has not run when the key arrives.
        await body.evaluate((root) => {
          const texts: Node[] = [];
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
          const last = texts[texts.length - 1]!;
          const range = document.createRange();
          range.setStart(texts[0]!, 0);
          range.setEnd(last, last.textContent!.length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          root.dispatchEvent(
            new KeyboardEvent('keydown', {
              key: '(',
              code: 'Digit9',
              ctrlKey: true,
              shiftKey: true,
              bubbles: true,
              cancelable: true,
            }),
          );
        });
        const quote = body.locator('blockquote.ge-quote-block');
        await expect.poll(() => quote.locator('p').count()).toBe(2);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );
});
