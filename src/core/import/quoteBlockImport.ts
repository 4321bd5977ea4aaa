import type { Blockquote, RootContent } from 'mdast';
import type { Marker } from '../export/markdown/galleyMarkers.ts';
import { MAX_QUOTE_DEPTH, QUOTE_BLOCK_CHILD_TYPES } from '../model/restoreQuoteBlock.ts';
import type { ImportContext } from './importContext.ts';
import { childrenOf, typeOf, type Loose } from './looseNodes.ts';

type Flow = (nodes: readonly RootContent[], context: ImportContext) => Loose[];

// A paragraph's attributes that a quote of one run of text has no place for.
const PARAGRAPH_ATTRS = ['format', 'indent', 'direction', 'textFormat'];

/**
 * A Markdown blockquote. One paragraph (or nothing) stays a quote of one run of text, as
 * Galley always kept it; anything else, or a blockquote after `<!-- galley:quote-block -->`,
 * becomes a quote container of its blocks (converted by flowToBlocks itself). Blocks a
 * container cannot hold (roundup items) follow it, with a warning.
 */
export function quoteFromMdast(
  node: Blockquote,
  attrs: Loose,
  marker: Marker | null,
  context: ImportContext,
  flow: Flow,
): Loose[] {
  const inner = flow(node.children, context);
  const first = inner[0];
  if (marker?.name !== 'quote-block') {
    if (!first) return [{ ...attrs, type: 'quote', children: [] }];
    if (inner.length === 1 && typeOf(first) === 'paragraph') {
      if (PARAGRAPH_ATTRS.some((key) => key in first)) context.notes.approximate();
      return [{ ...attrs, type: 'quote', children: first.children }];
    }
  }
  // A container keeps no alignment, indent or direction of its own.
  if (Object.keys(attrs).length > 0) context.notes.approximate();
  const inside: Loose[] = [];
  const after: Loose[] = [];
  for (const block of inner)
    (QUOTE_BLOCK_CHILD_TYPES.has(typeOf(block)) ? inside : after).push(block);
  if (after.length > 0)
    context.notes.warn('A quote cannot hold roundup items; those in it were moved after it.');
  // Lexical merges a list into a list of the same type right before it; Markdown does not.
  inside.forEach((b, i) => {
    const a = inside[i - 1];
    if (a && typeOf(a) === 'list' && typeOf(b) === 'list' && a.listType === b.listType)
      context.notes.approximate();
  });
  if (inside.length === 0) {
    context.notes.approximate();
    return after;
  }
  const container: Loose = { type: 'quoteblock', children: inside };
  if (depthOf(container) > MAX_QUOTE_DEPTH) context.notes.approximate();
  return [container, ...after];
}

// How many quote containers deep a block goes (itself included).
function depthOf(block: Loose): number {
  if (typeOf(block) !== 'quoteblock') return 0;
  return 1 + Math.max(0, ...childrenOf(block).map(depthOf));
}
