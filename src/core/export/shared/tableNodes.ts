import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from './bodyNodes.ts';

/** A column's alignment as the exporters read it; `''` is the default (start). */
export type ColumnAlign = '' | 'left' | 'center' | 'right';

/** A table as the exporters see it: the header row, the body rows, one alignment per column. */
export interface TableFields {
  /** Inline nodes of each header cell. */
  header: SerializedBodyNode[][];
  /** Inline nodes of each cell of each body row, every row as wide as the header. */
  rows: SerializedBodyNode[][][];
  aligns: ColumnAlign[];
}

/**
 * Reads a table node. A restored body has exactly the shape restoreTable makes; anything
 * else (an edition that skipped restoreEdition) is read leniently: the first row is the
 * header, rows are padded to its width, a cell's blocks give their inline nodes.
 */
export function tableOf(node: SerializedBodyNode): TableFields {
  const rows = childrenOf(node)
    .filter((row) => row.type === 'tablerow')
    .map((row) => childrenOf(row).filter((cell) => cell.type === 'tablecell'));
  const headerCells = rows[0] ?? [];
  const width = headerCells.length;
  const fit = (cells: SerializedBodyNode[]) => {
    const out = cells.slice(0, width).map(cellInline);
    while (out.length < width) out.push([]);
    return out;
  };
  return {
    header: fit(headerCells),
    rows: rows.slice(1).map(fit),
    aligns: headerCells.map((cell) => columnAlignOf(cell.format)),
  };
}

/** A stored `format` value as a column alignment. */
export function columnAlignOf(value: unknown): ColumnAlign {
  return value === 'left' || value === 'center' || value === 'right' ? value : '';
}

function cellInline(cell: SerializedBodyNode): SerializedBodyNode[] {
  return childrenOf(cell).flatMap((block) =>
    block.type === 'paragraph' ? childrenOf(block) : [block],
  );
}
