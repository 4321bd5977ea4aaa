import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();

// Every trick at once, as an editor might paste a "partner block" into the HTML card dialog.
const HOSTILE = `<p onclick="window.__pwned=1">Partner text <a href="javascript:window.__pwned=1">js</a>
<a href="jav&#x09;ascript:window.__pwned=1">tab</a> <a href="https://partner.example/ok">ok</a></p>
<script>window.__pwned = 1; parent.__pwned = 1</script>
<img src="https://evil.example/x.png" alt="x" width="10" onerror="parent.__pwned=1">
<svg onload="parent.__pwned=1"><script>parent.__pwned=1</script></svg>
<iframe srcdoc="<script>parent.parent.__pwned=1</script>"></iframe>
<object data="https://evil.example/x"></object><embed src="https://evil.example/y">
<form action="https://evil.example/"><input value="phish"><button formaction="javascript:parent.__pwned=1">Go</button></form>
<style>@import url(https://evil.example/x.css); body{background:url(javascript:parent.__pwned=1)}</style>
<meta http-equiv="refresh" content="0;url=javascript:parent.__pwned=1"><base href="https://evil.example/">
<div style="width:expression(parent.__pwned=1);behavior:url(https://evil.example/x.htc)">Styled</div>`;

describe('a hostile HTML card in the workbench', () => {
  it(
    'shows a sanitized preview in which nothing runs, no dialog opens and no request leaves',
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
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        // Requests that would leave the machine, with the frame that made them. The email
        // preview panel shows the card's https image as the email would; the editor (the
        // page and the card's own preview) must request nothing.
        const outside: Array<{ url: string; frame: Frame }> = [];
        page.on('request', (request) => {
          const host = new URL(request.url()).hostname;
          if (
            !['127.0.0.1', 'localhost', '[::1]'].includes(host) &&
            !/^(data|about|blob):/.test(request.url())
          )
            outside.push({ url: request.url(), frame: request.frame() });
        });
        const body = sectionBody(page, 'Untitled story');
        await body.click();
        await page
          .getByRole('button', { name: /^HTML card/ })
          .first()
          .click();
        await page.getByLabel(/^HTML \(scripts/).fill(HOSTILE);
        await page.getByRole('button', { name: 'Insert HTML card' }).click();
        const frame = page.locator('iframe.ge-htmlcard__frame');
        await frame.waitFor();
        const preview = page.frameLocator('iframe.ge-htmlcard__frame');
        await expect.poll(() => preview.locator('body').innerText()).toContain('Partner text');
        const inner = await preview.locator('body').innerHTML();
        expect(inner).not.toMatch(
          /<script|<iframe|<svg|<form|<input|<button|<style|<object|<embed|<meta|<base|\son[a-z]+=|javascript:|expression\(|behavior/i,
        );
        expect(inner).toContain('href="https://partner.example/ok"');
        expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin');
        // Give anything that could run a moment to do so.
        await page.waitForTimeout(1000);
        expect(await page.evaluate('window.__pwned === undefined')).toBe(true);
        expect(dialogs).toEqual([]);
        const cardFrame = await (await frame.elementHandle())?.contentFrame();
        expect(cardFrame).toBeTruthy();
        expect(
          outside
            .filter((r) => r.frame === cardFrame || r.frame === page.mainFrame())
            .map((r) => r.url),
        ).toEqual([]);

        // The hub has the card; every export of it is as clean.
        await expect
          .poll(
            async () =>
              value(await server.backend.invoke('export.render', { id, format: 'text' })).content,
          )
          .toContain('Partner text');
        for (const format of ['email', 'markdown', 'text'] as const) {
          const { content } = value(await server.backend.invoke('export.render', { id, format }));
          const fromBody = format === 'email' ? content.slice(content.indexOf('<body')) : content;
          expect(fromBody).toContain('Partner text');
          expect(fromBody).not.toMatch(
            /javascript:|__pwned|onerror|onclick|<script|<iframe|@import|expression\(/i,
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
