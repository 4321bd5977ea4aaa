import * as commonmark from 'commonmark';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToBody } from '../../import/markdownToBody.ts';
import { BODY_NODE_TYPES } from '../../lexical/nodes.ts';
import { restoreBody } from '../../model/restoreBody.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import { SECTION_KINDS, type SerializedBodyNode } from '../../model/types.ts';
import { MARKDOWN_NODE_FORMS } from './bodyToMdast.ts';
import { bodyToMarkdown, renderMarkdown } from './renderMarkdown.ts';

const FIXTURE = new URL(
  '../../../../test/fixtures/markdown/every-node.edition.json',
  import.meta.url,
);
const GOLDEN = new URL('../../../../test/fixtures/markdown/every-node.golden.md', import.meta.url);
const fixture = restoreEdition(JSON.parse(readFileSync(FIXTURE, 'utf8')));

const html = (markdown: string) =>
  new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(markdown));

function paragraphOf(text: string, format = 0) {
  return restoreBody({
    root: { children: [{ type: 'paragraph', children: [{ type: 'text', text, format }] }] },
  });
}

describe('renderMarkdown', () => {
  it('matches the golden file for the fixture (UPDATE_GOLDEN=1 rewrites it)', () => {
    const markdown = renderMarkdown(fixture);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, markdown);
    expect(markdown).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('has a Markdown form for every node type the editor registers, and the fixture uses them all', () => {
    expect(Object.keys(MARKDOWN_NODE_FORMS).sort()).toEqual([...BODY_NODE_TYPES].sort());
    const used = new Set<string>();
    const visit = (node: SerializedBodyNode) => {
      used.add(node.type);
      node.children?.forEach(visit);
    };
    for (const section of fixture.sections) visit(section.body.root);
    expect([...used].sort()).toEqual([...BODY_NODE_TYPES].sort());
    expect(new Set(fixture.sections.map((s) => s.kind))).toEqual(new Set(SECTION_KINDS));
  });

  it('writes front matter with the meta fields first, then every extra key', () => {
    const markdown = renderMarkdown({
      ...fixture,
      sections: [],
      extra: { zeta: 1, 'odd: key': ['yes', '2026-01-01'] },
    });
    expect(markdown).toBe(
      [
        '---',
        'title: "Every node: # not a heading"',
        'subject: "Fixture: 1. not a list > not a quote"',
        'preheader: "Text with *stars*, under_score, [x](y), \\x3cb>tag\\x3c/b>, &copy; and `ticks`"',
        'number: 7',
        'publishDate: "2026-03-05"',
        'status: "review"',
        'zeta: 1',
        '"odd: key":',
        '  - "yes"',
        '  - "2026-01-01"',
        '---',
        '',
      ].join('\n'),
    );
  });

  it.each([
    '# heading?',
    '## not a section',
    '1. not a list',
    '1) not a list',
    '- not a bullet',
    '+ not a bullet',
    '* not a bullet',
    '> not a quote',
    '[x](y) and [x][y] and ![i](https://e.com/i.png)',
    '<b>tag</b> <script>alert(1)</script> <!-- comment -->',
    '&copy; &amp; &#169; &#x20;',
    '*stars* **strong** _under_ __score__ under_score',
    '~~strike~~ `tick` ``double``',
    'back\\slash \\* \\\\',
    '---',
    '===',
    '    indented code?',
    '<https://example.com> autolink',
    '| a | b |',
    '<!-- galley:button -->',
    '<ins>not underline</ins>',
  ])('keeps the text %j as text, not structure', (text) => {
    const markdown = bodyToMarkdown(paragraphOf(text));
    const rendered = html(markdown);
    expect(rendered).toMatch(/^<p>[^]*<\/p>\n$/);
    expect(rendered).not.toMatch(/<(?!\/?p>)[a-z!]/i);
    const back = markdownToBody(markdown);
    expect(back.exact).toBe(true);
    expect(back.body).toEqual(paragraphOf(text));
  });

  it('cannot end a galley comment early, whatever the values hold', () => {
    const markdown = renderMarkdown(
      restoreEdition({
        sections: [
          {
            kind: 'poll',
            title: 'Poll -->',
            question: '--> <script>alert(1)</script> <!--',
            options: ['-->', '--!>'],
          },
        ],
      }),
    );
    const comment = markdown.split('\n').find((line) => line.startsWith('<!-- galley:'))!;
    expect(comment.indexOf('-->')).toBe(comment.length - 3);
    expect(comment).not.toContain('<script');
    expect(html(markdown)).not.toContain('<script');
  });

  it('uses the documented conventions for what Markdown lacks', () => {
    const markdown = renderMarkdown(fixture);
    expect(markdown).toContain('<ins>underlined</ins>');
    expect(markdown).toContain('<!-- galley:image {"width":560} -->\n\n![A chart');
    expect(markdown).toContain('<!-- galley:button -->\n\n[Read more](https://example.com/more)');
    expect(markdown).toContain('- [x] Done\n- [ ] \\[ ] not a box');
    expect(markdown).toContain('<!-- galley:empty-paragraph -->');
    expect(markdown).toContain('<!-- galley:block {"format":"center"} -->\n\nCentered text');
    expect(markdown).toContain('Line one\\\nline two\tafter a tab<!-- galley:br -->');
    expect(markdown).toContain('(mailto:ed@example.com)<!-- galley:new-tab -->');
    expect(markdown).not.toContain('## Feedback\n\n<!-- galley: {"kind":"story"');
    // A CommonMark renderer shows all of it without stray syntax.
    const rendered = html(markdown);
    expect(rendered).toContain('<ins>underlined</ins>');
    expect(rendered).toContain(
      '<img src="https://images.example.com/a.png" alt="A chart [with] *brackets*"',
    );
    expect(rendered.replace(/<!--[^]*?-->/g, '')).not.toContain('galley');
  });

  it('writes bold italic as ***text***, which reads back exactly as emphasis around strong', () => {
    const body = paragraphOf('both', 1 | 2);
    expect(bodyToMarkdown(body)).toBe('***both***\n');
    expect(html('***both***')).toBe('<p><em><strong>both</strong></em></p>\n');
    expect(markdownToBody('***both***\n')).toMatchObject({ body, exact: true });
    // Strong around emphasis holds the same bits, but is written the other way round.
    expect(markdownToBody('**_both_**\n')).toMatchObject({ body, exact: false });
  });
});
