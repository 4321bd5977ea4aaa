import type { Element, ElementContent } from 'hast';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { quote } from './components.ts';
import type { EmailContext } from './context.ts';

type RenderNodes = (nodes: SerializedBodyNode[], ctx: EmailContext) => ElementContent[];

// The quote's rule (4 px) and the padding beside it (16 px): the blocks get what is left.
const QUOTE_INSET = 20;

/**
 * A quote container: the quote's own cell (the accent rule beside it, its colour, in a
 * table cell as Outlook needs) around its blocks, rendered by the ordinary block renderer
 * at the narrower width, so an image or a code block inside never overflows the column.
 */
export function quoteBlockEmail(
  node: SerializedBodyNode,
  ctx: EmailContext,
  renderNodes: RenderNodes,
): Element {
  const inner = { ...ctx, width: Math.max(ctx.width - QUOTE_INSET, 0) };
  return quote(renderNodes(childrenOf(node), inner), ctx);
}
