import * as commonmark from 'commonmark';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../export/markdown/renderMarkdown.ts';
import { sanitizeImageSrc, sanitizeLinkUrl } from '../model/url.ts';
import type { Edition, SerializedBodyNode } from '../model/types.ts';
import { MAX_MARKDOWN_BYTES, parseGalleyMarkdown } from './parseGalleyMarkdown.ts';

function importOk(text: string): { edition: Edition; warnings: string[] } {
  const result = parseGalleyMarkdown(text);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

function nodes(edition: Edition): SerializedBodyNode[] {
  const out: SerializedBodyNode[] = [];
  const visit = (node: SerializedBodyNode) => {
    out.push(node);
    node.children?.forEach(visit);
  };
  for (const section of edition.sections) visit(section.body.root);
  return out;
}

/**
 * Nothing hostile survives: every link and button URL passes the allowlist, every image
 * source is http(s) or an asset, and the edition written back as Markdown renders (with a
 * CommonMark renderer) to no element or attribute beyond what Galley itself writes.
 */
function expectHarmless(edition: Edition): void {
  for (const node of nodes(edition)) {
    if (node.type === 'link') expect(sanitizeLinkUrl(node.url)).toBe(node.url);
    if (node.type === 'button' && node.url !== '') expect(sanitizeLinkUrl(node.url)).toBe(node.url);
    if (node.type === 'image') expect(sanitizeImageSrc(node.src)).toBe(node.src);
  }
  for (const section of edition.sections) {
    const url =
      section.kind === 'sponsor'
        ? section.url
        : section.kind === 'poll' || section.kind === 'feedback'
          ? section.voteUrl
          : '';
    if (url !== '') expect(sanitizeLinkUrl(url)).toBe(url);
  }
  const html = new commonmark.HtmlRenderer().render(
    new commonmark.Parser().parse(renderMarkdown(edition)),
  );
  const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)];
  const allowed = new Set([
    'p',
    'h2',
    'h3',
    'h4',
    'strong',
    'em',
    'code',
    'a',
    'img',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'br',
    'ins',
    // An HTML card is written as a fenced block: its (sanitized) markup shows as code.
    'pre',
  ]);
  for (const [, tag, attrs] of tags) {
    expect(allowed, `<${tag}${attrs}>`).toContain(tag!.toLowerCase());
    expect(attrs).not.toMatch(/\son[a-z]+\s*=/i);
    for (const [, url] of attrs!.matchAll(/(?:href|src)="([^"]*)"/g))
      expect(url).toMatch(/^(https?:|mailto:|tel:|asset:|$)/); // "": a button without a URL yet
  }
  expect(html).not.toMatch(/<(script|iframe|object|embed|form|style|svg|math)\b/i);
}

describe('hostile Markdown', () => {
  it.each([
    ['a script block', '<script>alert(1)</script>\n\nafter'],
    ['an inline script', 'text <script>alert(1)</script> more'],
    [
      'an img with onerror',
      '<img src="x" onerror="alert(1)">\n\nand inline <img src=x onerror=alert(1)>',
    ],
    [
      'an iframe and a form',
      '<iframe src="https://evil.example"></iframe>\n\n<form action="https://evil.example"><input></form>',
    ],
    [
      'inline style with url()',
      '<span style="background:url(https://evil.example/x)">styled</span>',
    ],
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['a mixed-case javascript: link', '[x](JaVaScRiPt:alert(1))'],
    [
      'an entity-encoded javascript: link',
      '[x](jav&#x61;script:alert(1)) [y](java&#9;script:alert(1))',
    ],
    ['a javascript: reference link', '[x]\n\n[x]: javascript:alert(1)'],
    ['a javascript: autolink', '<javascript:alert(1)> <JAVASCRIPT:alert(1)>'],
    ['a vbscript: and a file: link', '[a](vbscript:msgbox) [b](file:///etc/passwd)'],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)'],
    ['a data: link', '[x](data:text/html,<script>alert(1)</script>)'],
    ['a javascript: image in a link', '[![x](javascript:alert(1))](https://example.com)'],
    [
      'an HTML comment that tries to close the galley comment',
      '## A\n\n<!-- galley: {"kind":"poll","question":"--><script>alert(1)</script>"} -->\n',
    ],
    [
      'a galley comment with hostile fields',
      '## A\n\n<!-- galley: {"kind":"sponsor","url":"javascript:alert(1)","voteUrl":"data:x","body":{"root":{"children":[{"type":"script"}]}}} -->\n',
    ],
    ['a forged button marker', '<!-- galley:button -->\n\n[Click](javascript:alert(1))'],
    [
      'a forged image marker and block attributes',
      '<!-- galley:image {"width":1e99} -->\n\n![a](https://e.com/a.png)\n\n<!-- galley:block {"format":"x\\u003cscript","indent":1e9,"direction":"\\u003c"} -->\n\ntext',
    ],
    ['raw HTML posing as underline', '<ins onclick="alert(1)">x</ins> <u style="x">y</u>'],
  ])('neutralises %s', (_, markdown) => {
    const { edition } = importOk(markdown);
    expectHarmless(edition);
  });

  it('keeps raw HTML as a sanitized HTML card and the words of unsafe links', () => {
    const { edition, warnings } = importOk(
      '<div onclick="x()"><b>Bold</b> words</div>\n\n[kept text](javascript:alert(1))',
    );
    const text = nodes(edition)
      .filter((n) => n.type === 'text')
      .map((n) => n.text);
    expect(text).toEqual(['kept text']);
    const cards = nodes(edition).filter((n) => n.type === 'htmlcard');
    expect(cards.map((n) => n.html)).toEqual(['<div><b>Bold</b> words</div>']);
    expect(warnings.join('\n')).toMatch(/HTML card[^]*javascript:alert\(1\)/);
  });

  it('refuses YAML alias bombs and does not run YAML tags', () => {
    const bomb = [
      '---',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      '---',
    ].join('\n');
    const result = parseGalleyMarkdown(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-front-matter');

    const tagged = importOk(
      '---\ntitle: !!js/function "function () { return 1 }"\nx: !custom 5\n__proto__: { polluted: true }\n---\n',
    );
    expect(tagged.edition.title).toBe('function () { return 1 }');
    expect(tagged.edition.extra).toEqual({ x: '5' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses YAML nested deeper than the parser can follow, without throwing', () => {
    const result = parseGalleyMarkdown(`---\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n`);
    expect(result.ok).toBe(false);
  });

  it('refuses a 5 MB line before parsing it', () => {
    const started = performance.now();
    const result = parseGalleyMarkdown('a'.repeat(5 * 1024 * 1024));
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const bytes = parseGalleyMarkdown(new Uint8Array(MAX_MARKDOWN_BYTES + 1).fill(0x61));
    expect(bytes).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('imports the longest allowed line', () => {
    const { edition } = importOk('a'.repeat(MAX_MARKDOWN_BYTES));
    expect(nodes(edition).find((n) => n.type === 'text')?.text).toHaveLength(MAX_MARKDOWN_BYTES);
  });

  // Without the guards each of these takes tens of seconds in micromark (the cost grows
  // with the square of the nesting or of the delimiters in one paragraph).
  it.each([
    ['nested block quotes', '>'.repeat(60_000) + ' x'],
    ['nested list markers on one line', '- '.repeat(30_000) + 'x'],
    [
      'deeply indented list items',
      Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
    ],
    ['emphasis delimiters in one paragraph', '*a'.repeat(30_000)],
    ['unclosed link openers', '[x]('.repeat(15_000)],
    ['backticks', '`a'.repeat(30_000)],
    ['tildes', '~~a'.repeat(20_000)],
    ['brackets', '['.repeat(60_000)],
  ])('stays fast on %s', (_, markdown) => {
    const started = performance.now();
    const { edition, warnings } = importOk(markdown);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(warnings.join('\n')).toMatch(/too deeply|too many Markdown delimiters/);
    expectHarmless(edition);
  });
});
