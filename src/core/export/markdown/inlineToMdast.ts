import type { PhrasingContent } from 'mdast';
import type { SerializedBodyNode } from '../../model/types.ts';
import { marker } from './galleyMarkers.ts';
import { inlineHtmlInLink, inlineHtmlSegment, opensHtmlBlockAfter } from './inlineHtmlMarkdown.ts';

type Node = SerializedBodyNode;

/** Text format bits of a Lexical text node. */
export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;

// Marks that wrap phrasing, in the order that wins a tie (outermost first): emphasis
// before strong, so bold italic is `***foo***`, which CommonMark reads as emphasis around
// strong. Code is not here: inline code is a leaf in Markdown, so it is always the innermost mark.
const WRAPPERS = [
  [FORMAT.italic, 'emphasis'],
  [FORMAT.bold, 'strong'],
  [FORMAT.strikethrough, 'delete'],
  [FORMAT.underline, 'underline'],
] as const;
const WRAPPING = FORMAT.bold | FORMAT.italic | FORMAT.strikethrough | FORMAT.underline;

// A transparent segment (a tab, a hard break) sits inside a mark's run without ending it:
// `**a\tb**` rather than `**a**\t**b**`, `*foo\⏎bar*` rather than `*foo*\⏎*bar*`.
// A link is a segment of its own that carries the marks all its text shares, so that
// `*see [the docs](url)*` keeps the emphasis around the link instead of splitting it.
type Segment =
  | { text: string; format: number; transparent?: boolean }
  | { link: Node; format: number; transparent?: boolean }
  | { node: PhrasingContent; transparent?: boolean };

/** Where the phrasing goes: headings have no line breaks in Markdown at all. */
export interface InlineOptions {
  inHeading?: boolean;
}

/**
 * Converts a block's Lexical inline children (text runs with format bits, links, line
 * breaks, tabs) into nested mdast phrasing. Runs are merged greedily into the longest
 * mark first, so `**a *b***` comes out rather than `**a** ***b***`; the importer flattens
 * marks back into bits, so any nesting reads back as the same runs.
 */
export function inlineToMdast(children: Node[], options: InlineOptions = {}): PhrasingContent[] {
  // CommonMark has no hard break at the end of a block (nor in an ATX heading): those
  // breaks become `<!-- galley:br -->` markers, every other one a real `\` break.
  let lastContent = children.length - 1;
  while (lastContent >= 0 && children[lastContent]!.type === 'linebreak') lastContent -= 1;
  const segments: Segment[] = [];
  children.forEach((child, index) => {
    switch (child.type) {
      case 'text':
        segments.push({ text: String(child.text ?? ''), format: Number(child.format ?? 0) });
        break;
      case 'tab':
        segments.push({ text: '\t', format: 0, transparent: true });
        break;
      case 'linebreak':
        segments.push(
          options.inHeading || index > lastContent || opensHtmlBlockAfter(children, index)
            ? { node: { type: 'html', value: marker('br') } }
            : { node: { type: 'break' }, transparent: true },
        );
        break;
      case 'inlinehtml':
        segments.push(...inlineHtmlSegment(children, index, options));
        break;
      case 'link':
        segments.push({ link: child, format: sharedFormat(child) });
        if (child.target === '_blank')
          segments.push({ node: { type: 'html', value: marker('new-tab') } });
        break;
      default:
        // Not an inline node (restoreBody never leaves one here): keep its text.
        if (Array.isArray(child.children)) {
          for (const node of inlineToMdast(child.children, options)) segments.push({ node });
        }
    }
  });
  return nest(segments, 0, options);
}

// The wrapping marks every text run of a link has.
function sharedFormat(link: Node): number {
  const runs = (link.children ?? []).filter((c) => c.type === 'text');
  if (runs.length === 0) return 0;
  return runs.reduce((shared, run) => shared & Number(run.format ?? 0), WRAPPING);
}

// `open`: the marks already written around the link, not repeated inside it.
function linkToMdast(link: Node, options: InlineOptions, open: number): PhrasingContent {
  const inner = (link.children ?? []).filter((c) => c.type !== 'link');
  return {
    type: 'link',
    url: String(link.url ?? ''),
    title: typeof link.title === 'string' && link.title !== '' ? link.title : null,
    children: nest(
      inner.map((c) =>
        c.type === 'text'
          ? { text: String(c.text ?? ''), format: Number(c.format ?? 0) }
          : c.type === 'inlinehtml'
            ? inlineHtmlInLink(link.children!, c)
            : c.type === 'tab'
              ? { text: '\t', format: 0, transparent: true }
              : options.inHeading
                ? { node: { type: 'html', value: marker('br') } }
                : { node: { type: 'break' }, transparent: true },
      ),
      open,
      options,
    ),
  };
}

function nest(segments: Segment[], open: number, options: InlineOptions): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let index = 0;
  while (index < segments.length) {
    const segment = segments[index]!;
    if ('node' in segment) {
      out.push(segment.node);
      index += 1;
      continue;
    }
    const pending = segment.format & WRAPPING & ~open;
    if (pending === 0 && 'text' in segment) {
      const last = out[out.length - 1];
      if (segment.format & FORMAT.code) out.push({ type: 'inlineCode', value: segment.text });
      // One text node per run of plain text (a tab is its own segment): the serializer
      // encodes characters at node edges and can split an escape across two nodes.
      else if (last?.type === 'text') last.value += segment.text;
      else out.push({ type: 'text', value: segment.text });
      index += 1;
      continue;
    }
    let best: (typeof WRAPPERS)[number] | null = null;
    let bestEnd = index;
    for (const wrapper of WRAPPERS) {
      if (!(pending & wrapper[0])) continue;
      const end = runEnd(segments, index, wrapper[0]);
      if (end > bestEnd && hasText(segments, index, end, wrapper[0])) {
        best = wrapper;
        bestEnd = end;
      }
    }
    if (best === null) {
      // Only a link gets here: a mark no text beside it shares is written inside it.
      if ('link' in segment) out.push(linkToMdast(segment.link, options, open));
      index += 1;
      continue;
    }
    const inner = nest(segments.slice(index, bestEnd), open | best[0], options);
    out.push({ type: best[1], children: inner });
    index = bestEnd;
  }
  return out;
}

// A mark is written around links only when some text beside them has it too, so that
// `[*a*](x) [*b*](y)` stays as written; the importer counts the other spelling, a mark
// around links alone, as an approximation.
function hasText(segments: Segment[], start: number, end: number, bit: number): boolean {
  for (let i = start; i < end; i++) {
    const segment = segments[i]!;
    if ('text' in segment && !segment.transparent && segment.format & bit) return true;
  }
  return false;
}

// The run of `bit` from `start`: it ends after the last segment carrying the bit, before
// any other segment; transparent segments between two carriers belong to it.
function runEnd(segments: Segment[], start: number, bit: number): number {
  let end = start;
  let lastCarrier = start;
  while (end < segments.length) {
    const segment = segments[end]!;
    end += 1;
    if (segment.transparent) continue;
    if ('node' in segment || !(segment.format & bit)) break;
    lastCarrier = end;
  }
  return lastCarrier;
}
