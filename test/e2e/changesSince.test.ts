import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/core/index.ts';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';
import { shotsDir } from '../helpers/shotsDir.ts';

const tempDir = useTempDir();
const chromium = useChromium();
const OUT = shotsDir('changes');
const WAIT = { timeout: 15_000 };

async function openEdition(page: Page, id: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/edition/${id}`)}`);
  await page.getByLabel('Edition title').waitFor();
}

/** The text under the "new since you last looked" highlight (empty when none). */
function highlighted(page: Page): Promise<string> {
  return page.evaluate(
    `[...(CSS.highlights.get('ge-new-text') ?? [])].map((r) => r.toString()).join('|')`,
  ) as Promise<string>;
}

/** The section bodies as the hub has them, as JSON text. */
function bodyText(edition: Edition): string {
  return JSON.stringify(edition.sections.map((s) => s.body));
}

describe('what changed since I last looked, and compare versions', () => {
  it(
    'A sees what B typed while A was away, dismisses it, and compares a version with now',
    { timeout: 150_000 },
    async () => {
      const server = await startWorkbench(tempDir());
      try {
        const { id } = value(
          await server.backend.invoke('editions.create', { title: 'Review me', from: 'blank' }),
        );
        const other = value(
          await server.backend.invoke('editions.create', { title: 'Elsewhere', from: 'blank' }),
        );
        const getEdition = async () =>
          value(await server.backend.invoke('editions.get', { id })).edition;

        // Ada writes, a version is saved, and Ada goes to another edition.
        const ada = await openAs(chromium.browser, `${server.openUrl}#/edition/${id}`, 'Ada');
        await ada.page.locator('article.section-card').first().scrollIntoViewIfNeeded();
        const adaBody = sectionBody(ada.page, 'Untitled story');
        await expect.poll(() => adaBody.getAttribute('aria-busy'), WAIT).toBeNull();
        await adaBody.click();
        await ada.page.keyboard.type('Ada drafted this opening line.');
        await expect.poll(async () => bodyText(await getEdition()), WAIT).toContain('opening line');
        const before = value(
          await server.backend.invoke('versions.create', { editionId: id, label: 'Before Bo' }),
        );
        // Nothing Ada wrote herself is new to her.
        expect(await highlighted(ada.page)).toBe('');
        await openEdition(ada.page, other.id);

        // Bo adds a sentence while Ada is away.
        const bo = await openAs(chromium.browser, `${server.openUrl}#/edition/${id}`, 'Bo');
        await bo.page.locator('article.section-card').first().scrollIntoViewIfNeeded();
        const boBody = sectionBody(bo.page, 'Untitled story');
        await expect.poll(() => boBody.innerText(), WAIT).toContain('opening line');
        await boBody.click();
        await bo.page.keyboard.press('Control+End');
        await bo.page.keyboard.type(' Bo added ZEBRA facts.');
        await expect.poll(async () => bodyText(await getEdition()), WAIT).toContain('ZEBRA');
        // Bo's client is credited to Bo in the edition doc (written on his first edit).
        await expect
          .poll(
            () =>
              server.backend.editions.host.peek(`edition:${id}`, (doc) =>
                JSON.stringify(doc.getMap('editors').toJSON()),
              ),
            WAIT,
          )
          .toContain('"name":"Bo"');
        await bo.context.close();

        // Ada comes back: Bo's sentence is highlighted, the section is marked, hers is not.
        await openEdition(ada.page, id);
        await ada.page.locator('article.section-card').first().scrollIntoViewIfNeeded();
        await ada.page.getByText('1 section changed since you last looked.').waitFor();
        await ada.page
          .getByRole('navigation', { name: 'Outline' })
          .getByRole('button', { name: /changed since you last looked/ })
          .waitFor();
        await ada.page.getByText('New since you last looked: text by Bo').waitFor();
        await expect.poll(() => highlighted(ada.page), WAIT).toContain('Bo added ZEBRA facts.');
        expect(await highlighted(ada.page)).not.toContain('Ada drafted');
        await ada.page.getByText('New since you last looked: text by Bo').scrollIntoViewIfNeeded();
        for (const scheme of ['light', 'dark'] as const) {
          await ada.page.emulateMedia({ colorScheme: scheme });
          await ada.page.screenshot({ path: join(OUT, `what-changed-${scheme}.png`) });
        }
        await ada.page.emulateMedia({ colorScheme: 'light' });

        // Dismissed in the section: the highlight, the bar, the banner and the dot go.
        await ada.page.getByRole('button', { name: 'Mark as seen' }).click();
        await expect.poll(() => highlighted(ada.page), WAIT).toBe('');
        await expect
          .poll(() => ada.page.getByText('1 section changed since you last looked.').count(), WAIT)
          .toBe(0);
        expect(
          await ada.page
            .getByRole('navigation', { name: 'Outline' })
            .getByRole('button', { name: /changed since you last looked/ })
            .count(),
        ).toBe(0);
        // And it stays seen when she comes back.
        await openEdition(ada.page, other.id);
        await openEdition(ada.page, id);
        await ada.page.locator('article.section-card').first().scrollIntoViewIfNeeded();
        await adaBody.waitFor();
        await expect.poll(() => adaBody.innerText(), WAIT).toContain('ZEBRA');
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await highlighted(ada.page)).toBe('');

        // Compare "Before Bo" with now: Bo's sentence is an insertion credited to Bo.
        await ada.page.getByRole('tab', { name: /Versions/ }).click();
        await ada.page.getByRole('button', { name: `Compare “${before.label}” with now` }).click();
        const inserted = ada.page.locator('.cmp-ins[data-author="Bo"]');
        await inserted.first().waitFor(WAIT);
        expect(await inserted.first().innerText()).toContain('Bo added ZEBRA facts.');
        expect(await inserted.first().getAttribute('title')).toBe('Added by Bo');
        for (const scheme of ['light', 'dark'] as const) {
          await ada.page.emulateMedia({ colorScheme: scheme });
          await expect
            .poll(() => ada.page.evaluate('document.documentElement.dataset.theme'))
            .toBe(scheme);
          const path = join(OUT, `compare-${scheme}.png`);
          await ada.page.screenshot({ path });
          expect(statSync(path).size).toBeGreaterThan(10_000);
        }

        // Comparing the version with itself is the empty state.
        await ada.page
          .getByRole('combobox', { name: 'To', exact: true })
          .selectOption({ label: before.label });
        await ada.page.getByText('Nothing differs').waitFor();
        expect(ada.errors).toEqual([]);

        // The edition credits each client to its editor.
        const editors = await server.backend.editions.host.peek(
          `edition:${id}`,
          (doc) => [...doc.getMap('editors').keys()].length,
        );
        expect(editors).toBe(2);
      } finally {
        await server.close();
      }
    },
  );
});
