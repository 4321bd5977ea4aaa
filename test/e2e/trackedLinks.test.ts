import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreEdition } from '../../src/core/index.ts';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

// A screenshot of the link bar for a person to look at.
const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'links');
const tempDir = useTempDir();
const chromium = useChromium();

const TOOL = 'https://tools.example.org/profiler';

describe('tracked links in the workbench', () => {
  it(
    'turns tracking off for one link from its popover, and the export leaves that link untagged',
    { timeout: 90_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { editions } = server.backend;
        const { id } = await editions.write(
          restoreEdition({
            title: 'Links',
            sections: [
              {
                kind: 'story',
                title: 'Toolkit',
                body: {
                  root: {
                    type: 'root',
                    children: [
                      {
                        type: 'paragraph',
                        children: [
                          { type: 'text', text: 'Try ' },
                          {
                            type: 'link',
                            url: TOOL,
                            children: [{ type: 'text', text: 'the profiler' }],
                          },
                          { type: 'text', text: ' this week.' },
                        ],
                      },
                    ],
                  },
                },
              },
            ],
          }),
        );
        const profile = value(await server.backend.invoke('profile.get', {}));
        value(
          await server.backend.invoke('profile.set', {
            profile: { ...profile, utm: { source: 'build-log', medium: 'email', campaign: 'w' } },
          }),
        );
        const finalUrl = async () =>
          value(await server.backend.invoke('links.list', { id })).links.find(
            (link) => link.url === TOOL,
          )?.finalUrl;
        expect(await finalUrl()).toBe(
          `${TOOL}?utm_source=build-log&utm_medium=email&utm_campaign=w`,
        );

        const { page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        await sectionBody(page, 'Toolkit').getByText('the profiler').click();
        const bar = page.getByRole('group', { name: 'Link' });
        const toggle = bar.getByRole('button', { name: 'Track clicks' });
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        await toggle.click();
        await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
        mkdirSync(OUT, { recursive: true });
        await page.screenshot({ path: join(OUT, 'link-untracked-light.png') });

        // The opt-out travels through Yjs to the backend, which reads it in the link's rel.
        await expect.poll(finalUrl, { timeout: 10_000 }).toBe(TOOL);
        const email = value(await server.backend.invoke('export.render', { id, format: 'email' }));
        expect(email.content).toContain(`href="${TOOL}"`);
        expect(email.content).not.toContain(`${TOOL}?utm_`);

        // The Checks panel lists each link with the URL a click goes to.
        await page.getByRole('tab', { name: 'Checks' }).click();
        const links = page.locator('details.sp-links');
        await links.locator('summary').click();
        // The list follows the edition after a pause in editing, like the other checks.
        await expect.poll(() => links.innerText(), { timeout: 10_000 }).not.toContain('utm_source');
        expect(await links.innerText()).toContain(TOOL);

        await bar.waitFor({ state: 'detached' }).catch(() => undefined);
        await sectionBody(page, 'Toolkit').getByText('the profiler').click();
        await toggle.click();
        await expect.poll(finalUrl, { timeout: 10_000 }).toMatch(/utm_source=build-log/);
        await expect
          .poll(() => links.innerText(), { timeout: 10_000 })
          .toContain(`${TOOL}?utm_source=build-log&utm_medium=email&utm_campaign=w`);
        await page.screenshot({ path: join(OUT, 'checks-links-light.png') });
        expect(errors).toEqual([]);
      } finally {
        await server.close();
      }
    },
  );
});
