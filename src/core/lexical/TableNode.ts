import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellHeaderStates,
  TableCellNode,
  TableNode,
  TableRowNode,
} from '@lexical/table';
import { $createParagraphNode, type Klass, type LexicalNode } from 'lexical';

/**
 * Galley's table: @lexical/table's nodes, used in one shape. The first row is the header
 * row (every cell of it has the ROW header flag, no other cell has a flag); each cell
 * holds one paragraph of inline text; a column's alignment is the `format` of its cells
 * (`''`, `left`, `center` or `right`), the header cell's being the one that counts. The
 * alignment lives on the cells because `format` is a Lexical property @lexical/yjs
 * already syncs and restoreBody already knows how to check, and Markdown's alignment row
 * is per column too.
 */
export { TableCellNode, TableNode, TableRowNode, $isTableCellNode, $isTableNode, $isTableRowNode };

/** The three node classes, for EDITOR_NODES. */
export const TABLE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  TableNode,
  TableRowNode,
  TableCellNode,
];

/** A column's alignment; `''` is the reader's default (start). */
export type ColumnAlign = '' | 'left' | 'center' | 'right';
export const COLUMN_ALIGNS: readonly ColumnAlign[] = ['', 'left', 'center', 'right'];

/** The largest table the insert menu offers and restoreBody keeps (columns). */
export const MAX_TABLE_COLUMNS = 12;
/** The largest table restoreBody keeps (rows, header included). */
export const MAX_TABLE_ROWS = 200;

/** A table cell in Galley's shape: a header flag for the first row, one empty paragraph. */
export function $createGalleyTableCell(header: boolean, align: ColumnAlign = ''): TableCellNode {
  const cell = $createTableCellNode(
    header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS,
  );
  cell.setFormat(align);
  cell.append($createParagraphNode());
  return cell;
}

/** A table of `rows` rows (the first one the header row) and `columns` columns. */
export function $createGalleyTable(rows: number, columns: number): TableNode {
  const table = $createTableNode();
  const rowCount = clamp(rows, 2, MAX_TABLE_ROWS);
  const columnCount = clamp(columns, 1, MAX_TABLE_COLUMNS);
  for (let r = 0; r < rowCount; r++) {
    const row = $createTableRowNode();
    for (let c = 0; c < columnCount; c++) row.append($createGalleyTableCell(r === 0));
    table.append(row);
  }
  return table;
}

/** Sets column `column`'s alignment on every cell of it. */
export function $setTableColumnAlign(table: TableNode, column: number, align: ColumnAlign): void {
  for (const row of table.getChildren()) {
    if (!$isTableRowNode(row)) continue;
    const cell = row.getChildAtIndex(column);
    if ($isTableCellNode(cell)) cell.setFormat(align);
  }
}

/** Column `column`'s alignment: its header cell's format. */
export function $tableColumnAlign(table: TableNode, column: number): ColumnAlign {
  const header = table.getFirstChild();
  const cell = $isTableRowNode(header) ? header.getChildAtIndex(column) : null;
  return $isTableCellNode(cell) ? columnAlign(cell.getFormatType()) : '';
}

/** A stored alignment value as a column alignment ('' for anything else). */
export function columnAlign(value: unknown): ColumnAlign {
  return value === 'left' || value === 'center' || value === 'right' ? value : '';
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.round(value), min), max) : min;
}
