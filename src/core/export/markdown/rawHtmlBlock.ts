import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * Whether a card's HTML can be written into Markdown as itself, a raw HTML block, and
 * read back as exactly the same text: Markdown that holds it alone must parse to one HTML
 * block whose value is the whole of it, unchanged. That rules out HTML a parser reads
 * partly as Markdown (a blank line inside a `<div>`, text after a closing `</pre>`, an
 * opening that is not an HTML block start, leading indentation of four spaces) and keeps
 * the card's text exact. The exporter writes such a card as a raw block, so other tools
 * render it as the card reads in the email; it is already sanitized (sanitizeCardHtml).
 * The block is always written with a blank line on each side, where a raw HTML block of
 * every kind starts and ends as it does alone.
 */
export function isRawHtmlBlock(html: string): boolean {
  if (html === '' || html !== html.trim()) return false;
  const { children } = fromMarkdown(html);
  const only = children.length === 1 ? children[0]! : null;
  return only?.type === 'html' && only.value === html;
}
