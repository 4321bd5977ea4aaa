import * as commonmark from 'commonmark';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../export/email/renderEmail.ts';
import { bodyToMarkdown, renderMarkdown } from '../export/markdown/renderMarkdown.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import { renderText } from '../export/text/renderText.ts';
import { markdownToBody } from '../import/markdownToBody.ts';
import { parseGalleyMarkdown } from '../import/parseGalleyMarkdown.ts';
import { restoreBody } from './restoreBody.ts';
import { cardHtmlToKeep } from './cardHtml.ts';
import { safeStyle, sanitizeCardHtml } from './sanitizeCardHtml.ts';
import { cardsEdition } from '../../../test/fixtures/cards/cardsEdition.ts';
import { HOSTILE } from '../../../test/fixtures/cards/hostileHtml.ts';
import type { SerializedBodyNode } from './types.ts';

const el = (children: SerializedBodyNode[]) => ({
  type: 'root' as const,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
});

/** Nothing in `output` could run script, load a document or leave the page's control. */
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

/** Markdown as a CommonMark renderer shows it: every real tag and attribute is inert. */
function expectInertMarkdown(markdown: string): void {
  const html = new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(markdown));
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) expectInert(tag);
}

describe('sanitizeCardHtml on a hostile corpus', () => {
  it.each(HOSTILE)(
    '%s: nothing executable remains, and sanitizing again changes nothing',
    (_, html) => {
      const clean = sanitizeCardHtml(html);
      expectInert(clean);
      expect(sanitizeCardHtml(clean)).toBe(clean);
    },
  );

  it('keeps what an email card is made of', () => {
    const html =
      '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%"><tbody><tr><td align="center" style="padding:8px;color:#112233"><a href="https://a.example/x?b=1&amp;c=2" target="_blank">Go</a> <img src="https://a.example/i.png" alt="I" width="100"></td></tr></tbody></table>';
    expect(sanitizeCardHtml(html)).toBe(html.replace('&amp;', '&#x26;'));
  });

  it('drops relative and script URLs but keeps the words', () => {
    expect(sanitizeCardHtml('<a href="/x">rel</a> <a href="mailto:a@b.example">mail</a>')).toBe(
      '<a>rel</a> <a href="mailto:a@b.example">mail</a>',
    );
  });

  it('keeps safe style declarations and drops the rest', () => {
    expect(
      safeStyle('color:#111111; width:expression(1); background:url(https://a.example/b.png)'),
    ).toBe('color:#111111;background:url(https://a.example/b.png)');
    expect(safeStyle('background:url(http://a.example/b.png);font-weight:700')).toBe(
      'font-weight:700',
    );
  });
});

describe('a hostile HTML card through every path', () => {
  const hostile = HOSTILE.map(([, html]) => ({ type: 'htmlcard', version: 1, html }));

  it('restoreBody sanitizes a card that skipped the editor (a file or a peer)', () => {
    const body = restoreBody({ root: { children: hostile } });
    for (const node of body.root.children)
      if (node.type === 'htmlcard') expectInert(String(node.html));
  });

  it('the email, the Markdown and the text hold nothing executable', () => {
    const edition = cardsEdition();
    // Straight into the section, as an edition that skipped restoreEdition would hold it.
    edition.sections[0]!.body.root.children.push(...hostile);
    const profile = defaultProfile();
    const { html } = renderEmail(edition, profile);
    // The email's own head is fixed markup; everything after <body> came from the model.
    expectInert(html.slice(html.indexOf('<body')));
    expect(html.match(/<style\b/g)?.length).toBe(2); // Outlook's (in a comment) and the head's
    expectInert(renderMarkdown(edition));
    expectInertMarkdown(renderMarkdown(edition));
    expectInert(renderText(edition, profile));
  });

  it.each(HOSTILE)(
    '%s: the card keeps only its sanitized form, and its Markdown (and that read back) is inert',
    (_, html) => {
      expect(cardHtmlToKeep(html)).toBe(sanitizeCardHtml(html));
      const node = { type: 'htmlcard', version: 1, html };
      // Restored, and straight from a file or peer that skipped restoreBody.
      for (const body of [restoreBody({ root: { children: [node] } }), { root: el([node]) }]) {
        const markdown = bodyToMarkdown(body);
        expectInert(markdown);
        expectInertMarkdown(markdown);
        for (const back of markdownToBody(markdown).body.root.children)
          if (back.type === 'htmlcard') expectInert(String(back.html));
      }
    },
  );

  it('raw HTML in imported Markdown becomes a sanitized card, and its export stays inert', () => {
    const markdown = `# Edition\n\n## Story\n\n${HOSTILE.map(([, html]) => html).join('\n\n')}\n`;
    const result = parseGalleyMarkdown(markdown);
    if (!result.ok) throw new Error(result.error.message);
    const cards = result.edition.sections
      .flatMap((s) => s.body.root.children)
      .filter((n) => n.type === 'htmlcard');
    expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) expectInert(String(card.html));
    expectInertMarkdown(renderMarkdown(result.edition));
  });
});

describe('hostile HTML inline among text through every path', () => {
  // Every tag of the corpus as an inline HTML node, straight into a section as a file or a
  // peer could hold it (no restoreEdition, so the setter never saw it).
  const tags = HOSTILE.flatMap(([, html]) =>
    [...html.matchAll(/<[^<>]*>/g)].map(([source]) => ({ type: 'inlinehtml', version: 1, source })),
  );

  it('the email, the Markdown and the text hold nothing executable', () => {
    const edition = cardsEdition();
    edition.sections[0]!.body.root.children.push({
      type: 'paragraph',
      version: 1,
      children: [{ type: 'text', version: 1, text: 'words', format: 0 }, ...tags],
    });
    const profile = defaultProfile();
    const { html } = renderEmail(edition, profile);
    expectInert(html.slice(html.indexOf('<body')));
    expectInert(renderMarkdown(edition));
    expectInertMarkdown(renderMarkdown(edition));
    expectInert(renderText(edition, profile));
  });

  it('imported among words, only inert pieces are kept, and the export stays inert', () => {
    const paragraphs = HOSTILE.map(([, html]) => `Before ${html.replace(/\n+/g, ' ')} after`);
    const result = parseGalleyMarkdown(`# Edition\n\n## Story\n\n${paragraphs.join('\n\n')}\n`);
    if (!result.ok) throw new Error(result.error.message);
    const kept: string[] = [];
    const visit = (node: { type: string; source?: unknown; children?: unknown[] }) => {
      if (node.type === 'inlinehtml') kept.push(String(node.source));
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    for (const section of result.edition.sections) visit(section.body.root);
    expect(kept.length).toBeGreaterThan(5);
    for (const source of kept) expectInert(source);
    expectInertMarkdown(renderMarkdown(result.edition));
    // (The plain text is not checked here: text the importer keeps as words, such as a
    // `<SCRIPT SRC=...>` micromark reads as text, is literal text there, as before.)
  });
});
