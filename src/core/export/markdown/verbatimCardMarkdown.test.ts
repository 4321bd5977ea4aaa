import { describe, expect, it } from 'vitest';
import { markdownToBody } from '../../import/markdownToBody.ts';
import { restoreBody } from '../../model/restoreBody.ts';
import type { SectionBody } from '../../model/types.ts';
import { isRawHtmlBlock, isRawHtmlParagraph } from './rawHtmlBlock.ts';
import { bodyToMarkdown } from './renderMarkdown.ts';

const card = (html: string): SectionBody =>
  restoreBody({ root: { children: [{ type: 'htmlcard', html }] } });

/** Writes the body, reads it back: the same body, exactly, with nothing to say. */
function expectStable(body: SectionBody): string {
  const markdown = bodyToMarkdown(body);
  const back = markdownToBody(markdown);
  expect(back.body).toEqual(body);
  expect(back.warnings).toEqual([]);
  return markdown;
}

describe('an HTML card kept as written, in Galley Markdown', () => {
  it('writes an inert raw HTML block bare, class, id and comments included', () => {
    const html =
      '<div id="tip" class="note">\n<!-- from the style guide -->\n<warning>Mind the gap</warning>\n</div>';
    expect(expectStable(card(html))).toBe(`${html}\n`);
  });

  it('writes an HTML paragraph bare, as a paragraph that reads back as the same card', () => {
    const html = '<a href="/about">About us</a> and the team, <b2 data-x="y">here</b2>';
    const body = card(html);
    expect(body.root.children[0]).toMatchObject({ type: 'htmlcard', html });
    expect(expectStable(body)).toBe(`${html}\n`);
  });

  it('imports a raw block and an HTML paragraph as kept exactly, and writes them back the same', () => {
    const markdown =
      '<div class="x">\n*literal*\n</div>\n\n<a href="/x">more</a> on the site\n\nafter\n';
    const imported = markdownToBody(markdown);
    expect(imported).toMatchObject({ exact: true, warnings: [] });
    expect(imported.body.root.children.map((n) => [n.type, n.html ?? null])).toEqual([
      ['htmlcard', '<div class="x">\n*literal*\n</div>'],
      ['htmlcard', '<a href="/x">more</a> on the site'],
      ['paragraph', null],
    ]);
    expect(bodyToMarkdown(imported.body)).toBe(markdown);
  });

  it('fences what Markdown would not give back as written', () => {
    const cases = [
      // A blank line splits a raw block.
      '<div class="x">a\n\n*b*</div>',
      // A <pre> or a comment left open would swallow the blocks after it.
      '<pre class="x">\nunclosed',
      '<!-- open comment\n<p>x</p>',
      // HTML that ends inside a tag would take the next blocks' HTML into it.
      '<div id="foo"\n*hi*',
      '<div title="open\n*hi*',
      // An escape means one thing in Markdown and another in HTML.
      '<a href="/x">a</a> \\*b\\*',
      // A Galley comment written bare would be read as a marker.
      '<!-- galley:callout {"emoji":"!","title":"x"} -->',
    ];
    for (const html of cases) {
      const body = card(html);
      expect(body.root.children[0]).toMatchObject({ html });
      const markdown = expectStable(body);
      expect(markdown).toMatch(/^```+html galley-card\n/);
      expect(markdownToBody(markdown).exact).toBe(true);
    }
  });

  it('writes the sanitized form of a card that is not inert', () => {
    const markdown = expectStable(card('<div class="x" onclick="steal()">hi</div>'));
    expect(markdown).toBe('<div>hi</div>\n');
  });

  it('tells raw blocks and HTML paragraphs apart', () => {
    expect(isRawHtmlBlock('<div class="x">\nhi\n</div>')).toBe(true);
    expect(isRawHtmlBlock('<pre>\nopen')).toBe(false);
    expect(isRawHtmlBlock(' <div>')).toBe(false);
    expect(isRawHtmlBlock('<div title="x">')).toBe(true);
    expect(isRawHtmlBlock('<div title="x')).toBe(false);
    expect(isRawHtmlBlock('<div>\n<!-- open')).toBe(false);
    expect(isRawHtmlParagraph('<a href="/x">a</a> b')).toBe(true);
    expect(isRawHtmlParagraph('<a href="/x">a</a> *b*')).toBe(false);
    expect(isRawHtmlParagraph('<b>bold</b> b')).toBe(false);
    expect(isRawHtmlParagraph('<a href="/x">a</a>\n\nb')).toBe(false);
  });

  it('an imported paragraph with an escape is kept as written but not exactly (it is fenced)', () => {
    const imported = markdownToBody('<a href="/x">a</a> \\*b\\*\n');
    expect(imported.exact).toBe(false);
    expect(imported.body.root.children[0]).toMatchObject({ html: '<a href="/x">a</a> \\*b\\*' });
  });
});
