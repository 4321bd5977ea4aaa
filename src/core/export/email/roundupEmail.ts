import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { exportHref } from '../shared/links.ts';
import { ROUNDUP_BULLET, roundupItemOf } from '../shared/roundupItem.ts';
import type { EmailContext } from './context.ts';
import { table, text } from './hast.ts';
import type { RenderChildren } from './lists.ts';
import { style } from './styles.ts';

// The emoji column: wide enough for one emoji at 20 px, fixed so every row lines up.
const MARK_WIDTH = 32;

/**
 * One roundup item as an email row: a fixed-width cell with the emoji (a bullet when the
 * item has none), then the linked title in bold, the source in muted small text and the
 * blurb below; a rule under each row. A table, so Outlook keeps the two columns, and
 * classes only from the shared dark-mode set (gx-link, gx-muted, gx-rule).
 */
export function roundupItemRow(
  node: SerializedBodyNode,
  ctx: EmailContext,
  renderInline: RenderChildren,
): Element {
  const item = roundupItemOf(node);
  const titleWords = item.title || item.url || 'Untitled link';
  const href = item.url === '' ? null : exportHref(item.url);
  if (item.url !== '' && href === null)
    ctx.warn(
      `${ctx.where}: a roundup item's link has an unusable URL; its title is shown unlinked`,
    );
  const titleLine: ElementContent[] = [
    href === null
      ? h('strong', { className: ['gx-text'], style: `color:${ctx.palette.light.text}` }, [
          text(titleWords),
        ])
      : h(
          'a',
          {
            href,
            className: ['gx-link'],
            style: style(
              `color:${ctx.palette.light.link}`,
              'font-weight:700',
              'text-decoration:underline',
            ),
          },
          [text(titleWords)],
        ),
  ];
  if (item.source !== '')
    titleLine.push(
      text(' '),
      h(
        'span',
        {
          className: ['gx-muted'],
          style: style('font-size:13px', `color:${ctx.palette.light.muted}`),
        },
        [text(`\u2014 ${item.source}`)],
      ),
    );
  const content: ElementContent[] = [
    h('p', { style: 'margin:0;font-size:16px;line-height:24px' }, titleLine),
  ];
  const blurb = renderInline(childrenOf(node), ctx);
  if (blurb.length > 0)
    content.push(h('p', { style: 'margin:4px 0 0;font-size:15px;line-height:22px' }, blurb));
  const mark = h(
    'td',
    {
      width: MARK_WIDTH,
      valign: 'top',
      className: ['gx-muted'],
      style: style(
        `width:${MARK_WIDTH}px`,
        'font-size:18px',
        'line-height:24px',
        `color:${ctx.palette.light.muted}`,
      ),
    },
    [text(item.emoji || ROUNDUP_BULLET)],
  );
  const body = h('td', { valign: 'top' }, content);
  return table({ width: '100%' }, [
    h('tr', [
      h(
        'td',
        {
          className: ['gx-rule'],
          style: style(`border-bottom:1px solid ${ctx.palette.light.rule}`, 'padding:12px 0'),
        },
        [table({ width: '100%' }, [h('tr', [mark, body])])],
      ),
    ]),
  ]);
}
