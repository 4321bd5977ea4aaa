import { CALLOUT_CHILD_TYPES, restoreCalloutFields } from './callout.ts';
import { restoreEmbedFields } from './embed.ts';
import { cardHtmlToKeep } from './cardHtml.ts';
import type { SerializedBodyNode } from './types.ts';

/**
 * restoreBody's cases for the card nodes (callout, embed, HTML card): loose input in,
 * the exact shape Lexical exports out, never a throw.
 */

type Node = SerializedBodyNode;
type Loose = Record<string, unknown>;

/**
 * A callout: its emoji and title, and its children restored as body blocks and kept to
 * paragraphs and lists (a heading or quote inside becomes a paragraph of its words; a
 * nested callout gives up its blocks; anything else is left out). Never empty.
 */
export function restoreCallout(node: Loose, restoreBlocks: (children: unknown[]) => Node[]): Node {
  const children: Node[] = [];
  const add = (block: Node) => {
    if (CALLOUT_CHILD_TYPES.has(block.type)) children.push(block);
    else if (block.type === 'callout') (block.children ?? []).forEach(add);
    else if (block.type === 'heading' || block.type === 'quote')
      children.push({
        type: 'paragraph',
        version: 1,
        direction: block.direction ?? null,
        format: block.format ?? '',
        indent: block.indent ?? 0,
        children: block.children ?? [],
        textFormat: firstFormat(block.children ?? []),
        textStyle: '',
      });
  };
  restoreBlocks(Array.isArray(node.children) ? node.children : []).forEach(add);
  if (children.length === 0)
    children.push({
      type: 'paragraph',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [],
      textFormat: 0,
      textStyle: '',
    });
  const { emoji, title } = restoreCalloutFields(node);
  return {
    type: 'callout',
    version: 1,
    direction: node.direction === 'ltr' || node.direction === 'rtl' ? node.direction : null,
    format: '',
    indent: 0,
    children,
    emoji,
    title,
  };
}

/** An embed: known provider, http(s) link, https or asset image, bounded text. */
export function restoreEmbed(node: Loose): Node {
  return { type: 'embed', version: 1, ...restoreEmbedFields(node) };
}

/**
 * An HTML card: its source when inert, else sanitized (cardHtmlToKeep); null when nothing
 * is left of it.
 */
export function restoreHtmlCard(node: Loose): Node | null {
  const html = cardHtmlToKeep(node.html);
  return html === '' ? null : { type: 'htmlcard', version: 1, html };
}

function firstFormat(children: Node[]): number {
  const first = children.find((c) => c.type === 'text');
  return typeof first?.format === 'number' ? first.format : 0;
}
