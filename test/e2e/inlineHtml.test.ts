import { describe, expect, it } from 'vitest';
import { shotsDir } from '../helpers/shotsDir.ts';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();
const OUT = shotsDir('inline-html');

const MARKDOWN = `# Shortcuts

## Keys

Press <kbd>Ctrl</kbd>+<kbd>K</kbd> to search <!-- a note -->, or <span class="hint">ask</span> a colleague.
`;

/**
 * Inline raw HTML imported from Markdown shows in the editor as small inert chips among the
 * words: selectable and deletable, never parsed (the source is text on the page). Screenshots
 * in light and dark go to shotsDir('inline-html').
 */
describe('inline HTML in the workbench editor', () => {
  it.each(['light', 'dark'] as const)(
    'shows chips (%s), and Backspace deletes one, which the Markdown export loses',
    { timeout: 120_000 },
    async (scheme) => {
      const server = await startWorkbench(tempDir());
      try {
        const { summary } = value(
          await server.backend.invoke('editions.import', { markdown: MARKDOWN }),
        );
        const id = summary.id;
        const { context, page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
          { colorScheme: scheme },
        );
        await page.locator('article.section-card').first().scrollIntoViewIfNeeded();
        const body = sectionBody(page, 'Keys');
        const chips = body.locator('[data-inline-html]');
        await expect.poll(() => chips.count()).toBe(7);
        expect(await chips.allInnerTexts()).toEqual([
          '<kbd>',
          '</kbd>',
          '<kbd>',
          '</kbd>',
          '<!-- a note -->',
          '<span class="hint">',
          '</span>',
        ]);
        // Inert: the source is text, no element of it exists in the page.
        expect(await body.locator('kbd, span.hint').count()).toBe(0);
        expect(await chips.first().getAttribute('title')).toMatch(/leave it out/);
        await page.screenshot({ path: `${OUT}/editor-${scheme}.png` });

        // Click the last chip (`</span>`) to select it, then delete it.
        await chips.last().click();
        await expect.poll(() => chips.last().getAttribute('class')).toContain('ge-selected');
        await page.screenshot({ path: `${OUT}/editor-selected-${scheme}.png` });
        await page.keyboard.press('Backspace');
        await expect.poll(() => chips.count()).toBe(6);
        await expect
          .poll(
            async () =>
              value(await server.backend.invoke('export.render', { id, format: 'markdown' }))
                .content,
          )
          .toContain('<span class="hint">ask a colleague.');
        const markdown = value(
          await server.backend.invoke('export.render', { id, format: 'markdown' }),
        ).content;
        expect(markdown).toContain(
          'Press <kbd>Ctrl</kbd>+<kbd>K</kbd> to search <!-- a note -->, or <span class="hint">ask a colleague.',
        );
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );
});
