import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SerializedBodyNode } from '../../model/types.ts';
import { tableOf } from '../shared/tableNodes.ts';

/** Renders a cell's inline nodes; passed in so the table shares webBody's one switch. */
export type WebInline = (nodes: SerializedBodyNode[]) => ElementContent[];

/**
 * A body table on the web archive page: semantic `<table>` with `<th scope="col">`
 * headers, aligned per column, inside a wrapper that scrolls sideways on a narrow screen
 * (a web page, unlike an email, can rely on `overflow-x`).
 */
export function webTable(node: SerializedBodyNode, inline: WebInline): Element | null {
  const { header, rows, aligns } = tableOf(node);
  if (header.length === 0) return null;
  const cellStyle = (c: number) => {
    const align = aligns[c] ?? '';
    return align === '' ? {} : { style: `text-align:${align}` };
  };
  return h('div', { className: ['table-wrap'] }, [
    h('table', [
      h('thead', [
        h(
          'tr',
          header.map((cell, c) => h('th', { scope: 'col', ...cellStyle(c) }, inline(cell))),
        ),
      ]),
      h(
        'tbody',
        rows.map((row) =>
          h(
            'tr',
            row.map((cell, c) => h('td', cellStyle(c), inline(cell))),
          ),
        ),
      ),
    ]),
  ]);
}
