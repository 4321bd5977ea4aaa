import { describe, expect, it } from 'vitest';
import { cardsEdition } from '../../../../test/fixtures/cards/cardsEdition.ts';
import { offlineCardHtml, sanitizeCardHtml } from '../../model/sanitizeCardHtml.ts';
import { renderEmail } from '../email/renderEmail.ts';
import { renderMarkdown } from '../markdown/renderMarkdown.ts';
import { renderText } from '../text/renderText.ts';
import { renderFeed } from '../web/renderFeed.ts';
import { renderWebPage } from '../web/renderWebPage.ts';
import { defaultProfile } from './profile.ts';

// Inert HTML with everything the email leaves out: class, id, a comment, a custom tag, a
// relative link, a data attribute.
const VERBATIM =
  '<div id="tip" class="note"><!-- the partner wrote this -->' +
  '<warning data-kind="tip">Mind the gap</warning> ' +
  '<a href="/about">About</a> <a href="https://a.example/x" class="btn">Go</a></div>';

const withCard = (html: string) => cardsEdition([{ type: 'htmlcard', version: 1, html }]);

describe('an HTML card kept as written, in every export but Galley Markdown', () => {
  const strict = sanitizeCardHtml(VERBATIM);
  const kept = withCard(VERBATIM);
  // The same edition (ids included) with the card's email form in its place.
  const sanitized = structuredClone(kept);
  sanitized.sections[0]!.body.root.children.at(-1)!.html = strict;
  const profile = { ...defaultProfile(), publicBaseUrl: 'https://news.example' };

  it('is kept as written in the model, and its email form is strictly smaller', () => {
    expect(kept.sections[0]!.body.root.children.at(-1)).toMatchObject({ html: VERBATIM });
    expect(strict).toBe(
      '<div>Mind the gap <a>About</a> <a href="https://a.example/x">Go</a></div>',
    );
  });

  it('gives the same email, text, web page, feed and preview as its sanitized form', () => {
    expect(renderEmail(kept, profile).html).toBe(renderEmail(sanitized, profile).html);
    expect(renderText(kept, profile)).toBe(renderText(sanitized, profile));
    expect(renderWebPage(kept, profile).html).toBe(renderWebPage(sanitized, profile).html);
    const feed = (edition: typeof kept) =>
      renderFeed([{ edition, slug: 'cards', date: '2026-01-01' }], profile);
    expect(feed(kept)).toBe(feed(sanitized));
    expect(offlineCardHtml(VERBATIM)).toBe(offlineCardHtml(strict));
    const email = renderEmail(kept, profile).html;
    for (const lost of ['class="note"', 'id="tip"', 'the partner wrote', '<warning', '/about"'])
      expect(email).not.toContain(lost);
  });

  it('Galley Markdown alone gives the source back as written', () => {
    expect(renderMarkdown(kept)).toContain(`\n${VERBATIM}\n`);
    expect(renderMarkdown(sanitized)).not.toContain('class="note"');
  });
});
