import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { BodyNodeType } from '../../lexical/nodes.ts';
import type { SectionBody, SerializedBodyNode } from '../../model/types.ts';
import { blockListToMdast } from './blockListMarkdown.ts';
import { codeBlockToMdast } from './codeBlockMarkdown.ts';
import { calloutToMdast, embedToMdast, htmlCardToMdast } from './cardsMarkdown.ts';
import { isLooseList } from '../../model/looseList.ts';
import { headingLevelOf } from '../shared/bodyNodes.ts';
import { marker, type MarkerName } from './galleyMarkers.ts';
import { quoteBlockToMdast } from './quoteBlockMarkdown.ts';
import { inlineToMdast } from './inlineToMdast.ts';
import { roundupItemToMdast } from './roundupMarkdown.ts';
import { tableToMdast } from './tableMarkdown.ts';

type Node = SerializedBodyNode;

/**
 * How the Markdown exporter writes every node type a body may hold. Typed as a record
 * over `BodyNodeType`, so registering a new node type without deciding its Markdown form
 * fails to compile (and `bodyToMdast.test.ts` checks it at run time).
 */
export const MARKDOWN_NODE_FORMS: Record<BodyNodeType, string> = {
  root: 'the section body',
  paragraph: 'paragraph; an empty one is <!-- galley:empty-paragraph -->',
  text: 'text; bold **, italic *, strikethrough ~~, underline <ins>, code `',
  linebreak: 'hard break `\\`; at a block end or in a heading <!-- galley:br -->',
  tab: 'a tab character',
  heading: '# to ###### (h1 to h6); h1 and h2 after a <!-- galley:block --> marker',
  quote: 'blockquote >',
  list: '- bullets, 1. numbers (with start), - [ ] / - [x] check items; nested by indent; loose lists with blank lines between items',
  listitem: 'list item; a nested list joins the item before it',
  link: '[text](url "title"); target _blank adds <!-- galley:new-tab -->',
  horizontalrule: 'thematic break ---',
  image: '![alt](src "caption"), width in <!-- galley:image {"width":n} --> before it',
  button: '<!-- galley:button --> then a paragraph holding only [label](url)',
  roundupitem:
    '<!-- galley:roundup-item {fields} --> then a one-item list: - emoji [title](url) — source: blurb',
  'code-block':
    'fenced code with the language as info string (```ts), or the info string kept when it says more; fence longer than any backtick run',
  table: 'GFM table: header row, alignment row (:-- :-: --:), body rows; pipes escaped',
  tablerow: 'a table row (| a | b |)',
  tablecell: 'a table cell: one line of inline text',
  callout: '<!-- galley:callout {emoji,title} -->, its blocks, <!-- galley:callout-end -->',
  embed: '<!-- galley:embed {fields} --> then a linked thumbnail, a quote or a link',
  htmlcard:
    'the sanitized HTML as a raw HTML block when it reads back as itself, else a fenced block ```html galley-card holding it',
  quoteblock:
    'blockquote > of its blocks, `>` lines between them; one paragraph alone after <!-- galley:quote-block -->',
  inlinehtml:
    'the tag, comment or declaration exactly as written, among the text; escaped text where it would open an HTML block',
  blocklist:
    'a list (- or 1. with start) whose items hold blocks indented under the marker; loose with blank lines between items and blocks',
  blocklistitem: "a list item: its blocks, indented by the marker's width",
};

/** Converts a section body into mdast blocks (a body holding one empty paragraph gives none). */
export function bodyToMdast(body: SectionBody): RootContent[] {
  const blocks = body.root.children;
  if (blocks.length === 1 && isBareEmptyParagraph(blocks[0]!)) return [];
  return blocks.flatMap(blockToMdast);
}

function blockToMdast(node: Node): RootContent[] {
  const children = node.children ?? [];
  switch (node.type) {
    case 'paragraph': {
      const attrs = blockAttrs(node);
      if (children.length === 0) return [html('empty-paragraph', attrs)];
      return withAttrs(attrs, { type: 'paragraph', children: inlineToMdast(children) });
    }
    case 'heading': {
      const depth = headingLevelOf(node);
      const heading: RootContent = {
        type: 'heading',
        depth,
        children: inlineToMdast(children, { inHeading: true }),
      };
      // In a Galley Markdown file `#` opens the edition and `##` a section: a block
      // marker in front keeps a body heading of those levels in its section.
      return depth <= 2
        ? [html('block', blockAttrs(node)), heading]
        : withAttrs(blockAttrs(node), heading);
    }
    case 'quote': {
      const inline = inlineToMdast(children);
      return withAttrs(blockAttrs(node), {
        type: 'blockquote',
        children: inline.length > 0 ? [{ type: 'paragraph', children: inline }] : [],
      });
    }
    case 'list':
      return withAttrs(blockAttrs(node), listToMdast(node));
    case 'horizontalrule':
      return [{ type: 'thematicBreak' }];
    case 'image': {
      const image: PhrasingContent = {
        type: 'image',
        url: String(node.src ?? ''),
        alt: String(node.alt ?? ''),
        title: typeof node.caption === 'string' && node.caption !== '' ? node.caption : null,
      };
      const width = typeof node.width === 'number' ? [html('image', { width: node.width })] : [];
      return [...width, { type: 'paragraph', children: [image] }];
    }
    case 'button': {
      const label = String(node.label ?? '');
      return [
        html('button'),
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              url: String(node.url ?? ''),
              title: null,
              children: label === '' ? [] : [{ type: 'text', value: label }],
            },
          ],
        },
      ];
    }
    case 'roundupitem':
      return roundupItemToMdast(node);
    case 'code-block':
      return withAttrs(blockAttrs(node), codeBlockToMdast(node));
    case 'table': {
      const table = tableToMdast(node);
      return table ? [table] : [];
    }
    case 'callout':
      return calloutToMdast(node, blockToMdast);
    case 'embed':
      return embedToMdast(node);
    case 'htmlcard':
      return htmlCardToMdast(node);
    case 'quoteblock':
      return quoteBlockToMdast(node, blockToMdast);
    case 'blocklist':
      return withAttrs(blockAttrs(node), blockListToMdast(node, blockToMdast));
    default: {
      // Unknown to this exporter (restoreBody never leaves one): keep its words.
      const inline = inlineToMdast(children);
      return inline.length > 0 ? [{ type: 'paragraph', children: inline }] : [];
    }
  }
}

function listToMdast(node: Node): List {
  const check = node.listType === 'check';
  const ordered = node.listType === 'number';
  // A loose list is written with blank lines between items and between an item's
  // paragraph and its nested list, so a one-item list is loose too.
  const loose = isLooseList(node);
  const items: ListItem[] = [];
  for (const item of node.children ?? []) {
    const children = item.children ?? [];
    const nested = children.filter((c) => c.type === 'list');
    if (nested.length > 0 && nested.length === children.length) {
      // Lexical keeps a nested list in a wrapper item after the item it belongs to;
      // Markdown nests it inside that item.
      const lists = nested.map(listToMdast);
      const previous = items[items.length - 1];
      if (previous) {
        // An empty item would vanish under its nested list: mark it.
        if (previous.children.length === 0)
          previous.children.push({ type: 'html', value: marker('empty-paragraph') });
        // micromark reads a list that opens with a nested `11.` (or an empty item) right
        // under a paragraph as paragraph text; a blank line between them keeps it a list.
        if (lists.some(opensFragile)) previous.spread = true;
        previous.children.push(...lists);
      } else {
        items.push({ type: 'listItem', spread: false, children: lists });
      }
      continue;
    }
    const inline = inlineToMdast(children.filter((c) => c.type !== 'list'));
    items.push({
      type: 'listItem',
      spread: false,
      checked: check ? item.checked === true : null,
      children: inline.length > 0 || check ? [{ type: 'paragraph', children: inline }] : [],
    });
  }
  return {
    type: 'list',
    ordered,
    start: ordered && typeof node.start === 'number' ? node.start : null,
    spread: loose,
    children: loose ? items.map((item) => ({ ...item, spread: true })) : items,
  };
}

/** Whether a nested list cannot follow its item's paragraph without a blank line. */
export function opensFragile(list: List): boolean {
  const first = list.children[0];
  if (!first || first.children.length === 0) return true;
  const head = first.children[0];
  if (head?.type !== 'list') return false;
  return (head.ordered === true && head.start !== 1) || opensFragile(head);
}

/**
 * The attributes Markdown cannot express: alignment, indent and direction, and a
 * paragraph's own text format when it differs from its first run's (the only value
 * the importer cannot infer).
 */
function blockAttrs(node: Node): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  if (typeof node.format === 'string' && node.format !== '') attrs.format = node.format;
  if (typeof node.indent === 'number' && node.indent !== 0) attrs.indent = node.indent;
  if (node.direction === 'ltr' || node.direction === 'rtl') attrs.direction = node.direction;
  if (node.type === 'paragraph') {
    const first = (node.children ?? []).find((c) => c.type === 'text');
    const inferred = typeof first?.format === 'number' ? first.format : 0;
    if (typeof node.textFormat === 'number' && node.textFormat !== inferred)
      attrs.textFormat = node.textFormat;
  }
  return attrs;
}

function isBareEmptyParagraph(node: Node): boolean {
  return (
    node.type === 'paragraph' &&
    (node.children ?? []).length === 0 &&
    Object.keys(blockAttrs(node)).length === 0
  );
}

function withAttrs(attrs: Record<string, unknown>, block: RootContent): RootContent[] {
  return Object.keys(attrs).length > 0 ? [html('block', attrs), block] : [block];
}

function html(name: MarkerName, attrs?: Record<string, unknown>): RootContent {
  return { type: 'html', value: marker(name, attrs) };
}
