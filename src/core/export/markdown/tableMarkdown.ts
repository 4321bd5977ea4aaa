import type { AlignType, Table, TableCell } from 'mdast';
import type { SerializedBodyNode } from '../../model/types.ts';
import { tableOf } from '../shared/tableNodes.ts';
import { inlineToMdast } from './inlineToMdast.ts';

/**
 * A table as a GFM table: the header row, the alignment row from each column's alignment
 * (`:--`, `:-:`, `--:`, or `---` for the default), then the body rows. Cells hold inline
 * formatting and links; mdast-util-gfm-table escapes a `|` in cell text (inline code
 * included) so it cannot end the cell. restoreBody keeps cells to one line of inline
 * text, which is exactly what a GFM cell can hold, so the table reads back unchanged.
 */
export function tableToMdast(node: SerializedBodyNode): Table | null {
  const { header, rows, aligns } = tableOf(node);
  if (header.length === 0) return null;
  const row = (cells: SerializedBodyNode[][]) => ({
    type: 'tableRow' as const,
    children: cells.map((inline): TableCell => ({
      type: 'tableCell',
      children: inlineToMdast(inline),
    })),
  });
  return {
    type: 'table',
    align: aligns.map((a): AlignType => (a === '' ? null : a)),
    children: [row(header), ...rows.map(row)],
  };
}
