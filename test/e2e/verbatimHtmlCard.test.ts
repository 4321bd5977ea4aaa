import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shotsDir } from '../helpers/shotsDir.ts';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();
const OUT = shotsDir('verbatim-html-card');

// Inert HTML the email sanitizer would change: a class, an id, a comment, a custom tag and
// a relative link.
const SOURCE = `<div id="tip" class="note"><!-- from the style guide -->
<warning>Mind the gap</warning> <a href="/about">About us</a> and <a href="https://partner.example/ok">the partner</a>
</div>`;

describe('an inert HTML card in the workbench', () => {
  it(
    'keeps its source as written in the source field and the Markdown; the preview and email stay strict',
    { timeout: 120_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Cards', from: 'blank' }),
        );
        const { context, page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        const body = sectionBody(page, 'Untitled story');
        await body.click();
        await page
          .getByRole('button', { name: /^HTML card/ })
          .first()
          .click();
        await page.getByLabel(/^HTML \(scripts/).fill(SOURCE);
        await page.getByRole('button', { name: 'Insert HTML card' }).click();
        const preview = page.frameLocator('iframe.ge-htmlcard__frame');
        await expect.poll(() => preview.locator('body').innerText()).toContain('Mind the gap');
        // The preview is the email form: none of what the email leaves out.
        const inner = await preview.locator('body').innerHTML();
        expect(inner).not.toMatch(/class="note"|id="tip"|<!--|<warning|href="\/about"/);
        expect(inner).toContain('href="https://partner.example/ok"');

        // Selected, the card shows its source exactly as written.
        await page.locator('.ge-htmlcard__body').first().click();
        const source = page.getByLabel(/^HTML \(kept as written/);
        await source.waitFor();
        expect(await source.inputValue()).toBe(SOURCE);
        await page.locator('.ge-htmlcard').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(OUT, 'source-and-preview.png') });

        // The hub has it as written: Galley Markdown gives it back, the email does not.
        await expect
          .poll(
            async () =>
              value(await server.backend.invoke('export.render', { id, format: 'markdown' }))
                .content,
          )
          .toContain(SOURCE);
        const email = value(await server.backend.invoke('export.render', { id, format: 'email' }));
        const fromBody = email.content.slice(email.content.indexOf('<body'));
        expect(fromBody).toContain('Mind the gap');
        expect(fromBody).not.toMatch(/class="note"|id="tip"|from the style guide|<warning/);
        const { findings } = value(await server.backend.invoke('editions.check', { id }));
        expect(findings.map((f) => f.code)).toContain('htmlcard-left-out');
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );
});
