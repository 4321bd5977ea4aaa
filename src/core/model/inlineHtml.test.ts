import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../../../test/fixtures/cards/hostileHtml.ts';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { inlineHtmlSource, startsHtmlBlock } from './inlineHtml.ts';
import { restoreBody } from './restoreBody.ts';
import { bodyText, countWords } from './text.ts';

const node = (source: unknown) => ({ type: 'inlinehtml', version: 1, source });

describe('inlineHtmlSource', () => {
  it.each([
    ['an opening tag', '<kbd>'],
    ['an end tag', '</kbd>'],
    ['a tag with a class', '<span class="x">'],
    ['a stray end tag', '</a>'],
    ['an end tag with a space', '</foo >'],
    ['a self-closing custom tag', '<responsive-image alt="x" />'],
    ['a relative link', '<a href="/about">'],
    ['a comment', '<!-- note -->'],
    ['the shortest comments', '<!-->'],
    ['a comment over two lines', '<!-- this is a --\ncomment - with hyphens -->'],
    ['a processing instruction', '<?php echo $a; ?>'],
    ['a declaration', '<!ELEMENT br EMPTY>'],
    ['a CDATA section', '<![CDATA[>&<]]>'],
    ['a tag over two lines', '<a\n  href="https://a.example/" title="t">'],
  ])('keeps %s as written', (_, source) => {
    expect(inlineHtmlSource(source)).toBe(source);
  });

  it('writes line endings as \\n', () => {
    expect(inlineHtmlSource('<!-- a\r\nb\rc -->')).toBe('<!-- a\nb\nc -->');
  });

  it.each([
    ['an image with a handler', '<img src=x onerror=alert(1)>'],
    ['a javascript: link', '<a href="javascript:alert(1)">'],
    ['an entity-encoded javascript: link', '<a href="jav&#x61;script:alert(1)">'],
    ['a script', '<script>'],
    ['the end of a script', '</script>'],
    ['the end of a textarea', '</TEXTAREA>'],
    ['a tag and its text', '<kbd>x</kbd>'],
    ['two tags', '<b><i>'],
    ['an unfinished tag', '<span title="'],
    ['text', 'plain words'],
    ["Galley's own marker", '<!-- galley:br -->'],
    ["Galley's section comment", '<!-- galley: {"kind":"poll"} -->'],
    ['markup in a comment', '<!-- <script>alert(1)</script> -->'],
    ['a conditional comment', '<!--[if mso]><b>x</b><![endif]-->'],
    ['a line that would start a block', '<!-- a\n<script>alert(1)</script> -->'],
    ['a line that would start a heading', '<!-- a\n# b -->'],
    ['a line that would start a list', '<!-- a\n- b -->'],
    ['a line that would start a quote', '<a\n>'],
    ['a blank line', '<!-- a\n\nb -->'],
    ['a style that loads an image', '<span style="background:url(https://evil.example/x)">'],
    ['a style with an escape', '<span style="color:r\\65 d">'],
    ['markup in an attribute', '<p title="</noscript><img src=x onerror=alert(1)>">'],
    ['a handler on an unknown tag', '<warning onclick="x()">'],
    ['a control character', '<kbd\u0000>'],
    ['too long a source', `<span title="${'x'.repeat(3000)}">`],
  ])('refuses %s', (_, source) => {
    expect(inlineHtmlSource(source)).toBeNull();
  });

  it.each([null, 5, {}, ['<kbd>']])('refuses %j', (value) => {
    expect(inlineHtmlSource(value)).toBeNull();
  });

  // The corpus, whole and tag by tag: no tag of it that could run or load is kept.
  it.each(HOSTILE)('refuses %s, and every active tag in it', (_, html) => {
    expect(inlineHtmlSource(html)).toBeNull();
    for (const [tag] of html.matchAll(/<[^<>]*>/g)) {
      const kept = inlineHtmlSource(tag);
      if (kept === null) continue;
      expect(kept).not.toMatch(/\son[a-z]+\s*=|javascript|vbscript|data:|<\/?script|url\(/i);
    }
  });
});

describe('startsHtmlBlock', () => {
  it.each([
    ['<div>', 'text after'],
    ['<!-- c -->', 'text'],
    ['<script>', ''],
    ['<kbd>', ''],
    ['</span>', '  '],
  ])('%s followed by %j starts an HTML block', (source, rest) => {
    expect(startsHtmlBlock(source, rest)).toBe(true);
  });

  it.each([
    ['<kbd>', 'Ctrl'],
    ['</a>', '</foo >'],
    ['<span class="x">', 'word'],
  ])('%s followed by %j stays in the paragraph', (source, rest) => {
    expect(startsHtmlBlock(source, rest)).toBe(false);
  });
});

describe('restoreBody and inline HTML', () => {
  it('keeps inert inline HTML among the text and inside a link, and drops the rest', () => {
    const body = restoreBody({
      root: {
        children: [
          para(
            text('a '),
            { ...node('<kbd>'), extra: 'dropped' },
            text('b'),
            node('<img src=x onerror=alert(1)>'),
            node('</kbd>'),
            node(42),
            el('link', [text('c'), node('<!-- n -->')], { url: 'https://a.example/' }),
          ),
          node('<span class="lonely">'),
        ],
      },
    });
    const [first, second] = body.root.children;
    expect(first!.children!.map((n) => n.source ?? n.text ?? n.type)).toEqual([
      'a ',
      '<kbd>',
      'b',
      '</kbd>',
      'link',
    ]);
    expect(first!.children![1]).toEqual(node('<kbd>'));
    expect(first!.children![4]!.children).toEqual([
      expect.objectContaining({ text: 'c' }),
      node('<!-- n -->'),
    ]);
    // Inline content at the top level is gathered into a paragraph, as Lexical would.
    expect(second).toMatchObject({ type: 'paragraph', children: [node('<span class="lonely">')] });
    expect(restoreBody(body)).toEqual(body);
  });

  it('holds no words: search text and word counts see only the text around it', () => {
    const body = restoreBody({
      root: {
        children: [
          para(
            text('Press '),
            node('<kbd title="a key">'),
            text('Ctrl'),
            node('<!-- two words -->'),
          ),
        ],
      },
    });
    expect(bodyText(body)).toBe('Press Ctrl');
    expect(countWords(bodyText(body))).toBe(2);
  });
});
