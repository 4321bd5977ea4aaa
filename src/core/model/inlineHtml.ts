import { parseFragment } from 'parse5';
import { isVerbatimSafeHtml } from './verbatimHtml.ts';
import type { SerializedBodyNode } from './types.ts';

/**
 * One piece of inline raw HTML as CommonMark reads it among text: an opening tag, a closing
 * tag, a comment, a processing instruction, a declaration or a CDATA section. An inline HTML
 * node holds exactly one of these, exactly as written, and only when it is inert.
 */

// CommonMark 0.31.2, "Raw HTML". Whitespace inside a tag may hold one line ending.
const WS = String.raw`(?:[ \t]*\n?[ \t]*)`;
const WS1 = String.raw`(?:[ \t]+\n?[ \t]*|\n[ \t]*)`;
const TAG_NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE_NAME = '[A-Za-z_:][A-Za-z0-9_.:-]*';
const ATTRIBUTE_VALUE = String.raw`(?:[^ \t\n"'=<>\x60]+|'[^']*'|"[^"]*")`;
const ATTRIBUTE = `${WS1}${ATTRIBUTE_NAME}(?:${WS}=${WS}${ATTRIBUTE_VALUE})?`;
const OPEN_TAG = `<${TAG_NAME}(?:${ATTRIBUTE})*${WS}/?>`;
const CLOSING_TAG = `</${TAG_NAME}${WS}>`;
const COMMENT = String.raw`<!-->|<!--->|<!--[\s\S]*?-->`;
const PROCESSING = String.raw`<\?[\s\S]*?\?>`;
const DECLARATION = '<![A-Za-z][^>]*>';
const CDATA = String.raw`<!\[CDATA\[[\s\S]*?\]\]>`;
const INLINE_HTML = new RegExp(
  `^(?:${OPEN_TAG}|${CLOSING_TAG}|${COMMENT}|${PROCESSING}|${DECLARATION}|${CDATA})$`,
);

// A line inside the source (after its first) must go on as paragraph text wherever the
// Markdown puts it: a line opening with `#`, `>`, `-`, `<`, a fence, a table row or a list
// number would start a block there and cut the tag in two, leaving what followed it in the
// tag (a `<script>` in a comment, say) as live HTML. Letters, digits, quotes and a slash
// start nothing, nor do the ends of a comment, a processing instruction or a CDATA section.
const CONTINUATION = /^[ \t]*(?:[A-Za-z"'/]|\d(?!\d{0,8}[.)])|--!?>|\?>|\]\]>)/;

// Galley's own comments carry section fields and markers: a node must never pose as one.
const GALLEY_COMMENT = /^<!--\s*galley/i;

/** The longest source an inline HTML node keeps (a tag or a comment, not a document). */
export const MAX_INLINE_HTML = 2000;

/**
 * The source an inline HTML node may hold, or null: line endings as `\n`, exactly one piece
 * of inline raw HTML (so it cannot open a tag that text after it would finish), no line
 * after the first that could start a block (see CONTINUATION), not one of Galley's own
 * comments, inert by `isVerbatimSafeHtml` (no script, no handler, no unsafe URL), with no
 * CSS function in a `style`, no end tag of an active element and no markup inside a comment.
 */
export function inlineHtmlSource(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_INLINE_HTML) return null;
  const source = value.replace(/\r\n?/g, '\n');
  if (!source.split('\n').every((line, index) => index === 0 || CONTINUATION.test(line)))
    return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(source)) return null;
  if (!INLINE_HTML.test(source) || GALLEY_COMMENT.test(source)) return null;
  if (!isVerbatimSafeHtml(source) || hasRiskyAttribute(source)) return null;
  // A parser drops a lone end tag, so check the element it ends: `</script>` or `</textarea>`
  // could end a raw-text element of a page the Markdown is shown in.
  const end = /^<\/([A-Za-z][A-Za-z0-9-]*)/.exec(source);
  if (end && !isVerbatimSafeHtml(`<${end[1]!}>`)) return null;
  // Nor markup hidden in a comment, a declaration or a processing instruction: inert here,
  // but it is what a careless comment stripper or an old mail client would bring to life.
  if (/^<[!?]/.test(source) && /<[A-Za-z/!?]/.test(source.slice(1))) return null;
  return source;
}

/**
 * Stricter than isVerbatimSafeHtml for a lone tag, as values are read as a browser decodes
 * them: a `style` may not call a CSS function (`url()`, `image-set()`), so a tag kept among
 * the text cannot fetch a background image (a tracking pixel) when the Markdown is shown; and
 * no value may hold `<` or `>`, markup in an attribute being how a tag is smuggled past a
 * parser that reads the page differently (`title="</noscript><img onerror=...>"`).
 */
function hasRiskyAttribute(source: string): boolean {
  if (!/^<[A-Za-z]/.test(source)) return false;
  return parseFragment(source).childNodes.some(
    (node) =>
      'attrs' in node &&
      node.attrs.some(
        (attr) => /[<>]/.test(attr.value) || (attr.name === 'style' && /[(\\]/.test(attr.value)),
      ),
  );
}

// The starts of CommonMark HTML blocks 1 to 6 (block 7, any lone tag, is checked apart).
const BLOCK_START =
  /^(?:<(?:script|pre|style|textarea)(?:[\s>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[|<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$))/i;

/**
 * Whether a line that starts with this inline HTML, followed by `rest` up to the end of the
 * line, would start an HTML block instead of a paragraph. Written there, the tag and the
 * text after it would be read as raw HTML, where Markdown escapes no longer apply, so the
 * Markdown exporter writes such a tag as escaped text instead.
 */
export function startsHtmlBlock(source: string, rest: string): boolean {
  if (BLOCK_START.test(source)) return true;
  // Block 7: a complete opening or closing tag (not script, style, pre, textarea) alone on
  // its line. What follows on the line is unknown here when `rest` is not given in full, so
  // any tag at a line start counts unless text follows on the same line.
  return /^<\/?[A-Za-z]/.test(source) && /^[ \t]*(?:\n|$)/.test(rest);
}

/**
 * restoreBody's repair of an inline HTML node: the canonical node when its source is
 * inert inline HTML, else null (the node is dropped; it holds no words to keep).
 */
export function restoreInlineHtml(node: Record<string, unknown>): SerializedBodyNode | null {
  const source = inlineHtmlSource(node.source);
  return source === null ? null : { type: 'inlinehtml', version: 1, source };
}
