import * as commonmark from 'commonmark';
import { describe, expect, it } from 'vitest';
import { el, para, text } from '../../../../test/helpers/bodyNodes.ts';
import { markdownToBody } from '../../import/markdownToBody.ts';
import { restoreBody } from '../../model/restoreBody.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { bodyToMarkdown } from './renderMarkdown.ts';

const body = (...blocks: SerializedBodyNode[]) => restoreBody({ root: el('root', blocks) });
const tag = (source: string): SerializedBodyNode => ({ type: 'inlinehtml', version: 1, source });
const render = (markdown: string) =>
  new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(markdown));

describe('inline HTML in Galley Markdown', () => {
  it.each([
    ['a key cap', 'Press <kbd>Ctrl</kbd>+<kbd>K</kbd> to search.\n'],
    ['a span with a class', 'A <span class="x">marked</span> word.\n'],
    ['a stray end tag', 'Closed </a> here.\n'],
    ['a comment over two lines', 'foo <!-- this is a --\ncomment - with hyphens --> bar\n'],
    ['a processing instruction and a declaration', 'foo <?php echo $a; ?> <!ELEMENT br EMPTY>\n'],
    ['tags inside marks', '**bold <kbd>key</kbd> bold** and *a <kbd>x</kbd> y*\n'],
    ['a tag inside link text', '[see <kbd>this</kbd>](https://a.example/)\n'],
    ['a comment in a list item', '- item <!-- a\n  b --> end\n- next\n'],
    ['a comment in a quote', '> quoted <!-- a\n> b --> end\n'],
    ['an unclosed formatting tag', 'a <b>c\n'],
  ])('reads %s as nodes and writes it back as it was', (_, markdown) => {
    const imported = markdownToBody(markdown);
    expect(imported.exact).toBe(true);
    expect(JSON.stringify(imported.body)).toContain('"inlinehtml"');
    const written = bodyToMarkdown(imported.body);
    expect(written).toBe(markdown);
    expect(render(written)).toBe(render(markdown));
    expect(markdownToBody(written).body).toEqual(imported.body);
  });

  it('calls a tag at the edge of a mark an approximation: the model writes it outside', () => {
    for (const markdown of ['*<kbd>x</kbd> y*', '**x <!-- c -->**', '*a **<span>b***']) {
      const imported = markdownToBody(markdown);
      expect(imported.exact, markdown).toBe(false);
      const written = bodyToMarkdown(imported.body);
      expect(markdownToBody(written).body).toEqual(imported.body);
    }
  });

  it('keeps the source out of the text runs: the words are what is left', () => {
    const { body: imported } = markdownToBody('Press <kbd>Ctrl</kbd> <!-- note -->\n');
    expect(imported.root.children[0]!.children).toEqual([
      expect.objectContaining({ type: 'text', text: 'Press ' }),
      tag('<kbd>'),
      expect.objectContaining({ type: 'text', text: 'Ctrl' }),
      tag('</kbd>'),
      expect.objectContaining({ type: 'text', text: ' ' }),
      tag('<!-- note -->'),
    ]);
  });

  it.each([
    ['a backslash', 'a\\'],
    ['a lone <', 'a <'],
    ['brackets', '[x'],
    ['a backtick', 'a `'],
    ['an ampersand', 'AT&'],
    ['a star', '*'],
  ])('reads back the same around text ending in %s', (_, before) => {
    const model = body(para(text(before), tag('<kbd>'), text('k'), tag('</kbd>'), text('*')));
    const written = bodyToMarkdown(model);
    expect(markdownToBody(written).body).toEqual(model);
  });

  it('writes a tag that would open an HTML block at a line start as escaped text', () => {
    const hostile = text('<script>alert(1)</script>');
    for (const model of [
      body(para(tag('<div class="x">'), hostile)),
      body(para(tag('<!-- c -->'), hostile)),
      body(el('quote', [tag('<section>'), hostile])),
      body(para(tag('<kbd>'))),
    ]) {
      const html = render(bodyToMarkdown(model));
      expect(html).not.toMatch(/<script|<div|<p>[^]*<p>|<section|<kbd/);
    }
    // Inside link text a hard break stays a break: the tag after it is written as text.
    const linked = body(
      para(
        el('link', [text('a'), { type: 'linebreak', version: 1 }, tag('<div>'), hostile], {
          url: 'https://a.example/',
        }),
      ),
    );
    expect(render(bodyToMarkdown(linked))).not.toMatch(/<script|<div/);
    // Where text follows on the line, a lone inline tag opens no block: it stays a tag.
    expect(bodyToMarkdown(body(para(tag('<kbd>'), text('Ctrl'), tag('</kbd>'))))).toBe(
      '<kbd>Ctrl</kbd>\n',
    );
  });

  it('keeps a tag after a hard break on the line before it, the break written as a marker', () => {
    const model = body(
      para(text('a'), { type: 'linebreak', version: 1 }, tag('<p>'), text('<script>x</script>')),
    );
    const written = bodyToMarkdown(model);
    expect(written).toBe('a<!-- galley:br --><p>\\<script>x\\</script>\n');
    expect(render(written)).not.toMatch(/<script/);
    expect(markdownToBody(written).body).toEqual(model);
  });

  it('writes a multi-line tag on one line in a heading, so the heading keeps all of it', () => {
    const model = body(
      el('heading', [text('Title '), tag('<!-- a\nb -->'), text(' <script>x</script>')], {
        tag: 'h3',
      }),
    );
    const written = bodyToMarkdown(model);
    expect(written).toBe('### Title <!-- a b --> \\<script>x\\</script>\n');
    expect(render(written)).not.toMatch(/<script/);
  });

  it.each([
    ['an image with a handler', 'Look <img src=x onerror=alert(1)> here'],
    ['a javascript: link', 'Go <a href="javascript:alert(1)">there</a> now'],
    ['an inline script', 'Run <script>alert(1)</script> this'],
    ['a style that loads', 'A <span style="background:url(https://evil.example/x)">b</span>'],
    ['script hidden in a comment', 'A <!-- <script>alert(1)</script> --> b'],
  ])('never keeps %s, and the Markdown written back runs nothing', (_, markdown) => {
    const imported = markdownToBody(markdown);
    expect(imported.exact).toBe(false);
    const sources = JSON.stringify(imported.body);
    expect(sources).not.toMatch(/onerror|javascript|<script|url\(/i);
    const html = render(bodyToMarkdown(imported.body));
    expect(html).not.toMatch(/<(script|img|span)\b|\son[a-z]+=|javascript:|url\(/i);
  });
});

describe('inline HTML in a table cell', () => {
  it.each([
    ['a tag and a comment', '| a | b |\n| - | - |\n| <kbd>x</kbd> | y <!-- c --> |\n'],
    ['a lone tag, which opens no block in a cell', '| a |\n| - |\n| <kbd> |\n'],
  ])('keeps %s as written', (_, markdown) => {
    const imported = markdownToBody(markdown);
    expect(imported.exact).toBe(true);
    expect(JSON.stringify(imported.body)).toContain('"inlinehtml"');
    const written = bodyToMarkdown(imported.body);
    // (The commonmark reference renderer has no tables: the cell is checked as text.)
    expect(written).toMatch(/\| <kbd>/);
    expect(markdownToBody(written).body).toEqual(imported.body);
  });
});
