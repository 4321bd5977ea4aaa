import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();

// What a web page or a document could put on the clipboard, with every trick at once.
const HOSTILE_HTML = `
<h1 onclick="alert(1)">Pasted headline</h1>
<script>window.__pwned = true</script>
<p style="color:red" onmouseover="window.__pwned = true">Safe text with
  <a href="javascript:window.__pwned=true">a script link</a>,
  <a href="data:text/html,<script>alert(1)</script>">a data link</a>,
  <a href="https://example.org/ok" onclick="window.__pwned=true">a good link</a>
  and <img src="x" onerror="window.__pwned = true"> an image.</p>
<iframe src="https://evil.example/"></iframe>
<svg onload="window.__pwned = true"><circle r="5"/></svg>
<form action="https://evil.example/"><input value="phish"></form>
<style>body { display: none }</style>`;

// Dispatches a real paste event with this HTML on the focused editor.
const PASTE = `(() => {
  const data = new DataTransfer();
  data.setData('text/html', ${JSON.stringify(HOSTILE_HTML)});
  data.setData('text/plain', 'Pasted headline Safe text');
  const target = document.activeElement;
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
})()`;

describe('pasting hostile HTML', () => {
  it(
    'keeps the text and the safe link, and nothing that could run, in the editor and every export',
    { timeout: 90_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Paste', from: 'blank' }),
        );
        const { context, page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        const body = sectionBody(page, 'Untitled story');
        await body.click();
        await page.evaluate(PASTE);
        await expect.poll(() => body.innerText()).toContain('Safe text');

        const html = await body.innerHTML();
        expect(html).toContain('Pasted headline');
        expect(html).not.toMatch(
          /<script|<iframe|<svg|<form|<style|<img|onclick|onerror|onmouseover|onload|javascript:|data:text/i,
        );
        expect(html).toContain('href="https://example.org/ok"');
        expect(await page.evaluate('window.__pwned === true')).toBe(false);
        // Every heading level is in the model: the h1 keeps its level, without its handler.
        expect(await body.locator('h1').innerText()).toBe('Pasted headline');

        // Every export of the edition is as clean (the hub has the paste by now).
        await expect
          .poll(
            async () =>
              value(await server.backend.invoke('export.render', { id, format: 'text' })).content,
          )
          .toContain('Safe text');
        for (const format of ['email', 'markdown', 'text'] as const) {
          const { content } = value(await server.backend.invoke('export.render', { id, format }));
          expect(content).toContain('a good link');
          expect(content).not.toMatch(
            /javascript:|data:text|__pwned|onerror|onclick|<script|<iframe/i,
          );
        }
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );
});
