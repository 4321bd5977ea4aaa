import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { isSafeStyle, MAX_CARD_HTML, STRIP } from './sanitizeCardHtml.ts';
import { relativeLinkUrl, sanitizeBodyLinkUrl, sanitizeImageSrc } from './url.ts';

type ChildNode = DefaultTreeAdapterMap['childNode'];

/**
 * Whether HTML an editor wrote can be kept exactly as written (in the model and in the
 * Markdown export) instead of as the email sanitizer rewrites it.
 *
 * The email sanitizer (sanitizeCardHtml) is strict for the inbox: no comments, class, id,
 * unknown tags or relative URLs, and it re-serializes what it keeps. That is right for an
 * email, but it changes harmless HTML a Markdown draft carries (`<div class="note">`, a
 * `<!-- comment -->`, `<a href="/about">`, a custom tag), so the draft would not come back
 * as written. Email exports still sanitize strictly; this only decides whether the source
 * text itself is inert enough to keep.
 *
 * The source is parsed as a browser would (parse5, the WHATWG algorithm) and every node must
 * be inert: no element that runs, loads or submits anything (script, style, frames, plugins,
 * forms, media, SVG and MathML with their own script hooks, raw-text elements whose text
 * would hide markup), only attributes from an allowlist (no `on*`), URLs that are web,
 * mail or relative, and `style` values the email sanitizer keeps whole. Element names not
 * in HTML at all (`<warning>`, `<c2c>`) are inert unknown elements and may stay: what could
 * make them act is an attribute, and attributes are allowlisted.
 */
export function isVerbatimSafeHtml(html: string): boolean {
  if (html.length > MAX_CARD_HTML) return false;
  return parseFragment(html).childNodes.every(isInert);
}

// Elements that run, fetch, embed, submit, change the document's base or refresh it, switch
// to another namespace, or take their content as raw text (so text after them is not what
// it seems): what the email sanitizer strips, and more. Here their presence means "not
// verbatim".
const ACTIVE = new Set([
  ...STRIP,
  'param',
  'optgroup',
  'form',
  'label',
  'fieldset',
  'output',
  'datalist',
  'keygen',
  'isindex',
  'body',
  'html',
  'listing',
  'source',
  'track',
  'picture',
  'map',
  'area',
  'image',
  'portal',
  'dialog',
  'slot',
  'marquee',
  'bgsound',
  'search',
  'menu',
]);

// Attributes that only describe or lay out. Everything else (every `on*` handler, `srcset`,
// `action`, `formaction`, `background`, `srcdoc`, `xmlns`, `is`, `popover*`, ...) is refused.
const ATTRIBUTES = new Set([
  'class',
  'id',
  'title',
  'lang',
  'dir',
  'role',
  'align',
  'valign',
  'width',
  'height',
  'bgcolor',
  'color',
  'face',
  'size',
  'border',
  'cellpadding',
  'cellspacing',
  'colspan',
  'rowspan',
  'scope',
  'headers',
  'start',
  'type',
  'reversed',
  'alt',
  'target',
  'rel',
  'hreflang',
  'datetime',
  'open',
  'language',
  'span',
  'abbr',
  'nowrap',
  'hidden',
  'translate',
  'spellcheck',
]);

// URL attributes: the link checks of the body model (web, mail and phone links, or a
// relative reference). Images load over http(s) or from the page's own site (a relative
// source, as a Markdown draft for a web site writes it; the email drops it, see
// htmlCardLeftOut).
const URL_CHECKS: Record<string, (value: string) => boolean> = {
  href: (value) => sanitizeBodyLinkUrl(value) !== null,
  cite: (value) => sanitizeBodyLinkUrl(value) !== null,
  src: (value) => sanitizeImageSrc(value) !== null || relativeLinkUrl(value) !== null,
};

function isInert(node: ChildNode): boolean {
  if (node.nodeName === '#text' || node.nodeName === '#comment') return true;
  if (node.nodeName === '#documentType') return true;
  if (!('tagName' in node)) return false;
  if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;
  if (ACTIVE.has(node.tagName)) return false;
  for (const { name, value } of node.attrs) {
    const check = URL_CHECKS[name];
    if (check !== undefined) {
      if (!check(value)) return false;
    } else if (name === 'style') {
      if (!isSafeStyle(value)) return false;
    } else if (!ATTRIBUTES.has(name) && !/^(data|aria)-[a-z0-9_.-]+$/.test(name)) return false;
    if (name === 'target' && value !== '_blank') return false;
  }
  return node.childNodes.every(isInert);
}
