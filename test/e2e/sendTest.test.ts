import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { startSmtpServer } from '../helpers/smtpServer.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, startWorkbench, value } from '../helpers/workbench.ts';

// Screenshots for a person to look at: the settings dialog and the panel after a failure.
const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'send');
const tempDir = useTempDir();
const chromium = useChromium();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

describe('sending a test from the Export panel', () => {
  it(
    'sets up sending in the publication settings, sends to a real SMTP server, and shows a wrong password in words',
    { timeout: 120_000 },
    async () => {
      const smtp = await startSmtpServer({ user: 'editor', password: 'right horse' });
      // The password the backend is handed, as `galley serve` reads it from its environment.
      let password = 'right horse';
      const server = await startWorkbench(tempDir(), {
        mail: {
          password: () => password,
          passwordOrigin: 'GALLEY_SMTP_PASSWORD',
          trustedCertificates: () => [smtp.cert],
        },
      });
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Test send', from: 'sample' }),
        );
        const { page, errors } = await openAs(
          chromium.browser,
          `${server.openUrl}#/edition/${id}`,
          'Ada',
        );
        await page.getByRole('tab', { name: 'Export' }).click();
        const panel = page.getByRole('region', { name: 'Send a test' });
        await panel.getByRole('button', { name: 'Set up sending…' }).click();

        const settings = page.getByRole('dialog', { name: 'Publication settings' });
        await settings.getByLabel('SMTP server').fill('127.0.0.1');
        await settings.getByLabel('Port', { exact: true }).fill(String(smtp.port));
        await settings.getByLabel('User', { exact: true }).fill('editor');
        await settings.getByLabel('From address').fill('editors@example.org');
        await page.screenshot({ path: join(OUT, 'settings-light.png') });
        await settings.getByRole('button', { name: 'Save settings' }).click();
        await settings.waitFor({ state: 'hidden' });

        await expect.poll(() => panel.innerText()).toContain(`via 127.0.0.1:${smtp.port}`);
        await panel.getByLabel('To').fill('ada@example.org, grace@example.org');
        await panel.getByRole('button', { name: 'Send test' }).click();
        await expect
          .poll(() => panel.getByRole('status').innerText(), { timeout: 20_000 })
          .toBe('Sent a test to ada@example.org, grace@example.org.');
        expect(smtp.messages).toHaveLength(1);
        const mail = await simpleParser(smtp.messages[0]!);
        expect(mail.subject).toMatch(/^\[Test\] /);
        expect(mail.html).toBeTruthy();
        expect(mail.text).toBeTruthy();

        // The login is refused: the editor reads why and what to do, not a code.
        password = 'wrong horse';
        await panel.getByRole('button', { name: 'Send test' }).click();
        const alert = panel.getByText(/The test was not sent:/);
        await alert.waitFor({ timeout: 20_000 });
        expect(await alert.innerText()).toMatch(
          /refused the login of editor.*GALLEY_SMTP_PASSWORD/,
        );
        expect(smtp.messages).toHaveLength(1);
        await panel.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(OUT, 'send-failed-light.png') });
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: join(OUT, 'send-failed-dark.png') });
        expect(errors).toEqual([]);
      } finally {
        await server.close();
        await smtp.close();
      }
    },
  );
});
