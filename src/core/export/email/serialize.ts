import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml, type Options } from 'hast-util-to-html';
import { wrapLongLines } from './wrapLines.ts';

/**
 * Serializes the email tree: newlines between block elements (where whitespace means
 * nothing) so lines stay short and diffs readable, then hast-util-to-html does all the
 * escaping, then any line still too long is broken at a safe place.
 *
 * A section's row (`tr`) serialized on its own comes out exactly as it does inside the
 * document's tbody: its newlines depend only on its own children, hast-util-to-html writes
 * an HTML element the same wherever it sits, and the line wrapper works line by line. That
 * is what lets renderEmail render a row once and splice it into the frame.
 */
export function serializeEmail(tree: Root | Element): string {
  addNewlines(tree);
  return wrapLongLines(toHtml(tree, TO_HTML));
}

const TO_HTML = {
  // Named references read better (`&amp;`); none of them is `&apos;`, which Outlook shows.
  characterReferences: { useNamedReferences: true },
  upperDoctype: true,
} satisfies Options;

// Containers whose children are only elements: whitespace between them is insignificant.
const LAYOUT = new Set(['html', 'head', 'body', 'table', 'tbody', 'tr', 'ul', 'ol']);
// Block elements: a newline next to one, inside a cell or list item, renders as nothing.
// (Images are always display:block here; the builder never puts one inside running text.)
const BLOCK = new Set([
  'table',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'div',
  'li',
  'img',
]);

type Parent = Root | Element;

function isBlock(node: RootContent | ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'element' && BLOCK.has(node.tagName));
}

function isWhitespace(node: RootContent | ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === '' && !node.value.includes('\u00a0');
}

// Text runs are cut into lines of about this many characters at spaces, so the
// character-level line wrapper (wrapLines.ts) rarely has anything to do.
const TEXT_LINE = 240;

function addNewlines(parent: Parent): void {
  if (parent.type === 'element' && ['style', 'title', 'pre'].includes(parent.tagName)) return;
  for (const child of parent.children) {
    if (child.type === 'element') addNewlines(child);
    else if (child.type === 'text' && child.value.length > TEXT_LINE)
      child.value = breakText(child.value);
  }
  const layout = parent.type === 'root' || LAYOUT.has(parent.tagName);
  const out: Array<RootContent | ElementContent> = [];
  const children: Array<RootContent | ElementContent> = parent.children;
  children.forEach((child, i) => {
    if (layout && isWhitespace(child)) return;
    const breakBefore = layout || isBlock(child) || (i > 0 && isBlock(children[i - 1]!));
    if (breakBefore && out.length > 0 && !endsWithNewline(out[out.length - 1]!)) pushNewline(out);
    if (breakBefore && out.length === 0 && parent.type === 'element')
      out.push({ type: 'text', value: '\n' });
    out.push(child);
  });
  const last = out[out.length - 1];
  if (last && (layout || isBlock(last)) && !endsWithNewline(last) && parent.type === 'element')
    pushNewline(out);
  // The arrays hold the same node kinds they came from; only newline text was added.
  parent.children = out as typeof parent.children;
}

// A newline in place of a space is the same whitespace to HTML.
function breakText(value: string): string {
  let out = '';
  let start = 0;
  while (value.length - start > TEXT_LINE) {
    const space = value.indexOf(' ', start + TEXT_LINE);
    if (space === -1) break;
    out += `${value.slice(start, space).replace(/ +$/, '')}\n`;
    start = space + 1;
  }
  return out + value.slice(start);
}

// Spaces before a newline render as nothing, and trailing whitespace upsets validators.
function pushNewline(out: Array<RootContent | ElementContent>): void {
  const last = out[out.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/[ \t]+$/, '');
  out.push({ type: 'text', value: '\n' });
}

function endsWithNewline(node: RootContent | ElementContent): boolean {
  return node.type === 'text' && node.value.endsWith('\n');
}
