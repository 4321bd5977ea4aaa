import type { Paragraph } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { parseMarkers } from './galleyMarkers.ts';

/**
 * Whether a card's HTML can be written into Markdown as itself, a raw HTML block, and
 * read back as exactly the same text: Markdown that holds it alone must parse to one HTML
 * block whose value is the whole of it, unchanged, and that block must end where the HTML
 * ends (a `<pre>` or a comment left open would swallow the blocks written after it). That
 * rules out HTML a parser reads partly as Markdown (a blank line inside a `<div>`, text
 * after a closing `</pre>`, an opening that is not an HTML block start, leading
 * indentation) and keeps the card's text exact. The block is always written with a blank
 * line on each side, where a raw HTML block of every kind starts and ends as it does alone.
 * It must also end closed (endsClosed), so the HTML a renderer makes of the Markdown after
 * it is not read into one of its tags.
 */
export function isRawHtmlBlock(html: string): boolean {
  if (html === '' || html !== html.trim() || !endsClosed(html)) return false;
  const { children } = fromMarkdown(`${html}\n\n${PROBE}`);
  const [first, next] = children;
  return (
    children.length === 2 &&
    first?.type === 'html' &&
    first.value === html &&
    next?.type === 'paragraph' &&
    next.children.length === 1 &&
    next.children[0]?.type === 'text' &&
    next.children[0].value === PROBE
  );
}

// A paragraph written after the block: it must still be a paragraph of its own.
const PROBE = 'probe';

/**
 * Whether a card's HTML can be written into Markdown as a paragraph that opens with HTML
 * (`<a href="/x">more</a> on the site`) and read back as the same card: alone it parses to
 * one paragraph, spanning all of it, that the importer takes as an HTML card
 * (isHtmlParagraph), whose text means in HTML what it means in Markdown (no backslash
 * escape, which Markdown removes and HTML shows).
 */
export function isRawHtmlParagraph(html: string): boolean {
  if (html === '' || html !== html.trim() || !endsClosed(html)) return false;
  const { children } = fromMarkdown(html);
  const only = children.length === 1 ? children[0]! : null;
  if (only?.type !== 'paragraph' || !isHtmlParagraph(only)) return false;
  if (only.position?.start.offset !== 0 || only.position.end.offset !== html.length) return false;
  return isLiteralHtmlParagraph(only, html);
}

// Inline formatting tags the inline importer reads as text formats.
const INLINE_TAG = /^<\/?(ins|u|b|strong|i|em|s|del|strike|code|sub|sup|br|mark|span|kbd)\b/i;

/**
 * Whether a paragraph opens with an HTML tag (not an inline format the inline importer
 * reads, not a Galley marker) and holds only HTML and text: the importer makes it an HTML
 * card.
 */
export function isHtmlParagraph(node: Paragraph): boolean {
  const first = node.children[0];
  if (first?.type !== 'html' || INLINE_TAG.test(first.value.trim())) return false;
  if (parseMarkers(first.value) !== null || !/^<[A-Za-z]/.test(first.value.trim())) return false;
  return node.children.every((c) => c.type === 'html' || c.type === 'text');
}

/**
 * Whether an HTML paragraph's text, read from `source` (the text its positions point
 * into), has no backslash escape: Markdown shows `\*` as `*`, HTML shows the backslash, so
 * an escape means the card would not read as the Markdown did.
 */
export function isLiteralHtmlParagraph(node: Paragraph, source: string): boolean {
  return node.children.every((child) => {
    if (child.type !== 'text') return true;
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined) return false;
    return !/\\[!-/:-@[-`{-~]/.test(source.slice(start, end));
  });
}

type ParentNode = DefaultTreeAdapterMap['parentNode'];

/**
 * Whether HTML ends outside any tag, attribute value, comment or doctype, so HTML written
 * after it in the same document is read as it would be alone. A card kept as written is
 * inert alone (isVerbatimSafeHtml), but `<div title="` written bare would take the HTML a
 * Markdown renderer makes of the next blocks into its attribute, and a comment left open
 * would hide them. Checked as a browser reads it: an element appended after the HTML must
 * come out as an element of its own.
 */
export function endsClosed(html: string): boolean {
  let found = 0;
  const visit = (node: ParentNode): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (child.tagName === SENTINEL_TAG && child.attrs.length === 0) found += 1;
      visit(child);
    }
  };
  visit(parseFragment(`${html}<${SENTINEL_TAG}></${SENTINEL_TAG}>`));
  return found === 1;
}

const SENTINEL_TAG = 'galley-end-of-card';
