import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/core/export/email/renderEmail.ts';
import { defaultProfile } from '../../src/core/export/shared/profile.ts';
import { restoreEdition } from '../../src/core/model/restoreEdition.ts';
import { el, para, text } from '../helpers/bodyNodes.ts';
import { CODE_SAMPLES, codeBlockNode } from '../helpers/codeBlockNodes.ts';
import { useChromium } from '../helpers/useChromium.ts';

/**
 * An email with code blocks (one per highlighted language and a line far too long for a
 * phone) rendered by real Chromium at 600 and 375 px, light and dark. The PNGs go to
 * GALLEY_SHOTS (or test-results/email-code) for a person to look at; the test checks what
 * a reader relies on: the page never scrolls sideways (the long line scrolls inside its
 * block), and dark mode recolours the block and its tokens.
 */

const OUT =
  process.env.GALLEY_SHOTS ?? join(import.meta.dirname, '..', '..', 'test-results', 'email-code');
const ORIGIN = 'https://email.galley.test/';
const chromium = useChromium();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

const LONG = `const url = new URL("https://example.com/api/v2/editions?status=ready&limit=50&include=sections"); // a line a phone cannot show`;

function codeEmail(): string {
  const samples = CODE_SAMPLES.filter((s) =>
    ['ts', 'python', 'html', 'diff', 'json'].includes(s.language),
  );
  const edition = restoreEdition({
    title: 'Code edition',
    subject: 'Code',
    preheader: 'Snippets this week',
    sections: [
      {
        id: 's1',
        kind: 'story',
        title: 'This week in code',
        body: {
          root: el('root', [
            para(
              text('A few snippets from the week, with '),
              text('inline code', 16),
              text(' too.'),
            ),
            ...samples.map((s) => codeBlockNode(s.code, s.language)),
            codeBlockNode(LONG, 'ts'),
            para(text('That is all.')),
          ]),
        },
      },
    ],
  });
  return renderEmail(edition, defaultProfile()).html;
}

function readLayout(value: unknown) {
  if (
    typeof value === 'object' &&
    value !== null &&
    'page' in value &&
    typeof value.page === 'number' &&
    'view' in value &&
    typeof value.view === 'number' &&
    'scrolls' in value &&
    typeof value.scrolls === 'boolean' &&
    'keyword' in value &&
    typeof value.keyword === 'string' &&
    'codeBackground' in value &&
    typeof value.codeBackground === 'string'
  )
    return value as {
      page: number;
      view: number;
      scrolls: boolean;
      keyword: string;
      codeBackground: string;
    };
  throw new Error(`unexpected layout: ${JSON.stringify(value)}`);
}

describe('an email with code blocks in Chromium', () => {
  it.each([
    { width: 600, scheme: 'light' },
    { width: 600, scheme: 'dark' },
    { width: 375, scheme: 'light' },
    { width: 375, scheme: 'dark' },
  ] as const)('$width px, $scheme', async ({ width, scheme }) => {
    const html = codeEmail();
    const context = await chromium.browser.newContext({
      viewport: { width, height: 900 },
      colorScheme: scheme,
    });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) =>
        route.request().url() === ORIGIN
          ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
          : route.abort(),
      );
      await page.goto(ORIGIN);
      const layout = readLayout(
        await page.evaluate(`(() => {
          const wrappers = [...document.querySelectorAll('pre.gx-pre')].map((p) => p.parentElement);
          const last = wrappers[wrappers.length - 1];
          return {
            page: document.documentElement.scrollWidth,
            view: document.documentElement.clientWidth,
            scrolls: last.scrollWidth > last.clientWidth,
            keyword: getComputedStyle(document.querySelector('.gx-tkk')).color,
            codeBackground: getComputedStyle(document.querySelector('pre.gx-pre')).backgroundColor,
          };
        })()`),
      );
      await page.screenshot({ path: join(OUT, `code-${width}-${scheme}.png`), fullPage: true });
      expect(layout.page, 'the page scrolls sideways').toBeLessThanOrEqual(layout.view);
      // The long line scrolls inside its block at both widths.
      expect(layout.scrolls).toBe(true);
      expect(layout.keyword).toBe(scheme === 'dark' ? 'rgb(255, 123, 114)' : 'rgb(193, 18, 31)');
      expect(layout.codeBackground).toBe(
        scheme === 'dark' ? 'rgb(42, 46, 53)' : 'rgb(241, 242, 244)',
      );
    } finally {
      await context.close();
    }
  });
});
