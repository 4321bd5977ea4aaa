import * as commonmark from 'commonmark';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../export/email/renderEmail.ts';
import { renderMarkdown } from '../export/markdown/renderMarkdown.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import { renderText } from '../export/text/renderText.ts';
import { parseGalleyMarkdown } from '../import/parseGalleyMarkdown.ts';
import { HOSTILE } from '../../../test/fixtures/cards/hostileHtml.ts';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { restoreBody } from './restoreBody.ts';

// The checks of sanitizeCardHtml.test.ts: nothing that could run script or load a document.
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

// Every real tag and attribute is inert (escaped text such as `&lt;div onclick=` is words).
function expectInertTags(html: string): void {
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) expectInert(tag);
}

function expectInertMarkdown(markdown: string): void {
  expectInertTags(new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(markdown)));
}

// Each hostile snippet as the second block of a step, indented under its marker.
const MARKDOWN = `# Edition\n\n## Story\n\n${HOSTILE.map(
  ([, html], i) =>
    `${i + 1}. Step ${i + 1}\n\n${html.replace(/^/gm, ' '.repeat(String(i + 1).length + 2))}\n`,
).join('\n')}`;

describe('hostile HTML inside block list items', () => {
  it('imported Markdown: the HTML leaves the item as a sanitized card, every export inert', () => {
    const result = parseGalleyMarkdown(MARKDOWN);
    if (!result.ok) throw new Error(result.error.message);
    const { edition } = result;
    const profile = defaultProfile();
    // The steps became block lists; the HTML in them, cards after them or escaped words.
    const body = edition.sections[0]!.body.root.children;
    const lists = body.filter((n) => n.type === 'blocklist');
    expect(lists.flatMap((n) => n.children ?? []).length).toBeGreaterThan(5);
    const { html } = renderEmail(edition, profile);
    expectInertTags(html.slice(html.indexOf('<body')));
    expectInertMarkdown(renderMarkdown(edition));
    expect(renderText(edition, profile)).not.toMatch(/<\s*script/i);
  });

  it('a card put inside an item by a peer is sanitized by restoreBody, and inert if not restored', () => {
    const cards = HOSTILE.map(([, html]) => ({ type: 'htmlcard', version: 1, html }));
    const list = {
      ...el('blocklist', [el('blocklistitem', [para(text('step')), ...cards])]),
      listType: 'number',
      start: 1,
      loose: false,
    };
    const restored = restoreBody({ root: { type: 'root', children: [list] } });
    const kept = restored.root.children[0]!.children![0]!.children!.filter(
      (block) => block.type === 'htmlcard',
    );
    expect(kept.length).toBeGreaterThan(0);
    for (const card of kept) expectInert(String(card.html));
    // Straight into the section, as an edition that skipped restoreEdition would hold it.
    const result = parseGalleyMarkdown('# Edition\n\n## Story\n\nx\n');
    if (!result.ok) throw new Error(result.error.message);
    const { edition } = result;
    edition.sections[0]!.body.root.children.push(list);
    const profile = defaultProfile();
    const { html } = renderEmail(edition, profile);
    expectInert(html.slice(html.indexOf('<body')));
    expectInertMarkdown(renderMarkdown(edition));
    expectInert(renderText(edition, profile));
  });
});
