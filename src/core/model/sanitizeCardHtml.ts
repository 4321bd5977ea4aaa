import type { Element, ElementContent, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { sanitizeLinkUrl } from './url.ts';

/**
 * The sanitizer of HTML cards: email HTML an editor pastes in (a partner's block, a
 * hand-made table). hast-util-sanitize does the work with a schema narrowed from its
 * GitHub-like default to what an email body may hold, and two passes of our own finish
 * what a schema cannot say: absolute URLs only, and `style` values without script.
 *
 * `<style>` elements are removed with their contents, not filtered: a card's style sheet
 * would apply to the whole email (it could hide the unsubscribe link or restyle the
 * masthead), counts against Gmail's 16 KB style budget (rule 2) and breaks rule 3 (styles
 * inline). Inline `style` attributes are what email HTML uses, so those are kept, checked
 * declaration by declaration.
 *
 * Parsing is hast-util-from-html (parse5, pure JS), so this runs in core: in the model
 * (restoreBody), at import and at every export.
 */

const TAGS = [
  'a',
  'b',
  'blockquote',
  'br',
  'center',
  'code',
  'del',
  'div',
  'em',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
];

// Elements removed with everything inside them: script and style sheets, embedded
// documents and plugins, foreign content (SVG and MathML carry their own script hooks),
// form controls, and elements whose content is raw text that would show as markup.
export const STRIP = [
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'svg',
  'math',
  'textarea',
  'select',
  'option',
  'button',
  'input',
  'title',
  'head',
  'meta',
  'link',
  'base',
  'xmp',
  'plaintext',
  'video',
  'audio',
  'canvas',
];

const LAYOUT_ATTRIBUTES = [
  'align',
  'vAlign',
  'width',
  'height',
  'bgColor',
  'style',
  'dir',
  'lang',
  'title',
  'role',
];

/** The email schema: the default narrowed to email tags, layout attributes and safe URLs. */
export const CARD_SCHEMA: Schema = {
  allowComments: false,
  allowDoctypes: false,
  ancestors: {
    tbody: ['table'],
    td: ['table'],
    th: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
  },
  attributes: {
    a: ['href', 'target'],
    img: ['src', 'alt', 'border'],
    table: ['border', 'cellPadding', 'cellSpacing'],
    td: ['colSpan', 'rowSpan'],
    th: ['colSpan', 'rowSpan', 'scope'],
    font: ['color', 'face', 'size'],
    ol: ['start', 'type'],
    '*': LAYOUT_ATTRIBUTES,
  },
  // No ids or names: nothing in a card may clobber a global or be a form's target.
  clobber: [],
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  required: {},
  strip: STRIP,
  tagNames: TAGS,
};

/** Sanitizes card HTML into a hast fragment that holds only what CARD_SCHEMA allows. */
export function sanitizeCardTree(html: string): Root {
  const tree = fromHtml(html, { fragment: true });
  const clean = sanitize(tree, CARD_SCHEMA);
  const root: Root = clean.type === 'root' ? clean : { type: 'root', children: [] };
  finish(root);
  return root;
}

/**
 * The sanitized HTML of a card, trimmed. Idempotent: sanitizing the output again gives
 * the same string, so the model, the Markdown fence and every export agree.
 */
export function sanitizeCardHtml(html: unknown): string {
  if (typeof html !== 'string' || html.trim() === '') return '';
  // Bounded: a card is a block of an email, and the whole email must stay under 102 KB.
  const once = toHtml(sanitizeCardTree(html.slice(0, MAX_CARD_HTML))).trim();
  // A second pass settles what the parser reshapes (a table's implied tbody, say).
  return toHtml(sanitizeCardTree(once)).trim();
}

/** The most characters of HTML a card keeps. */
export const MAX_CARD_HTML = 60_000;

// Absolute URLs only (email has no base), checked by the model's own URL rules; and
// style values without the constructs that run script in old engines.
function finish(node: Nodes): void {
  if (node.type === 'element') finishElement(node);
  if ('children' in node) for (const child of node.children) finish(child);
}

function finishElement(element: Element): void {
  const props = element.properties;
  if (props.href !== undefined) {
    const href = sanitizeLinkUrl(String(props.href));
    if (href === null || href.startsWith('tel:')) delete props.href;
    else props.href = href;
  }
  if (props.src !== undefined) {
    const src = sanitizeLinkUrl(String(props.src));
    if (src === null || !/^https?:/i.test(src)) delete props.src;
    else props.src = src;
  }
  if (props.target !== undefined && props.target !== '_blank') delete props.target;
  if (props.style !== undefined) {
    const style = safeStyle(String(props.style));
    if (style === '') delete props.style;
    else props.style = style;
  }
  if (element.tagName === 'img' && props.src === undefined) {
    // An image without a source is nothing to show; keep its alt text as text.
    const alt = typeof props.alt === 'string' ? props.alt : '';
    element.tagName = 'span';
    element.properties = {};
    element.children = alt === '' ? [] : [{ type: 'text', value: alt } satisfies ElementContent];
  }
}

// A declaration is dropped when its value could fetch or run anything: expression(),
// behavior/-moz-binding, script URLs, any url() but https, and the escapes and comments
// that hide those words from a check like this one.
const UNSAFE_STYLE =
  /expression|javascript|vbscript|livescript|behavior|binding|@import|\\|\/\*|\*\/|<|>|&|url\s*\(\s*(?!['"]?https:)/i;

/** A `style` value with its unsafe declarations removed (exported for the tests). */
export function safeStyle(value: string): string {
  return declarations(value).filter(isSafeDeclaration).join(';');
}

/** Whether a `style` value has no declaration `safeStyle` would remove. */
export function isSafeStyle(value: string): boolean {
  return declarations(value).every(isSafeDeclaration);
}

function declarations(value: string): string[] {
  return value
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration !== '');
}

function isSafeDeclaration(declaration: string): boolean {
  const colon = declaration.indexOf(':');
  if (colon <= 0) return false;
  const property = declaration.slice(0, colon).trim();
  return /^-?[a-z][a-z-]*$/i.test(property) && !UNSAFE_STYLE.test(declaration);
}

/**
 * A card's sanitized HTML with every image replaced by its alt text, for previews that
 * must load nothing (the editor's preview: a pasted card cannot track who edits it).
 */
export function offlineCardHtml(html: unknown): string {
  const tree = sanitizeCardTree(sanitizeCardHtml(html));
  const strip = (node: Root | Element): void => {
    node.children = node.children.map((child) => {
      if (child.type !== 'element') return child;
      if (child.tagName !== 'img') {
        strip(child);
        return child;
      }
      const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
      return { type: 'text', value: alt === '' ? '[image]' : `[${alt}]` };
    });
  };
  strip(tree);
  return toHtml(tree);
}
