import type { Html } from 'mdast';
import { inlineHtmlSource, startsHtmlBlock } from '../../model/inlineHtml.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import type { InlineOptions, Segment } from './inlineToMdast.ts';

/**
 * Inline HTML nodes in Galley Markdown: the source written back exactly as it was read, an
 * mdast `html` phrasing node. It is transparent to the marks around it (`**a<kbd>b**`), as
 * it carries no format of its own.
 *
 * Where it would open a line (the start of a paragraph, quote or list item, or after a hard
 * break) and the line would then be read as an HTML block, it is written as escaped text
 * instead: in an HTML block the text after the tag would be raw HTML too, and the escapes
 * that keep that text inert would no longer apply. Only a model the editor changed can put a
 * tag there (the importer never reads one at such a place as inline HTML).
 */
export function inlineHtmlSegment(
  children: SerializedBodyNode[],
  index: number,
  options: InlineOptions,
): Segment[] {
  const source = inlineHtmlSource(children[index]?.source);
  if (source === null) return [];
  const opensLine = index === 0 || children[index - 1]!.type === 'linebreak';
  if (!options.inHeading && opensLine && startsHtmlBlock(source, restOfLine(children, index + 1)))
    return [{ text: source, format: 0 }];
  return [{ node: htmlNode(source), transparent: true }];
}

/** An inline HTML node inside a link's text: never at the start of a line. */
export function inlineHtmlInLink(node: SerializedBodyNode): Segment {
  const source = inlineHtmlSource(node.source);
  return source === null ? { text: '', format: 0 } : { node: htmlNode(source), transparent: true };
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

// The serializer's names for the constructs a line ending would end.
const ONE_LINE = new Set(['headingAtx', 'headingSetext', 'tableCell']);

/**
 * The serializer's `html` handler: HTML as written, except that in a heading or a table cell,
 * which hold one line, a line ending inside inline HTML is written as a space (a tag or a
 * comment means the same either way). A line ending there would end the heading or the row
 * and leave the rest of the tag to be read as new text.
 */
export function htmlToMarkdown(node: Html, _parent: unknown, state: { stack: string[] }): string {
  const oneLine = state.stack.some((construct) => ONE_LINE.has(construct));
  return oneLine ? node.value.replace(/[ \t]*\n[ \t]*/g, ' ') : node.value;
}
htmlToMarkdown.peek = (): string => '<';
