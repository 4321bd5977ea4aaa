import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';

// A screenshot of the sent banner for a person to look at.
const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'sent');
const tempDir = useTempDir();
const chromium = useChromium();

describe('a sent edition in the workbench', () => {
  it(
    'opens read-only with the time it was sent, until the editor chooses Edit anyway',
    {
      timeout: 90_000,
    },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Issue 7', from: 'blank' }),
        );
        const sent = value(await server.backend.invoke('editions.markSent', { id }));
        expect(sent.summary.sentAt).toBeTruthy();

        const { page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        const banner = page.getByRole('status').filter({ hasText: /^Sent / });
        await banner.waitFor();
        expect(await banner.innerText()).toMatch(/read-only/);
        const body = sectionBody(page, 'Untitled story');
        await body.waitFor();
        expect(await body.getAttribute('contenteditable')).toBe('false');
        expect(await page.getByLabel('Section title').first().isDisabled()).toBe(true);
        expect(await page.getByRole('button', { name: '+ Story' }).count()).toBe(0);
        // The library says when it went out.
        await expect
          .poll(() => page.getByRole('navigation', { name: 'Library' }).innerText())
          .toMatch(/sent \d/i);
        expect(await page.getByLabel('Add a section at the end').isHidden()).toBe(true);
        mkdirSync(OUT, { recursive: true });
        await page.screenshot({ path: join(OUT, 'sent-light.png') });

        await banner.getByRole('button', { name: 'Edit anyway' }).click();
        await expect.poll(() => body.getAttribute('contenteditable')).toBe('true');
        expect(await page.getByLabel('Section title').first().isDisabled()).toBe(false);
        await body.click();
        await page.keyboard.type('A correction.');
        await expect
          .poll(async () => {
            const { edition } = value(await server.backend.invoke('editions.get', { id }));
            return JSON.stringify(edition.sections[1]?.body ?? edition.sections[0]?.body);
          })
          .toContain('A correction.');
        expect(errors).toEqual([]);
      } finally {
        await server.close();
      }
    },
  );
});
