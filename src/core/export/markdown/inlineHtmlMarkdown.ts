import type { Html, Parents } from 'mdast';
import type { Info, State } from 'mdast-util-to-markdown';
import { inlineHtmlSource, startsHtmlBlock } from '../../model/inlineHtml.ts';
import type { SerializedBodyNode } from '../../model/types.ts';

// The segments inlineToMdast nests (a text run, or a node marks pass over); written out here
// so that this file does not import inlineToMdast back.
type Segment = { text: string; format: number } | { node: Html; transparent: true };

/**
 * Inline HTML nodes in Galley Markdown: the source written back exactly as it was read, an
 * mdast `html` phrasing node. It is transparent to the marks around it (`**a<kbd>b**`), as
 * it carries no format of its own.
 *
 * A line that opens with a tag such as `<div>` or a comment is an HTML block, not a
 * paragraph, and in an HTML block the text after the tag is raw HTML too: the escapes that
 * keep it inert no longer apply. The importer never reads inline HTML at such a place, but
 * the editor can move one there. After a hard break, the break is then written as Galley's
 * `br` marker, so the tag stays on the line before; at the start of a block, where nothing can
 * go before it, the tag is written as escaped text (its words are kept, visibly), except in
 * a table cell, where no block can start (the serializer's handler knows which).
 */
export function inlineHtmlSegment(
  children: SerializedBodyNode[],
  index: number,
  options: { inHeading?: boolean },
): Segment[] {
  const source = inlineHtmlSource(children[index]?.source);
  if (source === null) return [];
  const node = htmlNode(source);
  if (!options.inHeading && index === 0 && startsHtmlBlock(source, restOfLine(children, 1)))
    OPENS_BLOCK.add(node);
  return [{ node, transparent: true }];
}

/**
 * Whether the line after the hard break at `index` would open with inline HTML that starts
 * an HTML block; the caller then writes the break as a `br` marker.
 */
export function opensHtmlBlockAfter(children: SerializedBodyNode[], index: number): boolean {
  const next = children[index + 1];
  if (next?.type !== 'inlinehtml') return false;
  const source = inlineHtmlSource(next.source);
  return source !== null && startsHtmlBlock(source, restOfLine(children, index + 2));
}

/**
 * An inline HTML node inside a link's text. The link's own hard breaks stay `\` breaks, so a
 * tag that would open an HTML block after one is written as escaped text there.
 */
export function inlineHtmlInLink(
  children: SerializedBodyNode[],
  node: SerializedBodyNode,
): Segment {
  const source = inlineHtmlSource(node.source);
  if (source === null) return { text: '', format: 0 };
  const index = children.indexOf(node);
  if (
    index > 0 &&
    children[index - 1]!.type === 'linebreak' &&
    opensHtmlBlockAfter(children, index - 1)
  )
    return { text: source, format: 0 };
  return { node: htmlNode(source), transparent: true };
}

// The mdast node. Its line endings stay: the serializer indents them in a list item or quote
// (see serializeMdast's `html` handler for headings and table cells, which hold one line).
function htmlNode(source: string): Html {
  return { type: 'html', value: source };
}

// What follows on the same line, as far as "is there anything but spaces" goes.
function restOfLine(children: SerializedBodyNode[], from: number): string {
  let rest = '';
  for (const child of children.slice(from)) {
    if (child.type === 'linebreak') break;
    if (child.type === 'text') rest += typeof child.text === 'string' ? child.text : '';
    else if (child.type === 'tab') rest += '\t';
    else rest += 'x';
  }
  return rest;
}

// The html nodes that open a line that would be read as an HTML block (see inlineHtmlSegment).
const OPENS_BLOCK = new WeakSet<Html>();

// The serializer's names for the constructs a line ending would end (a setext heading, which
// the serializer picks for an h1 or h2 holding a line ending, may span lines).
const ONE_LINE = new Set(['headingAtx', 'tableCell']);

/**
 * The serializer's `html` handler: HTML as written, or as escaped text where it would open an
 * HTML block (see inlineHtmlSegment), and in an ATX heading or a table
 * cell, which hold one line, a line ending inside inline HTML is written as a space (a tag or a
 * comment means the same either way). A line ending there would end the heading or the row
 * and leave the rest of the tag to be read as new text.
 */
export function htmlToMarkdown(
  node: Html,
  parent: Parents | undefined,
  state: State,
  info: Info,
): string {
  if (OPENS_BLOCK.has(node) && !state.stack.includes('tableCell'))
    return state.handle({ type: 'text', value: node.value }, parent, state, info);
  const oneLine = state.stack.some((construct) => ONE_LINE.has(construct));
  return oneLine ? node.value.replace(/[ \t]*\n[ \t]*/g, ' ') : node.value;
}
htmlToMarkdown.peek = (): string => '<';
