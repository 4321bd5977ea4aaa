import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();

describe('when the hub goes away', () => {
  it(
    'says so, keeps typing without waiting, and sends everything when it is back',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      let server = await startWorkbench(dir);
      const { port } = server;
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Away', from: 'blank' }),
        );
        const { context, page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        const status = page.getByTestId('sync-status');
        const body = sectionBody(page, 'Untitled story');
        await body.click();
        await page.keyboard.type('Before. ');
        await expect.poll(() => status.innerText()).toBe('Local only');

        await server.close();
        await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('Reconnecting…');
        // Typing goes on while nobody listens: it lands in the page at once.
        await page.keyboard.type('While away.');
        expect(await body.innerText()).toContain('Before. While away.');
        await expect
          .poll(() => status.innerText(), { timeout: 15_000 })
          .toBe('Offline · edits saved here');

        server = await startWorkbench(dir, { port, tokens: [server.token] });
        await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('Local only');
        await expect
          .poll(
            async () =>
              value(await server.backend.invoke('export.render', { id, format: 'text' })).content,
            { timeout: 15_000 },
          )
          .toContain('Before. While away.');
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );
});
