import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, startWorkbench, value } from '../helpers/workbench.ts';

const tempDir = useTempDir();
const chromium = useChromium();

describe('hosting and joining a session from the workbench', () => {
  it(
    'hands out an invite link that another editor’s Galley joins, and leaving keeps the copy',
    { timeout: 120_000 },
    async () => {
      const hostA = await startWorkbench(tempDir());
      const hostB = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await hostA.backend.invoke('editions.create', { title: 'Shared desk', from: 'blank' }),
        );
        const ada = await openAs(chromium.browser, hostA.openUrl, 'Ada');
        await ada.page.getByRole('button', { name: 'Share…' }).click();
        const adaDialog = ada.page.getByRole('dialog', { name: 'Co-edit with colleagues' });
        await adaDialog.getByRole('button', { name: 'Start hosting' }).click();
        const linkField = adaDialog.getByLabel(/Invite link/);
        await expect.poll(() => linkField.inputValue()).toMatch(/^galley:\/\/join\?url=ws/);
        const invite = await linkField.inputValue();

        const grace = await openAs(chromium.browser, hostB.openUrl, 'Grace');
        await grace.page.getByRole('button', { name: 'Share…' }).click();
        const graceDialog = grace.page.getByRole('dialog', { name: 'Co-edit with colleagues' });
        await graceDialog.getByRole('tab', { name: 'Join a session' }).click();
        // A malformed link is refused in words before anything connects.
        await graceDialog
          .getByLabel('Invite link')
          .fill('galley://join?url=javascript:alert(1)&token=x');
        await graceDialog.getByRole('button', { name: 'Join' }).click();
        await graceDialog.getByRole('alert').waitFor();
        await graceDialog.getByLabel('Invite link').fill(invite);
        await graceDialog.getByRole('button', { name: 'Join' }).click();
        const linked = graceDialog.getByRole('list', { name: 'Linked hubs' });
        await expect.poll(() => linked.innerText(), { timeout: 15_000 }).toMatch(/^connected/im);
        await expect
          .poll(
            async () =>
              value(await hostB.backend.invoke('editions.list', {})).some((e) => e.id === id),
            { timeout: 15_000 },
          )
          .toBe(true);

        // Leaving drops the link and keeps Grace's replica of the shared edition.
        await linked.getByRole('button', { name: 'Leave' }).click();
        await expect.poll(() => linked.count()).toBe(0);
        expect(value(await hostB.backend.invoke('editions.get', { id })).edition.title).toBe(
          'Shared desk',
        );
        expect(ada.errors).toEqual([]);
        expect(grace.errors).toEqual([]);
        await ada.context.close();
        await grace.context.close();
      } finally {
        await hostB.close();
        await hostA.close();
      }
    },
  );
});
