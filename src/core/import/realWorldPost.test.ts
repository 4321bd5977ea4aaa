import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../export/email/renderEmail.ts';
import { renderMarkdown } from '../export/markdown/renderMarkdown.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import { bodyText } from '../model/text.ts';
import type { Edition, SerializedBodyNode } from '../model/types.ts';
import { preflight } from '../preflight/preflight.ts';
import { parseGalleyMarkdown } from './parseGalleyMarkdown.ts';

/**
 * A tech newsletter post as someone would write it in another editor: headings of four
 * levels, nested and numbered lists (one starting at 3), reference, relative, titled and
 * auto links, nested emphasis, a quote, an image with a title, entities and hard breaks.
 */
const POST = readFileSync(
  new URL('../../../test/fixtures/markdown/tech-newsletter-post.md', import.meta.url),
  'utf8',
);

function importPost(markdown: string): { edition: Edition; warnings: string[] } {
  const result = parseGalleyMarkdown(markdown);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

function all(nodes: SerializedBodyNode[]): SerializedBodyNode[] {
  return nodes.flatMap((node) => [node, ...all(node.children ?? [])]);
}

const { edition, warnings } = importPost(POST);
const [intro, postMortem, html, toolkit] = edition.sections;
const nodesOf = (index: number) => all(edition.sections[index]!.body.root.children);
// The words of one block, as bodyText gives them for a body.
const wordsOf = (node: SerializedBodyNode) =>
  bodyText({ root: { ...node, type: 'root', children: node.children ?? [] } });

describe('a real-world Markdown post', () => {
  it('keeps its GFM table, its fenced code and its HTML as a table, a code block and an HTML card', () => {
    const blocks = edition.sections[4]!.body.root.children;
    expect(blocks.map((b) => b.type)).toEqual([
      'paragraph',
      'table',
      'paragraph',
      'code-block',
      'htmlcard',
    ]);
    const table = blocks[1]!;
    const rows = (table.children ?? []).map((row) => (row.children ?? []).map(wordsOf));
    expect(rows).toEqual([
      ['Build', 'Cache', 'Time'],
      ['cold', 'off', '41 min'],
      ['warm', 'on', '9 min'],
      ['--watch', 'on', '40 s'],
    ]);
    const header = table.children![0]!.children!;
    expect(header.map((cell) => cell.format)).toEqual(['left', 'center', 'right']);
    const code = blocks[3]!;
    expect(code.language).toBe('ts');
    expect(wordsOf(code)).toBe(
      'const key = await cache.key(target);\nif (await cache.has(key)) return cache.get(key);',
    );
    expect(blocks[4]!.html).toContain('<a href="https://partner.example.org/ci">');
    // And back out: the Galley Markdown keeps all three.
    const again = importPost(renderMarkdown(edition));
    expect(again.edition.sections[4]!.body).toEqual(edition.sections[4]!.body);
  });

  it('imports without a note (its raw HTML is inert, kept as written): the title, an intro and a section per ##', () => {
    expect(warnings).toEqual([]);
    expect(edition.title).toBe('The Build Log #87: shipping on Fridays');
    expect(edition.sections.map((s) => [s.kind, s.title])).toEqual([
      ['intro', ''],
      ['story', 'The post-mortem everyone is talking about'],
      ['story', 'Server-rendered HTML is back (again)'],
      ['story', 'Toolkit'],
      ['story', 'Benchmarks, in code'],
    ]);
    expect(bodyText(intro!.body)).toMatch(/^Happy Thursday, builders\. This week: a post-mortem/);
  });

  it('keeps every heading level inside the sections', () => {
    const headings = (index: number) =>
      nodesOf(index)
        .filter((n) => n.type === 'heading')
        .map((n) => [n.tag, wordsOf(n)]);
    expect(headings(1)).toEqual([
      ['h3', 'Why it matters'],
      ['h4', 'The numbers'],
    ]);
    expect(headings(2)).toEqual([['h5', 'A footnote for the pedants']]);
  });

  it('keeps links: reference, relative (with its title) and autolinks', () => {
    const links = [1, 2, 3].flatMap((i) => nodesOf(i).filter((n) => n.type === 'link'));
    expect(links.map((l) => [l.url, l.title])).toEqual([
      ['https://railyard.example.com/blog/outage-review', 'Railyard engineering blog'],
      ['/appendix#flags', 'Appendix A'],
      ['mailto:editor@buildlog.example.org', null],
      ['https://buildlog.example.org/feedback', null],
      ['https://tracewright.example.com', null],
    ]);
  });

  it('keeps lists (numbered from 3, nested), the quote, the image and the formats', () => {
    const lists = (index: number) => nodesOf(index).filter((n) => n.type === 'list');
    expect(lists(1).map((l) => [l.listType, l.start])).toEqual([
      ['number', 1],
      ['bullet', 1],
    ]);
    expect(lists(2)).toHaveLength(2); // the bullets and the list nested in the first item
    expect(lists(3).map((l) => [l.listType, l.start])).toEqual([['number', 3]]);
    expect(postMortem!.body.root.children[0]).toMatchObject({
      type: 'image',
      src: 'https://img.buildlog.example.org/87/dashboard.png',
      alt: 'A dashboard with one very red line',
      caption: 'The graph that started it all',
    });
    const quote = postMortem!.body.root.children.find((n) => n.type === 'quote')!;
    expect(wordsOf(quote)).toBe(
      'Every outage is a test of the system you actually have, not the one in the architecture diagram.',
    );
    const texts = [1, 2, 3].flatMap((i) => nodesOf(i).filter((n) => n.type === 'text'));
    const format = (words: string) => texts.find((t) => t.text === words)?.format;
    expect(format('write-ahead logs')).toBe(1 | 2);
    expect(format('Single-page apps are dead')).toBe(4);
    expect(format('<form>')).toBe(16);
    expect(nodesOf(1).some((n) => n.type === 'linebreak')).toBe(true);
    // Entities are characters in the model.
    expect(bodyText(postMortem!.body)).toContain('a second person — always.');
    expect(bodyText(toolkit!.body)).toContain('Flagpole – feature flags');
    expect(bodyText(toolkit!.body)).toContain('© 2026 The Build Log');
    expect(bodyText(html!.body)).toContain('Nobody said that.');
  });

  it('round trips through Galley Markdown unchanged', () => {
    const back = importPost(renderMarkdown(edition));
    const withoutIds = (e: Edition) => ({
      ...e,
      id: '',
      sections: e.sections.map((s) => ({ ...s, id: '' })),
    });
    expect(withoutIds(back.edition)).toEqual(withoutIds(edition));
    expect(back.warnings).toEqual([]);
  });

  it('flags the relative link before sending; the email keeps its words without the link', () => {
    const findings = preflight(edition, defaultProfile()).findings;
    expect(findings.filter((f) => f.code === 'link-relative')).toEqual([
      expect.objectContaining({ severity: 'error', sectionId: postMortem!.id }),
    ]);
    const email = renderEmail(edition, defaultProfile()).html;
    expect(email).toContain('appendix');
    expect(email).not.toMatch(/href="\/appendix/);
  });
});
