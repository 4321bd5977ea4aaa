import type { Table } from 'mdast';
import type { ImportContext } from './importContext.ts';
import { paragraphNode, typeOf, type Loose } from './looseNodes.ts';
import { phrasingToInline } from './phrasingToInline.ts';

/**
 * A GFM table as a loose Galley table: the first row is the header, each column's
 * alignment goes on its cells' `format`, each cell's phrasing becomes one paragraph.
 * restoreBody makes the rest exact (header flags, ragged rows padded, an image in a cell
 * kept as its alt text, which is an approximation).
 */
export function tableToBlocks(node: Table, context: ImportContext): Loose[] {
  const aligns = node.align ?? [];
  const rows = node.children.map((row) => ({
    type: 'tablerow',
    children: row.children.map((cell, c) => {
      const inline = phrasingToInline(cell.children, context);
      if (inline.some((n) => typeOf(n) === 'image')) context.notes.approximate();
      return { type: 'tablecell', format: aligns[c] ?? '', children: [paragraphNode(inline)] };
    }),
  }));
  return rows.length === 0 ? [] : [{ type: 'table', children: rows }];
}
