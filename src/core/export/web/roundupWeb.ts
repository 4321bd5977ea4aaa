import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { exportHref } from '../shared/links.ts';
import { ROUNDUP_BULLET, roundupItemOf } from '../shared/roundupItem.ts';
import type { WebContext } from './webContext.ts';

/** Renders inline children (webBody's renderer, passed in: no import cycle). */
export type WebInline = (nodes: SerializedBodyNode[], ctx: WebContext) => ElementContent[];

/**
 * One roundup item on the web archive page: a block with the emoji, the title linked to
 * the item's URL, the source in muted text and the blurb below, styled by the page's
 * `.roundup-item` rule.
 */
export function roundupItemWeb(
  node: SerializedBodyNode,
  ctx: WebContext,
  inline: WebInline,
): Element {
  const item = roundupItemOf(node);
  const words = item.title || item.url || 'Untitled link';
  const href = item.url === '' ? null : exportHref(item.url);
  if (item.url !== '' && href === null)
    ctx.warn(
      `${ctx.where}: a roundup item's link has an unusable URL; its title is shown unlinked`,
    );
  const head: ElementContent[] = [
    h('span', { className: ['mark'], ariaHidden: item.emoji === '' ? 'true' : undefined }, [
      item.emoji || ROUNDUP_BULLET,
    ]),
    { type: 'text', value: ' ' },
    href === null ? h('strong', [words]) : h('a', { href }, [h('strong', [words])]),
  ];
  if (item.source !== '')
    head.push(
      { type: 'text', value: ' ' },
      h('span', { className: ['muted'] }, [`— ${item.source}`]),
    );
  const children: ElementContent[] = [h('p', head)];
  const blurb = inline(childrenOf(node), ctx);
  if (blurb.length > 0) children.push(h('p', blurb));
  return h('div', { className: ['roundup-item'] }, children);
}
