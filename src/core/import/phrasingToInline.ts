import type { Nodes, PhrasingContent } from 'mdast';
import { parseMarkers } from '../export/markdown/galleyMarkers.ts';
import { inlineHtmlSource } from '../model/inlineHtml.ts';
import { sanitizeBodyImageSrc, sanitizeBodyLinkUrl } from '../model/url.ts';
import { htmlText } from './htmlText.ts';
import type { ImportContext } from './importContext.ts';
import { lineBreak, textNode, typeOf, type Loose } from './looseNodes.ts';

const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const CODE = 16;

// Bare formatting tags (no attributes) become formats; the ones Galley's own Markdown
// writes are exact, the others are close enough to keep but render differently.
const FORMAT_TAGS: Record<string, { bit: number; exact: boolean }> = {
  ins: { bit: UNDERLINE, exact: true },
  u: { bit: UNDERLINE, exact: false },
  strong: { bit: BOLD, exact: false },
  b: { bit: BOLD, exact: false },
  em: { bit: ITALIC, exact: false },
  i: { bit: ITALIC, exact: false },
  del: { bit: STRIKETHROUGH, exact: false },
  s: { bit: STRIKETHROUGH, exact: false },
  strike: { bit: STRIKETHROUGH, exact: false },
};
const FORMAT_TAG = /^<(\/?)([a-z]+)\s*>$/i;
const BR_TAG = /^<br\s*\/?>$/i;
const MARK_BITS = { strong: BOLD, emphasis: ITALIC, delete: STRIKETHROUGH } as const;
// The order the exporter nests marks of equal extent in, outermost first: emphasis around
// strong, as CommonMark reads `***foo***`.
const MARK_ORDER = ['emphasis', 'strong', 'delete'];

/**
 * A format is a bit, so `*(*foo*)*` (emphasis in emphasis) and `**_foo_**` (strong around
 * emphasis) are written back differently: both count as approximations.
 */
function reordered(node: Nodes): boolean {
  if (!('children' in node) || node.children.length !== 1) return false;
  const child = node.children[0]!;
  return (
    MARK_ORDER.indexOf(child.type) !== -1 &&
    MARK_ORDER.indexOf(child.type) < MARK_ORDER.indexOf(node.type)
  );
}

/**
 * True when a mark holds text of its own outside links. A format is a bit on text, so
 * `*[a](x)*` reads the same as `[*a*](x)`, which is how the exporter writes it.
 */
function hasOwnText(node: Nodes): boolean {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value !== '';
  if (node.type === 'link' || node.type === 'linkReference') return false;
  return 'children' in node && node.children.some(hasOwnText);
}

/**
 * Converts mdast phrasing into loose Lexical inline nodes: marks become format bits,
 * links are checked against the allowlist (a refused link keeps its words), references
 * are resolved, inert raw HTML is kept as written (inline HTML nodes) and other raw HTML
 * keeps only its text. Images are returned in place as `image` blocks;
 * the caller lifts them out of the paragraph, since Galley images are blocks.
 */
export function phrasingToInline(
  nodes: PhrasingContent[],
  context: ImportContext,
  baseFormat = 0,
): Loose[] {
  const out: Loose[] = [];
  const unpaired = unpairedFormatTags(nodes);
  const open = new Map<number, number>();
  const tagFormat = () => {
    let format = 0;
    for (const [bit, count] of open) if (count > 0) format |= bit;
    return format;
  };
  const walk = (children: readonly Nodes[], format: number, target: Loose[]): void => {
    for (const node of children) {
      switch (node.type) {
        case 'text':
          pushText(target, node.value, format | tagFormat());
          break;
        case 'inlineCode':
          target.push(textNode(node.value.replace(/\r?\n|\r/g, ' '), format | tagFormat() | CODE));
          break;
        case 'emphasis':
        case 'strong':
        case 'delete': {
          const bit = MARK_BITS[node.type];
          if (format & bit || reordered(node) || !hasOwnText(node)) context.notes.approximate();
          // A tag at the edge of a mark (`*<kbd>x*`) reads the same as one outside it, which
          // is where the exporter writes it: the model holds marks as bits on text only.
          else if (htmlAtEdge(node, unpaired)) context.notes.approximate();
          walk(node.children, format | bit, target);
          break;
        }
        case 'break':
          target.push(lineBreak());
          break;
        case 'link':
          link(node.url, node.title ?? null, node.children, format, target);
          break;
        case 'linkReference': {
          const definition = context.definitions.get(node.identifier);
          if (definition) link(definition.url, definition.title, node.children, format, target);
          else walk(node.children, format, target);
          break;
        }
        case 'image':
          image(node.url, node.alt ?? '', node.title ?? null, target);
          break;
        case 'imageReference': {
          const definition = context.definitions.get(node.identifier);
          if (definition) image(definition.url, node.alt ?? '', definition.title, target);
          else pushText(target, node.alt ?? '', format | tagFormat());
          break;
        }
        case 'html':
          html(node.value, target, unpaired.has(node));
          break;
        default:
          context.notes.approximate();
          if ('children' in node) walk(node.children, format, target);
          else if ('value' in node && typeof node.value === 'string')
            pushText(target, node.value, format);
      }
    }
  };

  const link = (
    written: string,
    title: string | null,
    children: readonly Nodes[],
    format: number,
    target: Loose[],
  ): void => {
    const url = encodeSpaces(written);
    const inner: Loose[] = [];
    walk(children, format, inner);
    // Galley images are blocks: one inside a link is lifted out after it, unlinked.
    const images = inner.filter((n) => typeOf(n) === 'image');
    const words = inner.filter((n) => typeOf(n) !== 'image');
    if (images.length > 0) context.notes.warn('An image inside a link was kept without its link.');
    if (sanitizeBodyLinkUrl(url) === null) {
      context.notes.warn(
        `A link to "${preview(url)}" was removed (links must be https, http, mailto, tel or relative); its text was kept.`,
      );
      target.push(...words);
    } else if (words.length === 0) {
      context.notes.approximate();
    } else {
      target.push({ type: 'link', url, title: title === '' ? null : title, children: words });
    }
    target.push(...images);
  };

  const image = (written: string, alt: string, title: string | null, target: Loose[]): void => {
    const src = encodeSpaces(written);
    if (sanitizeBodyImageSrc(src) === null) {
      context.notes.warn(
        `An image from "${preview(src)}" was removed: images need an https (or http) address or a relative path.`,
      );
      return;
    }
    target.push({ type: 'image', src, alt, caption: title ?? '', width: null });
  };

  const html = (value: string, target: Loose[], isUnpaired: boolean): void => {
    const markers = parseMarkers(value);
    if (markers) {
      for (const marker of markers) {
        if (marker.name === 'br') target.push(lineBreak());
        else if (marker.name === 'new-tab' && typeOf(target[target.length - 1]) === 'link')
          target[target.length - 1]!.target = '_blank';
        else context.notes.approximate();
      }
      return;
    }
    const tag = FORMAT_TAG.exec(value.trim());
    const known = tag ? FORMAT_TAGS[tag[2]!.toLowerCase()] : undefined;
    // A formatting tag without its partner formats nothing it could keep: it is kept as
    // written, as any other tag, when it is inert.
    const kept = isUnpaired ? inlineHtmlSource(value) : null;
    if (kept !== null) {
      target.push({ type: 'inlinehtml', source: kept });
      return;
    }
    if (tag && known) {
      const count = open.get(known.bit) ?? 0;
      if (!known.exact) context.notes.approximate();
      if (tag[1] === '/') {
        if (count > 0) open.set(known.bit, count - 1);
        else context.notes.approximate();
      } else {
        if (count > 0) context.notes.approximate();
        open.set(known.bit, count + 1);
      }
      return;
    }
    if (BR_TAG.test(value.trim())) {
      context.notes.approximate();
      target.push(lineBreak());
      return;
    }
    // Any other inert tag, comment or declaration is kept exactly as written.
    const source = inlineHtmlSource(value);
    if (source !== null) {
      target.push({ type: 'inlinehtml', source });
      return;
    }
    context.notes.warn('Raw HTML was removed; only its text was kept.');
    const words = htmlText(value);
    if (words !== '') pushText(target, words, tagFormat());
  };

  walk(nodes, baseFormat, out);
  if (tagFormat() !== 0) context.notes.approximate();
  return out;
}

function isFormatTag(value: string): boolean {
  const tag = FORMAT_TAG.exec(value.trim());
  return tag !== null && Object.hasOwn(FORMAT_TAGS, tag[2]!.toLowerCase());
}

/** True when a mark's first or last leaf is raw HTML the importer keeps as a node. */
function htmlAtEdge(node: Nodes, unpaired: Set<Nodes>): boolean {
  const keptAsNode = (leaf: Nodes | undefined): boolean =>
    leaf?.type === 'html' &&
    inlineHtmlSource(leaf.value) !== null &&
    (unpaired.has(leaf) || !isFormatTag(leaf.value));
  const edge = (from: Nodes, last: boolean): Nodes | undefined => {
    let leaf: Nodes | undefined = from;
    while (leaf && 'children' in leaf && MARK_ORDER.includes(leaf.type))
      leaf = last ? leaf.children.at(-1) : leaf.children[0];
    return leaf;
  };
  if (!('children' in node)) return false;
  return (
    keptAsNode(edge(node.children[0]!, false)) || keptAsNode(edge(node.children.at(-1)!, true))
  );
}

/**
 * The bare formatting tags (`<b>`, `</ins>`) of a paragraph that have no partner in it: an
 * opening tag never closed, a closing tag never opened. Pairs are matched per format, in
 * reading order, as the importer applies them.
 */
function unpairedFormatTags(nodes: readonly Nodes[]): Set<Nodes> {
  const opened = new Map<number, Nodes[]>();
  const unpaired = new Set<Nodes>();
  const visit = (node: Nodes): void => {
    if (node.type === 'html') {
      const tag = FORMAT_TAG.exec(node.value.trim());
      const known = tag ? FORMAT_TAGS[tag[2]!.toLowerCase()] : undefined;
      if (!tag || !known) return;
      const stack = opened.get(known.bit) ?? [];
      opened.set(known.bit, stack);
      if (tag[1] !== '/') stack.push(node);
      else if (stack.pop() === undefined) unpaired.add(node);
      return;
    }
    if ('children' in node) node.children.forEach(visit);
  };
  nodes.forEach(visit);
  for (const stack of opened.values()) for (const node of stack) unpaired.add(node);
  return unpaired;
}

// Soft line breaks read as spaces; tabs become Lexical tab nodes, as typing them would.
function pushText(target: Loose[], value: string, format: number): void {
  const text = value.replace(/\r?\n|\r/g, ' ');
  if (format & CODE) {
    if (text !== '') target.push(textNode(text, format));
    return;
  }
  text.split('\t').forEach((part, index) => {
    if (index > 0) target.push({ type: 'tab' });
    if (part !== '') target.push(textNode(part, format));
  });
}

function preview(url: string): string {
  return url.length > 60 ? `${url.slice(0, 57)}...` : url;
}

// Spaces a destination may hold in Markdown (`</my uri>`, or a no-break space); tabs,
// line breaks and other controls are not spaces here and still refuse the URL.
const SPACES = /[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * A link or image destination with its spaces percent-encoded, as every Markdown renderer
 * writes it into `href` (`/my uri` -> `/my%20uri`): the same address, in the one form the
 * model's URL checks accept and Markdown writes back unchanged.
 */
function encodeSpaces(url: string): string {
  return url.trim().replace(SPACES, (space) => encodeURIComponent(space));
}
