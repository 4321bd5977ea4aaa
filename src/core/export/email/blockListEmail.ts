import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { blockListFields } from '../../model/blockList.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { startSide, type EmailContext } from './context.ts';
import type { RenderChildren } from './lists.ts';
import { style } from './styles.ts';

/**
 * A list whose items hold blocks, in email: the same `<ol>`/`<ul>` and spacing as an
 * ordinary list (lists.ts), each `<li>` holding its item's blocks as the body renders
 * them. In a tight list an item's paragraphs lose their paragraph spacing, so a step
 * reads as a list line with its code block under it; in a loose one the paragraphs
 * keep it and the item adds none.
 */
export function blockListEmail(
  node: SerializedBodyNode,
  ctx: EmailContext,
  renderNodes: RenderChildren,
  nested = false,
): Element {
  const { listType, start, loose } = blockListFields(node);
  const items = childrenOf(node).map((item) => {
    const content = renderNodes(childrenOf(item), ctx);
    if (!loose) content.forEach(tightenParagraph);
    return h('li', { style: loose ? 'margin:0' : 'margin:0 0 8px' }, content);
  });
  const properties = {
    style: style(
      nested ? 'margin:8px 0 0' : 'margin:0 0 16px',
      `padding:0;padding-${startSide(ctx)}:24px`,
    ),
    start: listType === 'number' && start !== 1 ? start : undefined,
  };
  return h(listType === 'number' ? 'ol' : 'ul', properties, items);
}

// A paragraph's spacing (`margin:0 0 16px`, blocks.ts) becomes none in a tight item.
function tightenParagraph(content: ElementContent): void {
  if (content.type !== 'element' || content.tagName !== 'p') return;
  const current = content.properties.style;
  if (typeof current === 'string')
    content.properties.style = current.replace(/^margin:0 0 16px/, 'margin:0');
}
