import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import type { WebContext } from './webContext.ts';

type WebNodes = (nodes: SerializedBodyNode[], ctx: WebContext) => ElementContent[];

/** A quote container on the web page: a blockquote of its blocks, styled as any quote. */
export function webQuoteBlock(node: SerializedBodyNode, ctx: WebContext, nodes: WebNodes): Element {
  return h('blockquote', nodes(childrenOf(node), ctx));
}
