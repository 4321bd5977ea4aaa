import type { Html, Node, Paragraph, RootContent } from 'mdast';
import { parseMarkers } from '../export/markdown/galleyMarkers.ts';
import { HTML_CARD_LANG, HTML_CARD_META } from '../export/markdown/cardsMarkdown.ts';
import {
  isHtmlParagraph,
  isRawHtmlBlock,
  isRawHtmlParagraph,
} from '../export/markdown/rawHtmlBlock.ts';
import { CALLOUT_CHILD_TYPES } from '../model/callout.ts';
import { cardHtmlToKeep } from '../model/cardHtml.ts';
import type { ImportContext } from './importContext.ts';
import { typeOf, type Loose } from './looseNodes.ts';

/**
 * The card nodes on import. A pass before flowToBlocks replaces what belongs to a card
 * with one `galleyCards` node holding the finished loose blocks:
 *
 * - `<!-- galley:callout {...} -->` … `<!-- galley:callout-end -->`: a callout of the blocks
 *   between (converted by flowToBlocks itself); blocks a callout cannot hold follow it.
 * - `<!-- galley:embed {...} -->`: an embed of those fields; the one paragraph or quote
 *   after it (its readable form) is skipped.
 * - a fence with the info string `html galley-card`: an HTML card.
 * - any other raw HTML block, or a paragraph that opens with an HTML tag and holds only
 *   HTML and text: an HTML card instead of being dropped, holding the source as written
 *   when it is inert and sanitized otherwise (cardHtmlToKeep). One kept as written that the
 *   exporter writes back as itself (a raw block as a raw block, a paragraph as a paragraph)
 *   is kept exactly: nothing is said about it.
 */
export interface GalleyCards extends Node {
  type: 'galleyCards';
  blocks: Loose[];
}

declare module 'mdast' {
  interface RootContentMap {
    galleyCards: GalleyCards;
  }
}

type Flow = (nodes: readonly RootContent[], context: ImportContext) => Loose[];

/** Groups card markup into `galleyCards` nodes; everything else passes through unchanged. */
export function groupCards(
  nodes: readonly RootContent[],
  context: ImportContext,
  flow: Flow,
): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'code' && node.lang === HTML_CARD_LANG && node.meta === HTML_CARD_META) {
      out.push(cards(htmlCard(node.value, context, 'fence')));
      continue;
    }
    if (node.type === 'paragraph' && isHtmlParagraph(node)) {
      out.push(cards(htmlCard(sourceOf(node, context), context, 'paragraph')));
      continue;
    }
    if (node.type !== 'html') {
      out.push(node);
      continue;
    }
    const markers = parseMarkers(node.value);
    const only = markers?.length === 1 ? markers[0]! : null;
    if (markers === null) {
      out.push(cards(htmlCard(node.value, context, 'block')));
    } else if (only?.name === 'callout') {
      const end = findEnd(nodes, i + 1);
      if (end === -1) context.notes.approximate();
      const inner = nodes.slice(i + 1, end === -1 ? nodes.length : end);
      out.push(cards(callout(only.attrs, flow(inner, context), context)));
      i = end === -1 ? nodes.length : end;
    } else if (only?.name === 'embed') {
      out.push(cards([{ ...only.attrs, type: 'embed' }]));
      const next = nodes[i + 1];
      if (next?.type === 'paragraph' || next?.type === 'blockquote') i += 1;
      else context.notes.approximate();
    } else if (only?.name === 'callout-end') {
      context.notes.approximate();
    } else {
      out.push(node);
    }
  }
  return out;
}

function cards(blocks: Loose[]): GalleyCards {
  return { type: 'galleyCards', blocks };
}

// The matching end marker, counting callouts opened in between (a nested one is flattened).
function findEnd(nodes: readonly RootContent[], from: number): number {
  let depth = 0;
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'html') continue;
    const name = parseMarkers(node.value)?.[0]?.name;
    if (name === 'callout') depth += 1;
    if (name === 'callout-end') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

function callout(attrs: Record<string, unknown>, blocks: Loose[], context: ImportContext): Loose[] {
  const inside: Loose[] = [];
  const after: Loose[] = [];
  for (const block of blocks) {
    const type = typeOf(block);
    if (CALLOUT_CHILD_TYPES.has(type) || type === 'callout') inside.push(block);
    else after.push(block);
  }
  if (after.length > 0)
    context.notes.warn(
      'A callout holds paragraphs and lists; other blocks in it were moved after it.',
    );
  return [{ type: 'callout', emoji: attrs.emoji, title: attrs.title, children: inside }, ...after];
}

/** Where a card's HTML was found: a galley-card fence, a raw HTML block, a paragraph. */
type HtmlSource = 'fence' | 'block' | 'paragraph';

function htmlCard(html: string, context: ImportContext, from: HtmlSource): Loose[] {
  const kept = cardHtmlToKeep(html);
  const asWritten = kept === html.trim();
  if (from === 'fence') {
    if (!asWritten) context.notes.warn(UNSAFE);
  } else if (!asWritten) {
    context.notes.approximate();
    if (kept !== '') context.notes.warn(RAW_HTML);
  } else if (!(from === 'block' ? isRawHtmlBlock(kept) : isRawHtmlParagraph(kept))) {
    // Kept as written, but the exporter must fence it: not the same Markdown any more.
    context.notes.approximate();
  }
  return kept === '' ? [] : [{ type: 'htmlcard', html: kept }];
}

const RAW_HTML = 'Raw HTML became an HTML card (sanitized: no scripts, forms or remote styles).';
const UNSAFE = 'Something unsafe was removed from an HTML card.';

function sourceOf(node: Paragraph, context: ImportContext): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) return context.source.slice(start, end);
  return node.children.map((c) => (c as Html).value).join('');
}
