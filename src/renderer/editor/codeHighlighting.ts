import { CODE_TOKEN_KINDS, highlightCode, type CodeTokenKind } from '../../core/index.ts';

/**
 * Paints syntax colours on code blocks with the CSS Custom Highlight API: ranges over the
 * text Lexical rendered, registered under `ge-code-<kind>` and coloured by
 * `::highlight(ge-code-<kind>)` in codeBlock.css. Nothing in the document changes, so
 * highlighting never produces a Lexical update or a Yjs update: two co-editors each paint
 * their own view of the same text and can never fight over it or loop.
 *
 * The registry (`CSS.highlights`) is per page and every section editor shares it, so this
 * module keeps each block element's ranges and swaps only those when the block changes.
 */

const painted = new Map<HTMLElement, { signature: string; ranges: Array<[string, Range]> }>();

/** The highlight name of a token kind (also the `::highlight()` name in the CSS). */
export function highlightName(kind: CodeTokenKind): string {
  return `ge-code-${kind}`;
}

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
    ? CSS.highlights
    : null;
}

function highlightFor(kind: CodeTokenKind): Highlight | null {
  const reg = registry();
  if (reg === null) return null;
  const name = highlightName(kind);
  let highlight = reg.get(name);
  if (!highlight) {
    highlight = new Highlight();
    reg.set(name, highlight);
  }
  return highlight;
}

/**
 * (Re)paints one code block element holding `code` in `language`; does nothing when the
 * block's text and language are what was painted last and its DOM text is still attached.
 */
export function paintCodeBlock(element: HTMLElement, code: string, language: string): void {
  const signature = `${language}\u0000${code}`;
  const previous = painted.get(element);
  if (previous?.signature === signature && previous.ranges.every(([, r]) => !r.collapsed)) return;
  unpaintCodeBlock(element);
  if (registry() === null) return;
  const segments = textSegments(element);
  const ranges: Array<[string, Range]> = [];
  let offset = 0;
  highlightCode(code, language).forEach((line, index) => {
    if (index > 0) offset += 1; // the line break
    for (const token of line) {
      const start = offset;
      offset += token.text.length;
      if (token.kind === null) continue;
      for (const range of rangesFor(segments, start, offset)) {
        highlightFor(token.kind)?.add(range);
        ranges.push([token.kind, range]);
      }
    }
  });
  painted.set(element, { signature, ranges });
}

/** Removes a block's ranges (the block was destroyed or is repainted). */
export function unpaintCodeBlock(element: HTMLElement): void {
  const previous = painted.get(element);
  if (!previous) return;
  for (const [kind, range] of previous.ranges) highlightFor(kind as CodeTokenKind)?.delete(range);
  painted.delete(element);
}

/** How many ranges are painted per kind (for tests and the e2e check). */
export function paintedCounts(): Record<CodeTokenKind, number> {
  const counts = Object.fromEntries(CODE_TOKEN_KINDS.map((k) => [k, 0])) as Record<
    CodeTokenKind,
    number
  >;
  for (const { ranges } of painted.values())
    for (const [kind] of ranges) counts[kind as CodeTokenKind] += 1;
  return counts;
}

interface Segment {
  node: Text;
  start: number;
  end: number;
}

// The block's DOM text in model order: text nodes as they are, each <br> one `\n`
// (Lexical's extra <br> after a trailing line break comes last and maps past the code).
function textSegments(element: HTMLElement): Segment[] {
  const segments: Segment[] = [];
  let offset = 0;
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      segments.push({ node: text, start: offset, end: offset + text.data.length });
      offset += text.data.length;
      return;
    }
    if (node.nodeName === 'BR') {
      offset += 1;
      return;
    }
    node.childNodes.forEach(walk);
  };
  element.childNodes.forEach(walk);
  return segments;
}

function rangesFor(segments: Segment[], start: number, end: number): Range[] {
  const out: Range[] = [];
  for (const seg of segments) {
    if (seg.end <= start || seg.start >= end) continue;
    const range = document.createRange();
    range.setStart(seg.node, Math.max(start, seg.start) - seg.start);
    range.setEnd(seg.node, Math.min(end, seg.end) - seg.start);
    out.push(range);
  }
  return out;
}
