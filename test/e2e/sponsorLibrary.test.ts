import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, startWorkbench, value } from '../helpers/workbench.ts';

// Screenshots of the library and of the update offer for a person to look at.
const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'sponsors');
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const tempDir = useTempDir();
const chromium = useChromium();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

describe('the sponsor library in the workbench', () => {
  it(
    'adds a sponsor, inserts it into the edition, and updates unsent editions after an edit',
    {
      timeout: 90_000,
    },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Issue 8', from: 'blank' }),
        );
        const { page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        await page.getByRole('button', { name: '+ Sponsor from library…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Sponsor library' });
        await dialog.getByText(/No sponsors yet/).waitFor();
        await dialog.getByRole('button', { name: 'New sponsor' }).click();
        await dialog.getByLabel('Name').fill('Ledgerline');
        await dialog.getByLabel('Link').fill('https://ledgerline.example.com/');
        await dialog.getByLabel('Call to action (button label)').fill('Start a trial');
        await dialog.getByLabel('Disclosure line').fill('Sponsored by Ledgerline.');
        await dialog.locator('input[type=file]').setInputFiles({
          name: 'logo.png',
          mimeType: 'image/png',
          buffer: Buffer.from(PNG_1X1, 'base64'),
        });
        await dialog.getByRole('img', { name: "The sponsor's logo" }).waitFor();
        // A bad link is refused in words, and nothing is saved.
        await dialog.getByLabel('Link').fill('ledgerline');
        await dialog.getByRole('button', { name: 'Save sponsor' }).click();
        await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/not a web address/);
        await dialog.getByLabel('Link').fill('https://ledgerline.example.com/');
        await dialog.getByRole('button', { name: 'Save sponsor' }).click();
        const list = dialog.getByRole('list', { name: 'Sponsors' });
        await list.getByText('Ledgerline').waitFor();
        const [record] = value(await server.backend.invoke('sponsors.list', {}));
        expect(record?.logo).toMatch(/^[0-9a-f]{64}$/);
        await page.screenshot({ path: join(OUT, 'library-light.png') });
        await list.getByRole('button', { name: 'Insert' }).click();
        await dialog.waitFor({ state: 'hidden' });

        const details = page.getByRole('group', { name: 'Sponsor details' });
        await expect.poll(() => details.getByLabel('Sponsor').inputValue()).toBe('Ledgerline');
        expect(await details.getByLabel('Button label').inputValue()).toBe('Start a trial');

        // The record changes: the unsent edition is offered the new details and takes them.
        await page.getByRole('button', { name: '+ Sponsor from library…' }).click();
        await list.getByRole('button', { name: 'Edit' }).click();
        await dialog.getByLabel('Call to action (button label)').fill('Try it free');
        await dialog.getByRole('button', { name: 'Save sponsor' }).click();
        const offer = dialog.getByRole('group', { name: 'Update unsent editions' });
        await offer.getByText('Issue 8').waitFor();
        await page.screenshot({ path: join(OUT, 'update-offer-light.png') });
        await offer.getByRole('button', { name: 'Update them' }).click();
        await expect
          .poll(() => details.getByLabel('Button label').inputValue(), { timeout: 10_000 })
          .toBe('Try it free');
        expect(errors).toEqual([]);
      } finally {
        await server.close();
      }
    },
  );
});
