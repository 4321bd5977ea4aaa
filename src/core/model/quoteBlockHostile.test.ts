import * as commonmark from 'commonmark';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../export/email/renderEmail.ts';
import { renderMarkdown } from '../export/markdown/renderMarkdown.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import { renderText } from '../export/text/renderText.ts';
import { walkBody } from '../export/shared/walkBody.ts';
import { parseGalleyMarkdown } from '../import/parseGalleyMarkdown.ts';
import { restoreBody } from './restoreBody.ts';
import { quoteBlockEdition } from '../../../test/fixtures/export/quoteBlockEdition.ts';
import { HOSTILE } from '../../../test/fixtures/cards/hostileHtml.ts';

/**
 * The hostile HTML corpus inside a quote container (which may hold HTML cards): the
 * editor's model, the email, the Markdown and the text keep nothing that could run.
 * The same checks as sanitizeCardHtml.test.ts, on the quote's path.
 */

function expectInert(output: string): void {
  expect(output).not.toMatch(
    /<\s*(script|iframe|object|embed|applet|form|input|button|select|textarea|svg|math|style|meta|base|link|template|noscript)\b/i,
  );
  expect(output).not.toMatch(/\son[a-z]+\s*=/i);
  expect(output).not.toMatch(/javascript\s*:|vbscript\s*:|data\s*:[a-z]/i);
  expect(output).not.toMatch(
    /expression\s*\(|behavior\s*:|-moz-binding|@import|srcdoc|formaction|xlink:href|srcset/i,
  );
}

function expectInertMarkdown(markdown: string): void {
  const html = new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(markdown));
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) expectInert(tag);
}

const hostileCards = () => HOSTILE.map(([, html]) => ({ type: 'htmlcard', version: 1, html }));

describe('hostile HTML inside a quote container', () => {
  it('restoreBody sanitizes every card in a quote (nested too)', () => {
    const body = restoreBody({
      root: {
        children: [
          {
            type: 'quoteblock',
            children: [...hostileCards(), { type: 'quoteblock', children: hostileCards() }],
          },
        ],
      },
    });
    let cards = 0;
    walkBody(body, (node) => {
      if (node.type !== 'htmlcard') return;
      cards += 1;
      expectInert(String(node.html));
    });
    expect(cards).toBeGreaterThan(10);
  });

  it('the email, the Markdown and the text of an unrestored quote hold nothing executable', () => {
    const edition = quoteBlockEdition();
    edition.sections[0]!.body.root.children.push({
      type: 'quoteblock',
      version: 1,
      children: hostileCards(),
    });
    const profile = defaultProfile();
    const { html } = renderEmail(edition, profile);
    expectInert(html.slice(html.indexOf('<body')));
    expectInert(renderMarkdown(edition));
    expectInertMarkdown(renderMarkdown(edition));
    expectInert(renderText(edition, profile));
  });

  it('raw HTML quoted in imported Markdown becomes sanitized cards in the quote', () => {
    const quoted = HOSTILE.map(([, html]) => html.replace(/^/gm, '> ')).join('\n>\n');
    const result = parseGalleyMarkdown(`# Edition\n\n## Story\n\n> Quoted:\n>\n${quoted}\n`);
    if (!result.ok) throw new Error(result.error.message);
    const quote = result.edition.sections[0]!.body.root.children[0]!;
    expect(quote.type).toBe('quoteblock');
    const cards = (quote.children ?? []).filter((n) => n.type === 'htmlcard');
    expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) expectInert(String(card.html));
    const written = renderMarkdown(result.edition);
    expectInertMarkdown(written);
    // Written back, the quote and its cards read as the same body.
    const again = parseGalleyMarkdown(written);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.edition.sections[0]!.body).toEqual(result.edition.sections[0]!.body);
  });
});
