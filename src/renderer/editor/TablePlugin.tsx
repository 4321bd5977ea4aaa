import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createTableRowNode,
  $findTableNode,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  registerTablePlugin,
  registerTableSelectionObserver,
  TableCellHeaderStates,
  TableCellNode,
  TableNode,
  TableRowNode,
} from '@lexical/table';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  createCommand,
  KEY_ENTER_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { $createGalleyTable, $createGalleyTableCell, columnAlign } from '../../core/index.ts';
import { $insertBlock } from './BlocksPlugin.tsx';
import { $tableFromPipeRow } from './tableShortcut.ts';

/** Inserts a table of `rows` rows (header included) and `columns` columns at the caret. */
export const INSERT_GALLEY_TABLE_COMMAND: LexicalCommand<{ rows: number; columns: number }> =
  createCommand('INSERT_GALLEY_TABLE_COMMAND');

/**
 * Tables in the editor: @lexical/table's commands, integrity transforms and cell selection,
 * plus Galley's rules (see core/lexical/TableNode.ts) kept by transforms: the first row is
 * the header row, a column's cells share its header cell's alignment. Keys: Tab and
 * Shift+Tab move between cells (Tab in the last cell adds a row, unless that row is still
 * empty: then it leaves the table, so the keyboard is never trapped); Enter moves down a
 * cell, since a cell holds one line (Markdown and the email cannot show more). The Markdown
 * shortcut: Enter after a line that reads `| Tool | Price |` makes it a table's header row.
 */
export function TablePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerGalleyTables(editor), [editor]);
  return null;
}

/** Registers the table behaviour on `editor`; returns the unregister function. */
export function registerGalleyTables(editor: LexicalEditor): () => void {
  return mergeRegister(
    registerTablePlugin(editor),
    // Galley handles Tab itself (see $moveByTab), so Lexical's own handler is off.
    registerTableSelectionObserver(editor, false),
    editor.registerCommand(
      INSERT_GALLEY_TABLE_COMMAND,
      ({ rows, columns }) => {
        $insertTable(rows, columns);
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      KEY_TAB_COMMAND,
      (event) => {
        const cell = $caretCell();
        if (cell === null) return false;
        if (!$moveByTab(cell, event.shiftKey)) return false;
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        const cell = $caretCell();
        if (cell === null) {
          if (event?.shiftKey || !$caretAtBlockEnd()) return false;
          const selection = $getSelection();
          const block = $isRangeSelection(selection)
            ? selection.anchor.getNode().getTopLevelElement()
            : null;
          if (block === null || $tableFromPipeRow(block) === null) return false;
          event?.preventDefault();
          return true;
        }
        event?.preventDefault();
        const below = $cellAt(cell, 1, 0);
        if (below) $selectCell(below);
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerNodeTransform(TableNode, $normalizeTable),
    editor.registerNodeTransform(TableRowNode, (row) => {
      const table = row.getParent();
      if ($isTableNode(table)) $normalizeTable(table);
    }),
    editor.registerNodeTransform(TableCellNode, (cell) => {
      const table = $findTableNode(cell);
      if (table) $normalizeTable(table);
    }),
  );
}

/** True when the caret is collapsed at the very end of its top-level block. */
function $caretAtBlockEnd(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const block = selection.anchor.getNode().getTopLevelElement();
  if (block === null) return false;
  const last = block.getLastDescendant();
  const anchor = selection.anchor;
  if (last === null) return false;
  return anchor.key === last.getKey() && anchor.offset === last.getTextContentSize();
}

/** The table cell the collapsed caret is in, or null. */
export function $caretCell(): TableCellNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const cell = $findMatchingParent(selection.anchor.getNode(), $isTableCellNode);
  return $isTableCellNode(cell) ? cell : null;
}

function $insertTable(rows: number, columns: number): void {
  // No table inside a table: a new one goes after the table the caret is in.
  const cell = $caretCell();
  const outer = cell ? $findTableNode(cell) : null;
  if (outer) {
    const paragraph = $createParagraphNode();
    outer.insertAfter(paragraph);
    paragraph.select();
  }
  const table = $createGalleyTable(rows, columns);
  $insertBlock(table);
  const first = table.getFirstDescendant();
  const firstCell = first ? $findMatchingParent(first, $isTableCellNode) : null;
  if ($isTableCellNode(firstCell)) $selectCell(firstCell);
}

/** Moves the caret one cell on (or back); false when the key should leave the table. */
function $moveByTab(cell: TableCellNode, back: boolean): boolean {
  const next = back ? $cellAt(cell, 0, -1) : $cellAt(cell, 0, 1);
  if (next) {
    $selectCell(next);
    return true;
  }
  if (back) return false;
  const table = $findTableNode(cell);
  const lastRow = table?.getLastChild();
  if (!table || !$isTableRowNode(lastRow)) return false;
  if (lastRow.getTextContent().trim() === '' && table.getChildrenSize() > 1) {
    // An empty last row: Tab leaves the table for the text after it.
    let after = table.getNextSibling();
    if (!$isElementNode(after)) {
      after = $createParagraphNode();
      table.insertAfter(after);
    }
    after.selectStart();
    return true;
  }
  const row = $createTableRowNode();
  for (let c = 0; c < lastRow.getChildrenSize(); c++) row.append($createGalleyTableCell(false));
  lastRow.insertAfter(row);
  const firstCell = row.getFirstChild();
  if ($isTableCellNode(firstCell)) $selectCell(firstCell);
  return true;
}

/** The cell `rows` down and `columns` across from `cell`, wrapping across rows for columns. */
export function $cellAt(cell: TableCellNode, rows: number, columns: number): TableCellNode | null {
  const row = cell.getParent();
  const table = row?.getParent();
  if (!$isTableRowNode(row) || !$isTableNode(table)) return null;
  const cells: TableCellNode[][] = table
    .getChildren()
    .filter($isTableRowNode)
    .map((r) => r.getChildren().filter($isTableCellNode));
  let r = row.getIndexWithinParent() + rows;
  let c = cell.getIndexWithinParent() + columns;
  if (c >= (cells[r]?.length ?? 0)) {
    r += 1;
    c = 0;
  } else if (c < 0) {
    r -= 1;
    c = (cells[r]?.length ?? 1) - 1;
  }
  return cells[r]?.[c] ?? null;
}

/** Puts the caret at the end of a cell's text. */
export function $selectCell(cell: TableCellNode): void {
  const last = cell.getLastChild();
  if ($isElementNode(last)) last.selectEnd();
  else cell.selectEnd();
}

/**
 * Keeps a table in Galley's shape after local edits (inserted or deleted rows and
 * columns, pasted cells): header flags on the first row only, every column aligned as its
 * header cell, no merged cells. Writes only what differs, so it settles at once.
 */
function $normalizeTable(table: TableNode): void {
  const rows = table.getChildren().filter($isTableRowNode);
  const header = rows[0]?.getChildren().filter($isTableCellNode) ?? [];
  rows.forEach((row, r) => {
    row.getChildren().forEach((node: LexicalNode, c) => {
      if (!$isTableCellNode(node)) return;
      const state = r === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS;
      if (node.getHeaderStyles() !== state) node.setHeaderStyles(state);
      const align = columnAlign(header[c]?.getFormatType());
      if (r > 0 && columnAlign(node.getFormatType()) !== align) node.setFormat(align);
      if (r === 0 && node.getFormatType() !== align) node.setFormat(align);
      if (node.getColSpan() !== 1) node.setColSpan(1);
      if (node.getRowSpan() !== 1) node.setRowSpan(1);
    });
  });
}
