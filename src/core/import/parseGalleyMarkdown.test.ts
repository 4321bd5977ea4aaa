import { describe, expect, it } from 'vitest';
import { bodyText } from '../model/text.ts';
import type { Edition, SerializedBodyNode } from '../model/types.ts';
import { parseGalleyMarkdown, type MarkdownImportResult } from './parseGalleyMarkdown.ts';

function imported(result: MarkdownImportResult): { edition: Edition; warnings: string[] } {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

function types(node: SerializedBodyNode): string[] {
  return [node.type, ...(node.children ?? []).flatMap(types)];
}

describe('parseGalleyMarkdown: plain Markdown', () => {
  it('makes a story of each ##, an intro of what comes first, and a title of a leading #', () => {
    const { edition, warnings } = imported(
      parseGalleyMarkdown(
        [
          '# Weekly 12',
          '',
          'Hello **readers**.',
          '',
          '## First story',
          '',
          'Body with a [link](https://example.com).',
          '',
          '### Sub',
          '',
          '## Second story',
          '',
          '- a',
          '- b',
        ].join('\n'),
      ),
    );
    expect(warnings).toEqual([]);
    expect(edition.title).toBe('Weekly 12');
    expect(edition.sections.map((s) => [s.kind, s.title])).toEqual([
      ['intro', ''],
      ['story', 'First story'],
      ['story', 'Second story'],
    ]);
    const [intro, first] = edition.sections;
    expect(intro).toMatchObject({ kind: 'intro', agenda: 'auto' });
    expect(bodyText(intro!.body)).toBe('Hello readers.');
    expect(first!.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'heading']);
    expect(first!.body.root.children[1]).toMatchObject({ tag: 'h3' });
  });

  it('gives a hand-written list in the intro a manual agenda', () => {
    const { edition } = imported(parseGalleyMarkdown('In this issue:\n\n- one\n- two\n\n## One\n'));
    expect(edition.sections[0]).toMatchObject({ kind: 'intro', agenda: 'manual' });
  });

  it('prefers the front matter title and keeps a different # heading in the intro', () => {
    const { edition } = imported(
      parseGalleyMarkdown('---\ntitle: From YAML\n---\n# From heading\n\n## A\n'),
    );
    expect(edition.title).toBe('From YAML');
    expect(edition.sections[0]!.kind).toBe('intro');
    expect(bodyText(edition.sections[0]!.body)).toBe('From heading');
    const same = imported(parseGalleyMarkdown('---\ntitle: Same\n---\n# Same\n\n## A\n'));
    expect(same.edition.sections.map((s) => s.kind)).toEqual(['story']);
  });

  it('reads the meta fields from front matter and keeps unknown keys in extra', () => {
    const { edition, warnings } = imported(
      parseGalleyMarkdown(
        [
          '---',
          'title: T',
          'subject: S',
          'preheader: P',
          'number: 12',
          'publishDate: 2026-11-26',
          'status: ready',
          'tags: [a, b]',
          'theme: { accent: "#f60" }',
          'id: not-mine',
          '---',
          '',
        ].join('\n'),
      ),
    );
    expect(edition).toMatchObject({
      title: 'T',
      subject: 'S',
      preheader: 'P',
      number: 12,
      publishDate: '2026-11-26',
      status: 'ready',
      extra: { tags: ['a', 'b'], theme: { accent: '#f60' } },
    });
    expect(edition.id).not.toBe('not-mine');
    expect(warnings).toEqual(['The front matter key "id" was ignored.']);
  });

  it('warns about meta values it had to drop', () => {
    const { warnings } = imported(
      parseGalleyMarkdown('---\nstatus: published\nnumber: twelve\npublishDate: 2026-02-30\n---\n'),
    );
    expect(warnings).toHaveLength(3);
  });

  it('reads the section comment: kind, fields, status and assignee', () => {
    const { edition } = imported(
      parseGalleyMarkdown(
        '## Vote\n\n<!-- galley: {"kind":"poll","question":"Q?","options":["a","b"],"voteUrl":"https://v.example.com","status":"ready","assignee":"Ada","id":"x","body":{}} -->\n\nPick one.\n',
      ),
    );
    expect(edition.sections[0]).toMatchObject({
      kind: 'poll',
      title: 'Vote',
      question: 'Q?',
      options: ['a', 'b'],
      voteUrl: 'https://v.example.com',
      status: 'ready',
      assignee: 'Ada',
    });
    expect(edition.sections[0]!.id).not.toBe('x');
    expect(bodyText(edition.sections[0]!.body)).toBe('Pick one.');
  });

  it('reads a section comment with broken JSON as a story, with a warning', () => {
    const { edition, warnings } = imported(
      parseGalleyMarkdown('## A\n\n<!-- galley: {"kind": -->\n\nText\n'),
    );
    expect(edition.sections[0]!.kind).toBe('story');
    expect(warnings[0]).toMatch(/not valid JSON/);
  });

  it('accepts CRLF line endings, a byte order mark and bytes', () => {
    const text = '\ufeff---\r\ntitle: Crlf\r\n---\r\n## A\r\n\r\nOne\r\ntwo\r\n';
    const fromString = imported(parseGalleyMarkdown(text)).edition;
    const fromBytes = imported(parseGalleyMarkdown(new TextEncoder().encode(text))).edition;
    for (const edition of [fromString, fromBytes]) {
      expect(edition.title).toBe('Crlf');
      expect(bodyText(edition.sections[0]!.body)).toBe('One two');
    }
  });

  it('reads an empty file as an empty edition', () => {
    expect(imported(parseGalleyMarkdown('')).edition.sections).toEqual([]);
  });
});

describe('parseGalleyMarkdown: errors create nothing', () => {
  it('refuses bytes that are not UTF-8', () => {
    const latin1 = new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]); // "# Café" in Latin-1
    expect(parseGalleyMarkdown(latin1)).toEqual({
      ok: false,
      error: { code: 'not-utf8', message: expect.stringMatching(/UTF-8/) },
    });
  });

  it.each([
    ['invalid YAML', '---\ntitle: [unclosed\n---\n# x\n'],
    ['a list, not a mapping', '---\n- a\n- b\n---\n'],
    ['a plain scalar', '---\njust words\n---\n'],
    ['duplicate keys', '---\ntitle: a\ntitle: b\n---\n'],
  ])('refuses front matter that is %s', (_, text) => {
    const result = parseGalleyMarkdown(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-front-matter');
  });

  it('reads an opening --- without a closing one as a thematic break, not front matter', () => {
    const { edition } = imported(parseGalleyMarkdown('---\n\nText\n'));
    expect(types(edition.sections[0]!.body.root)).toContain('horizontalrule');
  });
});

describe('parseGalleyMarkdown: odd syntax never throws', () => {
  const odd: Array<[string, string, RegExp | null]> = [
    ['setext headings', 'Title\n=====\n\nSection\n-------\n\nText\n', null],
    [
      'an HTML block (inert: kept as written)',
      '## A\n\n<div class="x">\n<p>Kept <b>words</b></p>\n</div>\n',
      null,
    ],
    ['an HTML block with a handler', '## A\n\n<div onclick="x()">\n<p>Kept</p>\n</div>\n', /HTML/],
    ['reference links', '## A\n\n[one][r] and [r]\n\n[r]: https://example.com "T"\n', null],
    ['footnotes', '## A\n\nText[^1].\n\n[^1]: The note.\n', null],
    ['a table', '## A\n\n| a | b |\n|---|---|\n| 1 | *2* |\n', null],
    ['a fenced code block', '## A\n\n```js\nconst a = 1;\n\n  b();\n```\n', null],
    ['an indented code block', '## A\n\n    code\n', null],
    ['level 5 headings', '## A\n\n##### Deep\n', null],
    ['a list in a quote (kept: a quote of several blocks)', '## A\n\n> - a\n> - b\n', null],
    ['an image between words', '## A\n\nBefore ![pic](https://e.com/p.png) after\n', null],
    ['an http image', '## A\n\n![pic](http://e.com/p.png)\n', null],
    ['a relative image (kept; preflight reports it)', '## A\n\n![pic](p.png)\n', null],
    ['a data: image', '## A\n\n![pic](data:image/png;base64,AAAA)\n', /image/],
    ['nested emphasis', '## A\n\n***a** b* __c _d_ e__\n', null],
    ['a loose list', '## A\n\n- a\n\n- b\n\n  more\n', null],
    ['HTML entities', '## A\n\n&copy; &#169; &#x1F389; &bogus;\n', null],
  ];

  it.each(odd)('handles %s', (_, text, warning) => {
    const { edition, warnings } = imported(parseGalleyMarkdown(text));
    expect(edition.sections.length).toBeGreaterThan(0);
    if (warning) expect(warnings.join('\n')).toMatch(warning);
  });

  it('keeps a code block as a code block, its language and every line as written', () => {
    const { edition } = imported(parseGalleyMarkdown('```js\nconst a = 1;\n\n  b();\n```\n'));
    const block = edition.sections[0]!.body.root.children[0]!;
    expect(block.type).toBe('code-block');
    expect(block.language).toBe('js');
    expect(block.children!.map((n) => [n.type, n.text ?? null, n.format ?? null])).toEqual([
      ['text', 'const a = 1;', 0],
      ['linebreak', null, null],
      ['linebreak', null, null],
      ['text', '  b();', 0],
    ]);
  });

  it('flattens lists nested deeper than the cap, keeping every item', () => {
    const deep = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const { edition, warnings } = imported(parseGalleyMarkdown(deep));
    const text = bodyText(edition.sections[0]!.body);
    for (let i = 0; i < 20; i++) expect(text).toContain(`level ${i}`);
    expect(warnings.join()).toMatch(/nested deeper/);
  });

  // CommonMark has no footnotes: `[^1]: note` is a link reference definition whose target
  // is not an absolute URL, so `[^1]` keeps its words and loses the link.
  it('resolves reference links and keeps footnote text as text', () => {
    const { edition } = imported(
      parseGalleyMarkdown('[one][r] text[^1]\n\n[r]: https://example.com "T"\n[^1]: note\n'),
    );
    const paragraph = edition.sections[0]!.body.root.children[0]!;
    expect(paragraph.children![0]).toMatchObject({
      type: 'link',
      url: 'https://example.com',
      title: 'T',
    });
    expect(bodyText(edition.sections[0]!.body)).toBe('one text^1');
  });
});
