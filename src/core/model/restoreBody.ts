import { restoreRoundupFields } from './restoreRoundup.ts';
import { restoreCodeBlock } from './restoreCodeBlock.ts';
import { restoreInlineHtml } from './inlineHtml.ts';
import { restoreBlockList, restoreLoneBlockListItem } from './restoreBlockList.ts';
import { restoreTable } from './restoreTable.ts';
import { restoreCallout, restoreEmbed, restoreHtmlCard } from './restoreCards.ts';
import { restoreQuoteBlock } from './restoreQuoteBlock.ts';
import type { SectionBody, SerializedBodyNode } from './types.ts';
import { isLooseList, looseListState } from './looseList.ts';
import { SUGGESTION_KEY, suggestionOf, UNMERGEABLE } from './suggestion.ts';
import { sanitizeBodyImageSrc, sanitizeBodyLinkUrl, sanitizeLinkUrl } from './url.ts';

/**
 * Repairs a section body from loose input (a file, a peer, an old version) into the
 * exact shape Lexical exports for Galley's node set: unknown nodes are unwrapped to
 * their text, links and images are checked against the URL allowlist, styles are
 * dropped, adjacent text runs are merged as Lexical would. Never throws.
 */
export function restoreBody(input: unknown): SectionBody {
  const root = isRecord(input) && isRecord(input.root) ? input.root : null;
  let blocks = root ? restoreBlocks(arrayOf(root.children)) : [];
  // A dropped block (an unsafe image, say) can leave two lists of one type side by side;
  // one more pass merges them, as Lexical would, so that restoring is idempotent.
  if (
    blocks.some(
      (b, i) =>
        i > 0 &&
        b.type === 'list' &&
        blocks[i - 1]!.type === 'list' &&
        b.listType === blocks[i - 1]!.listType,
    )
  ) {
    blocks = restoreBlocks(blocks);
  }
  if (blocks.length === 0) blocks.push(paragraph([]));
  return {
    root: {
      type: 'root',
      version: 1,
      direction: direction(root?.direction),
      format: '',
      indent: 0,
      children: blocks,
    },
  };
}

/** An empty body: one empty paragraph, as Lexical keeps it. */
export function emptyBody(): SectionBody {
  return restoreBody(null);
}

type Node = SerializedBodyNode;
type Loose = Record<string, unknown>;

const TEXT_FORMAT_MASK = 1 | 2 | 4 | 8 | 16; // bold, italic, strikethrough, underline, code
const ALIGN = new Set(['', 'left', 'center', 'right', 'justify', 'start', 'end']);

function restoreBlocks(children: unknown[]): Node[] {
  const out: Node[] = [];
  children = mergeAdjacentLists(children);
  let pendingInline: unknown[] = [];
  const flushInline = () => {
    const inline = restoreInline(pendingInline);
    if (inline.length > 0) out.push(paragraph(inline));
    pendingInline = [];
  };
  for (const child of children) {
    if (!isRecord(child)) continue;
    const block = restoreBlock(child);
    if (block === 'inline') {
      pendingInline.push(child);
      continue;
    }
    flushInline();
    if (block) out.push(block);
  }
  flushInline();
  return out;
}

/** Lexical merges a list into the list before it when both have the same type. */
function mergeAdjacentLists(children: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const child of children) {
    const last = out[out.length - 1];
    if (
      isRecord(child) &&
      isRecord(last) &&
      child.type === 'list' &&
      last.type === 'list' &&
      listTypeOf(child) === listTypeOf(last)
    ) {
      out[out.length - 1] = {
        ...last,
        children: [...arrayOf(last.children), ...arrayOf(child.children)],
      };
    } else {
      out.push(child);
    }
  }
  return out;
}

function listTypeOf(node: Loose): 'bullet' | 'number' | 'check' {
  return node.listType === 'number' || node.listType === 'check' ? node.listType : 'bullet';
}

function restoreBlock(node: Loose): Node | 'inline' | null {
  switch (node.type) {
    case 'paragraph':
      return paragraph(restoreInline(arrayOf(node.children)), node);
    case 'heading':
      return {
        ...element('heading', node, restoreInline(arrayOf(node.children))),
        tag: headingTag(node.tag),
      };
    case 'quote':
      return element('quote', node, restoreInline(arrayOf(node.children)));
    case 'list':
      return restoreList(node);
    case 'horizontalrule':
      return { type: 'horizontalrule', version: 1 };
    case 'image': {
      const src = sanitizeBodyImageSrc(node.src);
      if (src === null) return null;
      const width =
        typeof node.width === 'number' && Number.isFinite(node.width) && node.width > 0
          ? Math.min(Math.round(node.width), 1200)
          : null;
      return {
        type: 'image',
        version: 1,
        src,
        alt: str(node.alt),
        width,
        caption: str(node.caption),
      };
    }
    case 'button':
      return {
        type: 'button',
        version: 1,
        label: str(node.label),
        url: sanitizeLinkUrl(node.url) ?? '',
      };
    case 'roundupitem':
      return {
        ...element('roundupitem', node, restoreInline(arrayOf(node.children))),
        ...restoreRoundupFields(node),
      };
    case 'code-block': {
      const { children, ...fields } = restoreCodeBlock(node);
      return { ...element('code-block', node, children), ...fields };
    }
    case 'table':
    case 'tablerow':
    case 'tablecell':
      return restoreTable(node, { inline: restoreInline, paragraph: (c) => paragraph(c) });
    case 'callout':
      return restoreCallout(node, restoreBlocks);
    case 'embed':
      return restoreEmbed(node);
    case 'htmlcard':
      return restoreHtmlCard(node);
    case 'quoteblock':
      return restoreQuoteBlock(node, restoreBlocks);
    case 'blocklist':
      return restoreBlockList(node, restoreBlocks);
    case 'blocklistitem':
      return restoreLoneBlockListItem(node, restoreBlocks);
    case 'text':
    case 'link':
    case 'linebreak':
    case 'tab':
    case 'inlinehtml':
      return 'inline';
    default: {
      // Unknown block: keep its words as a paragraph rather than lose them.
      const inline = restoreInline(arrayOf(node.children));
      return inline.length > 0 ? paragraph(inline) : null;
    }
  }
}

/**
 * Every level Lexical's HeadingNode knows, h1 to h6, is kept as it is: an imported post's
 * levels keep their meaning. A level past 6 is the deepest; anything unreadable is h3,
 * the section's own heading level.
 */
function headingTag(value: unknown): string {
  const level = typeof value === 'string' ? Number(/^h(\d+)$/.exec(value)?.[1]) : NaN;
  if (!Number.isInteger(level) || level < 1) return 'h3';
  return `h${Math.min(level, 6)}`;
}

function restoreList(node: Loose, depth = 0): Node {
  const listType =
    node.listType === 'number' || node.listType === 'check' ? node.listType : 'bullet';
  const start =
    typeof node.start === 'number' && Number.isInteger(node.start) && node.start >= 0
      ? node.start
      : 1;
  const items: Node[] = [];
  let value = start;
  for (const child of arrayOf(node.children)) {
    if (!isRecord(child)) continue;
    if (child.type === 'list') {
      items.push(listItem(child, [restoreList(child, depth + 1)], value, listType, depth));
      continue;
    }
    const children = arrayOf(child.type === 'listitem' ? child.children : [child]);
    const nested = children.filter((c) => isRecord(c) && c.type === 'list');
    const inline = restoreInline(children.filter((c) => !(isRecord(c) && c.type === 'list')));
    if (inline.length > 0 || nested.length === 0) {
      items.push(listItem(child, inline, value, listType, depth));
      value += 1;
    }
    for (const list of nested)
      items.push(listItem(child, [restoreList(list as Loose, depth + 1)], value, listType, depth));
  }
  // A nested-list wrapper takes the value of the item after it, as Lexical numbers them.
  return {
    ...element('list', node, items),
    listType,
    start,
    tag: listType === 'number' ? 'ol' : 'ul',
    ...looseListState(isLooseList(node)),
  };
}

// Lexical derives a list item's indent from how deep its list is nested.
function listItem(
  source: Loose,
  children: Node[],
  value: number,
  listType: string,
  depth: number,
): Node {
  const item: Node = { ...element('listitem', source, children), indent: depth, value };
  if (listType === 'check' && !(children[0]?.type === 'list'))
    item.checked = source.checked === true;
  return item;
}

function restoreInline(children: unknown[]): Node[] {
  const out: Node[] = [];
  for (const child of children) {
    if (!isRecord(child)) continue;
    switch (child.type) {
      case 'text': {
        const text = cleanText(child.text);
        if (text === '') break;
        const format = typeof child.format === 'number' ? child.format & TEXT_FORMAT_MASK : 0;
        const unmergeable = typeof child.detail === 'number' && (child.detail & UNMERGEABLE) !== 0;
        const suggestion = suggestionOf(child);
        // A suggestion run, open or decided, stays a run of its own (see suggestionState).
        if (suggestion === null && !unmergeable) pushText(out, text, format);
        else
          out.push({
            ...textRun(text, format, UNMERGEABLE),
            ...(suggestion === null ? {} : { $: { [SUGGESTION_KEY]: suggestion } }),
          });
        break;
      }
      case 'linebreak':
      case 'tab':
        out.push({ type: child.type, version: 1 });
        break;
      case 'inlinehtml': {
        const node = restoreInlineHtml(child);
        if (node) out.push(node);
        break;
      }
      case 'link': {
        const inner = restoreInline(arrayOf(child.children)).filter((n) => n.type !== 'link');
        // Relative links are kept (Markdown from a web site); preflight flags them.
        const url = sanitizeBodyLinkUrl(child.url);
        if (inner.length === 0) break;
        if (url === null) {
          // A link we cannot trust keeps its words, loses its target.
          for (const n of inner) appendInline(out, n);
          break;
        }
        out.push({
          ...element('link', child, inner),
          url,
          rel: linkRel(child.rel),
          target: child.target === '_blank' ? '_blank' : null,
          title: typeof child.title === 'string' && child.title !== '' ? child.title : null,
        });
        break;
      }
      default:
        // A block or an unknown node inside running text: keep its inline content.
        for (const n of restoreInline(arrayOf(child.children))) appendInline(out, n);
    }
  }
  return out;
}

/** The `rel` restoreBody gives every link. */
export const LINK_REL = 'noreferrer';
/**
 * The `rel` of a link the editor opted out of tracked links (no UTM tags at export). It
 * lives in Lexical's own `rel` field so that it survives the editor, Yjs and headless
 * Lexical, which would all drop a field LinkNode does not know.
 */
export const LINK_REL_NO_UTM = 'noreferrer no-utm';

/** A link's `rel` as the model keeps it: LINK_REL, or LINK_REL_NO_UTM when opted out. */
export function linkRel(value: unknown): string {
  return typeof value === 'string' && value.split(/\s+/).includes('no-utm')
    ? LINK_REL_NO_UTM
    : LINK_REL;
}

function appendInline(out: Node[], node: Node): void {
  if (node.type === 'text' && node.detail === 0)
    pushText(out, node.text as string, node.format as number);
  else out.push(node);
}

// Lexical merges adjacent plain text runs of the same format; so do we, to match it.
function pushText(out: Node[], text: string, format: number): void {
  const last = out[out.length - 1];
  if (last && last.type === 'text' && last.format === format && last.detail === 0) {
    last.text = `${last.text as string}${text}`;
    return;
  }
  out.push(textRun(text, format, 0));
}

function textRun(text: string, format: number, detail: number): Node {
  return { type: 'text', version: 1, text, format, detail, mode: 'normal', style: '' };
}

// Lexical exports a paragraph's own text format, or else its first text run's.
function paragraph(children: Node[], source?: Loose): Node {
  const own = typeof source?.textFormat === 'number' ? source.textFormat & TEXT_FORMAT_MASK : 0;
  const first = children.find((c) => c.type === 'text');
  const textFormat = own !== 0 ? own : typeof first?.format === 'number' ? first.format : 0;
  return { ...element('paragraph', source ?? {}, children), textFormat, textStyle: '' };
}

function element(type: string, source: Loose, children: Node[]): Node {
  const indent =
    typeof source.indent === 'number' && source.indent > 0
      ? Math.min(Math.floor(source.indent), 10)
      : 0;
  return {
    type,
    version: 1,
    direction: direction(source.direction),
    format: typeof source.format === 'string' && ALIGN.has(source.format) ? source.format : '',
    indent,
    children,
  };
}

function direction(value: unknown): 'ltr' | 'rtl' | null {
  return value === 'ltr' || value === 'rtl' ? value : null;
}

// Control characters other than tab never belong in text; Lexical holds line breaks as nodes.
function cleanText(value: unknown): string {
  return typeof value === 'string'
    ? // eslint-disable-next-line no-control-regex
      value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\n/g, ' ')
    : '';
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
