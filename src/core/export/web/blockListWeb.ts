import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { blockListFields } from '../../model/blockList.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import type { WebContext } from './webContext.ts';

type WebNodes = (nodes: SerializedBodyNode[], ctx: WebContext) => ElementContent[];

/**
 * A list whose items hold blocks, on the web page: `<ol>`/`<ul>`, each `<li>` holding
 * its item's blocks. As CommonMark renders it, a tight list's paragraphs are bare text
 * in the item (no paragraph spacing) and a loose list's keep their `<p>`.
 */
export function blockListWeb(
  node: SerializedBodyNode,
  ctx: WebContext,
  webNodes: WebNodes,
): Element {
  const { listType, start, loose } = blockListFields(node);
  const items = childrenOf(node).map((item) => {
    const content = webNodes(childrenOf(item), ctx);
    return h('li', loose ? content : content.flatMap(unwrapParagraph));
  });
  if (listType === 'number') return h('ol', start === 1 ? {} : { start }, items);
  return h('ul', items);
}

function unwrapParagraph(content: ElementContent): ElementContent[] {
  return content.type === 'element' && content.tagName === 'p' ? content.children : [content];
}
