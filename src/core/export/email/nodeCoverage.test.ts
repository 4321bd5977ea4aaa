import { describe, expect, it } from 'vitest';
import { BODY_NODE_TYPES, type BodyNodeType } from '../../lexical/nodes.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import type { Edition, Section, SerializedBodyNode } from '../../model/types.ts';
import { defaultProfile } from '../shared/profile.ts';
import { renderTextWithWarnings } from '../text/renderText.ts';
import { renderEmail } from './renderEmail.ts';
import { el, para, text } from '../../../../test/helpers/bodyNodes.ts';

/**
 * A body holding one node of each type, and what the email must show for it. Typed as a
 * Record over BodyNodeType: a node type added to the editor fails to compile here, and
 * the loop below fails at run time if the exporters have no case for it.
 */
const NODE_SAMPLES: Record<
  BodyNodeType,
  // `kind`: the section kind the node belongs in (roundup items live in roundup sections).
  { body: SerializedBodyNode[]; email: RegExp; text: RegExp; kind?: 'roundup' }
> = {
  root: { body: [para(text('root-marker'))], email: /root-marker/, text: /root-marker/ },
  paragraph: {
    body: [para(text('para-marker'))],
    email: /<p [^>]*>para-marker<\/p>/,
    text: /^para-marker$/m,
  },
  text: {
    body: [para(text('bold-marker', 1))],
    email: /<strong>bold-marker<\/strong>/,
    text: /bold-marker/,
  },
  linebreak: {
    body: [para(text('one'), { type: 'linebreak', version: 1 }, text('two'))],
    email: /one<br>two/,
    text: /^one\ntwo$/m,
  },
  tab: {
    body: [para(text('a'), { type: 'tab', version: 1 }, text('b'))],
    email: /a\u2003b/,
    text: /a\tb/,
  },
  heading: {
    body: [el('heading', [text('head-marker')], { tag: 'h4' })],
    email: /<h4 [^>]*>head-marker<\/h4>/,
    text: /^#### head-marker$/m,
  },
  quote: {
    body: [el('quote', [text('quote-marker')])],
    email: /class="gx-quote"[^>]*>quote-marker</,
    text: /^> quote-marker$/m,
  },
  list: {
    body: [
      el('list', [el('listitem', [text('item-marker')], { value: 1 })], {
        listType: 'number',
        start: 1,
        tag: 'ol',
      }),
    ],
    email: /<ol [^>]*>\n<li [^>]*>item-marker<\/li>/,
    text: /^1\. item-marker$/m,
  },
  listitem: {
    body: [
      el('list', [el('listitem', [text('checked-marker')], { value: 1, checked: true })], {
        listType: 'check',
        start: 1,
        tag: 'ul',
      }),
    ],
    email: /<li [^>]*>\u2611\u00a0checked-marker<\/li>/,
    text: /^- \[x\] checked-marker$/m,
  },
  link: {
    body: [
      para(
        el('link', [text('link-marker')], {
          url: 'https://galley.example.org/l',
          rel: 'noreferrer',
          target: null,
          title: null,
        }),
      ),
    ],
    email: /<a href="https:\/\/galley\.example\.org\/l"[^>]*>link-marker<\/a>/,
    text: /link-marker \(https:\/\/galley\.example\.org\/l\)/,
  },
  horizontalrule: {
    body: [{ type: 'horizontalrule', version: 1 }],
    email: /border-top:1px solid/,
    text: /^-{78}$/m,
  },
  image: {
    body: [
      {
        type: 'image',
        version: 1,
        src: 'https://galley.example.org/i.png',
        alt: 'alt-marker',
        width: 200,
        caption: 'caption-marker',
      },
    ],
    email:
      /<img src="https:\/\/galley\.example\.org\/i\.png" alt="alt-marker" width="200"[\s\S]*caption-marker/,
    text: /^\[Image: alt-marker\]\ncaption-marker$/m,
  },
  button: {
    body: [
      { type: 'button', version: 1, label: 'button-marker', url: 'https://galley.example.org/b' },
    ],
    email:
      /<td [^>]*bgcolor="#[0-9a-f]{6}"[^>]*padding:12px 24px[^>]*><a href="https:\/\/galley\.example\.org\/b"[^>]*>button-marker<\/a><\/td>/,
    text: /^button-marker: https:\/\/galley\.example\.org\/b$/m,
  },
  roundupitem: {
    kind: 'roundup',
    body: [
      el('roundupitem', [text('blurb-marker')], {
        title: 'title-marker',
        url: 'https://galley.example.org/r',
        source: 'source-marker',
        emoji: '🧪',
      }),
    ],
    email:
      /🧪<\/td>[\s\S]*<a href="https:\/\/galley\.example\.org\/r"[^>]*>title-marker<\/a>[\s\S]*source-marker[\s\S]*blurb-marker/,
    text: /^🧪 title-marker \(source-marker\)\n {3}blurb-marker\n {3}https:\/\/galley\.example\.org\/r$/m,
  },
  'code-block': {
    body: [
      el(
        'code-block',
        [text('const code_marker = 1;'), { type: 'linebreak', version: 1 }, text('x')],
        { language: 'ts' },
      ),
    ],
    email:
      /<pre class="gx-pre gx-code" dir="ltr"[^>]*><code[^>]*><!--\n--><span class="gx-tkk" style="color:#[0-9a-f]{6}">const<\/span> code_marker = <span class="gx-tkn"[^>]*>1<\/span>;\nx<\/code><\/pre>/,
    text: /^ {4}const code_marker = 1;\n {4}x$/m,
  },
  table: {
    body: [tableSample('th-marker', 'td-marker')],
    email: /<th scope="col"[^>]*>th-marker<\/th>[\s\S]*<td [^>]*>td-marker<\/td>/,
    text: /^\| th-marker \|\n\|-+\|\n\| td-marker +\|$/m,
  },
  tablerow: {
    body: [tableSample('row-head', 'row-marker')],
    email: /<tr>\s*<td [^>]*>row-marker<\/td>\s*<\/tr>/,
    text: /^\| row-marker \|$/m,
  },
  tablecell: {
    body: [tableSample('cell-head', 'cell-marker', 'right')],
    email: /<td [^>]*text-align:right[^>]*>cell-marker<\/td>/,
    text: /^\| cell-marker \|$/m,
  },
  callout: {
    body: [{ ...el('callout', [para(text('callout-body'))]), emoji: '!', title: 'callout-title' }],
    email: /class="gx-box gx-callout gx-text"[\s\S]*! callout-title[\s\S]*callout-body/,
    text: /^! callout-title\n\n {4}callout-body$/m,
  },
  embed: {
    body: [
      {
        type: 'embed',
        version: 1,
        provider: 'youtube',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        title: 'embed-title',
        image: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
        alt: 'embed-alt',
      },
    ],
    email:
      /<a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ"[^>]*>\s*<img src="https:\/\/i\.ytimg\.com[^"]*" alt="embed-alt"[\s\S]*Watch on YouTube: embed-title/,
    text: /^Watch on YouTube: embed-title\nhttps:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ$/m,
  },
  htmlcard: {
    body: [
      {
        type: 'htmlcard',
        version: 1,
        html: '<p style="color:#112233">card-marker <a href="https://galley.example.org/c">go</a></p>',
      },
    ],
    email:
      /<p style="color:#112233">card-marker <a href="https:\/\/galley\.example\.org\/c">go<\/a><\/p>/,
    text: /^card-marker go \(https:\/\/galley\.example\.org\/c\)$/m,
  },
  quoteblock: {
    body: [
      el('quoteblock', [para(text('qb-one')), el('heading', [text('qb-two')], { tag: 'h4' })]),
    ],
    email: /class="gx-quote"[\s\S]*<p [^>]*>qb-one<\/p>[\s\S]*<h4 [^>]*>qb-two<\/h4>/,
    text: /^> qb-one\n>\n> #### qb-two$/m,
  },
  // Kept for the Markdown only: the email and the text keep the words, never the tags.
  inlinehtml: {
    body: [
      para(
        text('Press '),
        { type: 'inlinehtml', version: 1, source: '<kbd>' },
        text('kbd-marker'),
        { type: 'inlinehtml', version: 1, source: '</kbd>' },
      ),
    ],
    email: /<p [^>]*>Press kbd-marker<\/p>/,
    text: /^Press kbd-marker$/m,
  },
  blocklist: {
    body: [
      el(
        'blocklist',
        [el('blocklistitem', [para(text('step-marker')), para(text('second-marker'))])],
        { listType: 'number', start: 3, loose: true },
      ),
    ],
    email:
      /<ol [^>]*start="3">\n<li [^>]*>\n?<p [^>]*>step-marker<\/p>\n?<p [^>]*>second-marker<\/p>/,
    text: /^3\. step-marker\n\n {3}second-marker$/m,
  },
  blocklistitem: {
    body: [
      el('blocklist', [el('blocklistitem', [para(text('tight-marker'))])], {
        listType: 'bullet',
        start: 1,
        loose: false,
      }),
    ],
    email: /<ul [^>]*>\n<li [^>]*>\n?<p style="margin:0">tight-marker<\/p>/,
    text: /^- tight-marker$/m,
  },
};

/** A one-column table: a header cell and one body cell. */
function tableSample(head: string, cell: string, align = ''): SerializedBodyNode {
  const c = (words: string, headerState: number) =>
    el('tablecell', [para(text(words))], { headerState, colSpan: 1, rowSpan: 1, format: align });
  return el('table', [el('tablerow', [c(head, 1)]), el('tablerow', [c(cell, 0)])]);
}

function editionWith(children: SerializedBodyNode[], sections: Partial<Section>[] = [{}]): Edition {
  return restoreEdition({
    title: 'T',
    subject: 'S',
    preheader: 'P',
    sections: sections.map((s, i) => ({
      id: `s${i}`,
      kind: 'story',
      title: `Section ${i}`,
      body: { root: el('root', children) },
      ...s,
    })),
  });
}

describe('every node type the editor registers has an exporter case', () => {
  it.each([...BODY_NODE_TYPES])('%s renders in email and plain text', (type) => {
    const sample = NODE_SAMPLES[type];
    expect(sample, `add a sample for "${type}" and a case in both exporters`).toBeDefined();
    const edition = editionWith(sample.body, [{ kind: sample.kind ?? 'story' }]);
    const email = renderEmail(edition, defaultProfile());
    const text = renderTextWithWarnings(edition, defaultProfile());
    expect(email.warnings).toEqual([]);
    expect(text.warnings).toEqual([]);
    expect(email.html).toMatch(sample.email);
    expect(text.text).toMatch(sample.text);
  });

  it('an unknown node type (an edition that skipped restoreEdition) keeps its words and warns', () => {
    const edition = editionWith([para(text('x'))]);
    edition.sections[0]!.body.root.children.push(el('sparkline', [para(text('kept-words'))]));
    const { html, warnings } = renderEmail(edition, defaultProfile());
    expect(html).toContain('kept-words');
    expect(warnings.join()).toMatch(/unknown node type "sparkline"/);
    expect(renderTextWithWarnings(edition, defaultProfile()).warnings.join()).toMatch(
      /unknown node type/,
    );
  });
});
