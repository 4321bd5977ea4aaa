import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SerializedBodyNode } from '../../model/types.ts';
import { tableOf, type ColumnAlign } from '../shared/tableNodes.ts';
import { startSide, type EmailContext } from './context.ts';
import { box, text } from './hast.ts';
import type { RenderChildren } from './lists.ts';
import { style } from './styles.ts';

/**
 * A body table in email: a real data table (`class="gx-data"`, header cells as
 * `<th scope="col">`), styled inline.
 *
 * Narrow screens: shrink and wrap. The table is 100% of the column and lays its columns
 * out automatically, so at 375 px each column narrows and its text wraps between words;
 * under 620 px a media query trims cell padding and a point of type (`gx-cell`). Words stay
 * whole (`overflow-wrap` is unsupported in Gmail, Outlook and Yahoo), so a column is never
 * narrower than its longest word: preflight's width estimate is built on exactly that.
 * This is the one strategy every client renders the same: stacking needs media queries
 * that the Gmail app ignores for some accounts, and a scrolling wrapper needs `overflow`,
 * which Outlook and several webmails drop. Preflight warns when a table's natural width
 * passes 600 px, where wrapping alone stops being readable.
 *
 * Borders sit on the cells (1 px, collapsed), which Outlook's Word engine draws, and take
 * the dark rule colour through `gx-rule`; the header row has the code background
 * (`gx-code`), body cells the text colour (`gx-text`).
 */
export function emailTable(
  node: SerializedBodyNode,
  ctx: EmailContext,
  renderInline: RenderChildren,
): Element | null {
  const { header, rows, aligns } = tableOf(node);
  if (header.length === 0) return null;
  const { light } = ctx.palette;
  const cellBase = (align: ColumnAlign) =>
    style(
      `border:1px solid ${light.rule}`,
      'padding:8px 10px',
      `text-align:${align === '' ? startSide(ctx) : align}`,
      'font-size:14px',
      'line-height:20px',
      // The card breaks words anywhere (word-break is inherited), which would let the
      // table squeeze a column to a letter or two; a cell keeps its words whole.
      'word-break:normal',
    );
  const content = (inline: SerializedBodyNode[]): ElementContent[] => {
    const out = renderInline(inline, ctx);
    // An empty cell collapses in some clients; a no-break space keeps its row height.
    return out.length > 0 ? out : [text('\u00a0')];
  };
  const head = h(
    'tr',
    header.map((cell, c) =>
      h(
        'th',
        {
          scope: 'col',
          className: ['gx-cell', 'gx-code', 'gx-rule'],
          style: style(
            cellBase(aligns[c] ?? ''),
            `background-color:${light.code}`,
            `color:${light.text}`,
            'font-weight:700',
            'vertical-align:bottom',
          ),
        },
        content(cell),
      ),
    ),
  );
  const body = rows.map((row) =>
    h(
      'tr',
      row.map((cell, c) =>
        h(
          'td',
          {
            className: ['gx-cell', 'gx-text', 'gx-rule'],
            style: style(cellBase(aligns[c] ?? ''), `color:${light.text}`, 'vertical-align:top'),
          },
          content(cell),
        ),
      ),
    ),
  );
  const table = h(
    'table',
    {
      className: ['gx-data'],
      cellPadding: 0,
      cellSpacing: 0,
      border: 0,
      width: '100%',
      style: style('width:100%', 'border-collapse:collapse'),
    },
    [h('thead', [head]), h('tbody', body)],
  );
  return box({ style: 'padding:4px 0 20px' }, [table]);
}
