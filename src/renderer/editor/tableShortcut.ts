import { $isTableCellNode, $isTableRowNode, type TableNode } from '@lexical/table';
import {
  $createParagraphNode,
  $createTextNode,
  $isParagraphNode,
  $isRootNode,
  type LexicalNode,
} from 'lexical';
import { $createGalleyTable, MAX_TABLE_COLUMNS } from '../../core/index.ts';

// `| a | b |`: a GFM header row typed on a line of its own (pipes at both ends).
const PIPE_ROW = /^\s*\|(.*)\|\s*$/;

/** The header cells of a typed `| a | b |` line, or null when the line is not one. */
export function pipeRowCells(line: string): string[] | null {
  const match = PIPE_ROW.exec(line);
  if (!match) return null;
  const cells = match[1]!.split('|').map((cell) => cell.trim());
  return cells.length <= MAX_TABLE_COLUMNS ? cells : null;
}

/**
 * The Markdown shortcut for a table: Enter at the end of a top-level paragraph that reads
 * `| Tool | Price |` turns it into a table with that header row and one empty row, the
 * caret in the first body cell. Returns the table, or null when `block` is not such a line.
 */
export function $tableFromPipeRow(block: LexicalNode): TableNode | null {
  if (!$isParagraphNode(block) || !$isRootNode(block.getParent())) return null;
  const cells = pipeRowCells(block.getTextContent());
  if (cells === null) return null;
  const table = $createGalleyTable(2, cells.length);
  const [header, body] = table.getChildren().filter($isTableRowNode);
  header?.getChildren().forEach((cell, c) => {
    const paragraph = $isTableCellNode(cell) ? cell.getFirstChild() : null;
    if ($isParagraphNode(paragraph) && cells[c]) paragraph.append($createTextNode(cells[c]));
  });
  block.replace(table);
  // Somewhere to type after the table.
  if (table.getNextSibling() === null) table.insertAfter($createParagraphNode());
  const first = body?.getFirstChild();
  if ($isTableCellNode(first)) first.selectStart();
  return table;
}
