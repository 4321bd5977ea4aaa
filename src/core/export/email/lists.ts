import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf, isChecked, listOf, nestedListOf } from '../shared/bodyNodes.ts';
import { isLooseList } from '../../model/looseList.ts';
import { startSide, type EmailContext } from './context.ts';
import { text } from './hast.ts';
import { style } from './styles.ts';

/** Renders inline children; passed in so lists and blocks share one exhaustive switch. */
export type RenderChildren = (nodes: SerializedBodyNode[], ctx: EmailContext) => ElementContent[];

/**
 * A list. Lexical nests a list in a wrapper item of its own after the item it belongs
 * to; in HTML the nested list goes inside that previous item, so numbering and bullets
 * come out as readers expect.
 */
export function list(
  node: SerializedBodyNode,
  ctx: EmailContext,
  renderInline: RenderChildren,
  depth = 0,
): Element {
  const { listType, start } = listOf(node);
  const loose = isLooseList(node);
  const side = startSide(ctx);
  const items: Element[] = [];
  for (const child of childrenOf(node)) {
    const nested = nestedListOf(child);
    if (nested !== null) {
      const sublist = list(nested, ctx, renderInline, depth + 1);
      const previous = items[items.length - 1];
      if (previous) previous.children.push(sublist);
      else items.push(h('li', { style: 'list-style-type:none' }, [sublist]));
      continue;
    }
    const content = renderInline(child.type === 'listitem' ? childrenOf(child) : [child], ctx);
    if (listType === 'check')
      content.unshift(text(isChecked(child) ? '\u2611\u00a0' : '\u2610\u00a0'));
    // A loose list's items are paragraphs: paragraph spacing between them.
    items.push(h('li', { style: loose ? 'margin:0 0 16px' : 'margin:0 0 8px' }, content));
  }
  const properties = {
    style: style(
      depth === 0 ? 'margin:0 0 16px' : 'margin:8px 0 0',
      `padding:0;padding-${side}:${listType === 'check' ? 4 : 24}px`,
      listType === 'check' && 'list-style-type:none',
    ),
    start: listType === 'number' && start !== 1 ? start : undefined,
  };
  return h(listType === 'number' ? 'ol' : 'ul', properties, items);
}
