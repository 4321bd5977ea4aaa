import { describe, expect, it } from 'vitest';
import { useChromium } from '../helpers/useChromium.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { openAs, sectionBody, startWorkbench, value } from '../helpers/workbench.ts';
import { shotsDir } from '../helpers/shotsDir.ts';

const tempDir = useTempDir();
const chromium = useChromium();
const SHOTS = shotsDir('roundup');

describe('a link roundup section in the browser', () => {
  it(
    'adds a roundup, fills two items, reorders them with Alt+Down and the preview follows',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const server = await startWorkbench(dir);
      try {
        const { context, page, errors } = await openAs(chromium.browser, server.openUrl, 'Ada');
        await page.getByRole('button', { name: '+ New' }).click();
        const dialog = page.getByRole('dialog', { name: 'New edition' });
        await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Links #1');
        await dialog.getByLabel(/A blank edition/).check();
        await dialog.getByRole('button', { name: 'Create edition' }).click();
        await expect.poll(() => page.getByLabel('Edition title').inputValue()).toBe('Links #1');

        await page
          .getByRole('group', { name: 'Add a section' })
          .getByRole('button', { name: '+ Roundup', exact: true })
          .click();
        const card = page.locator('article.section-card.kind-roundup');
        await card.scrollIntoViewIfNeeded();
        await sectionBody(page, 'Headlines').waitFor();
        await expect.poll(() => card.getByText(/No items yet/).count()).toBe(1);
        await page.screenshot({ path: `${SHOTS}/editor-empty.png` });

        // First item from the button; its title field takes the focus.
        await card.getByRole('button', { name: '+ Add item' }).click();
        const first = card.getByRole('group', { name: 'Roundup item 1 of 1' });
        await first.getByRole('textbox', { name: 'Title', exact: true }).fill('First link');
        await first
          .getByRole('textbox', { name: 'Link', exact: true })
          .fill('https://one.example.org/a');
        await first.getByRole('textbox', { name: 'Source', exact: true }).fill('One Weekly');
        await first.getByRole('textbox', { name: 'Emoji', exact: true }).fill('🧪');
        await card.locator('.ge-roundup-blurb').first().click();
        await page.keyboard.type('The first blurb.');

        // Second item from the keyboard, after the one the caret is in.
        await page.keyboard.press('Control+Shift+Enter');
        const second = card.getByRole('group', { name: 'Roundup item 2 of 2' });
        await second.getByRole('textbox', { name: 'Title', exact: true }).waitFor();
        await expect
          .poll(() => page.evaluate('document.activeElement?.getAttribute("placeholder")'))
          .toBe('What the link is');
        await page.keyboard.type('Second link');
        await second
          .getByRole('textbox', { name: 'Link', exact: true })
          .fill('https://two.example.org/b');
        await card.locator('.ge-roundup-blurb').nth(1).click();
        await page.keyboard.type('The second blurb.');

        const frame = page.frameLocator('iframe[title="Email preview"]');
        const order = async () => {
          const text = await frame.locator('body').innerText();
          const a = text.indexOf('First link');
          const b = text.indexOf('Second link');
          return a === -1 || b === -1 ? 'missing' : a < b ? 'first, second' : 'second, first';
        };
        await expect.poll(order, { timeout: 20_000 }).toBe('first, second');

        // Alt+Down in the first blurb moves that item below the second.
        await card.locator('.ge-roundup-blurb').first().click();
        // Under load the click's caret can land after the key: wait until it is in that blurb.
        await expect
          .poll(() =>
            page.evaluate(() => {
              const anchor = document.getSelection()?.anchorNode ?? null;
              const blurb = document.querySelector('.ge-roundup-blurb');
              return anchor !== null && blurb !== null && blurb.contains(anchor);
            }),
          )
          .toBe(true);
        await page.keyboard.press('Alt+ArrowDown');
        await expect
          .poll(() =>
            card
              .locator('.ge-roundup-form input[placeholder="What the link is"]')
              .evaluateAll((inputs) =>
                inputs.map((input) => (input as unknown as { value: string }).value),
              ),
          )
          .toEqual(['Second link', 'First link']);
        await expect.poll(order, { timeout: 20_000 }).toBe('second, first');
        await page.screenshot({ path: `${SHOTS}/editor-two-items.png` });
        await page.emulateMedia({ colorScheme: 'dark' });
        await card.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/editor-two-items-dark.png` });

        // The stored model agrees: items are nodes of the body, in the new order.
        const editionId = new URL(page.url()).hash.split('/').pop()!;
        const edition = value(
          await server.backend.invoke('editions.get', { id: editionId }),
        ).edition;
        const roundup = edition.sections.find((s) => s.kind === 'roundup')!;
        expect(
          roundup.body.root.children.map((n) => [n.type, n.title, n.url, n.emoji ?? null]),
        ).toEqual([
          ['roundupitem', 'Second link', 'https://two.example.org/b', ''],
          ['roundupitem', 'First link', 'https://one.example.org/a', '🧪'],
        ]);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
  );
});
