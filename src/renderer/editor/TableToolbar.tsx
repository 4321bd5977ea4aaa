import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $findTableNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
} from '@lexical/table';
import { $getSelection, $setSelection, type BaseSelection } from 'lexical';
import { useEffect, useId, useRef, useState } from 'react';
import {
  $setTableColumnAlign,
  $tableColumnAlign,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  type ColumnAlign,
} from '../../core/index.ts';
import { $restoreSelection, focusEditor } from './commands.ts';
import { Icon } from './icons.tsx';
import { Panel } from './InsertPanels.tsx';
import { $caretCell, INSERT_GALLEY_TABLE_COMMAND } from './TablePlugin.tsx';

interface TablePlace {
  row: number;
  column: number;
  rows: number;
  columns: number;
  align: ColumnAlign;
}

/**
 * The table bar: shown while the caret is in a table, just under the formatting bar (Tab
 * from that bar, or Shift+Tab from the table's first cell, reaches it). Rows and columns
 * are added and removed around the caret's cell; the column's alignment is set for all its
 * cells. The header row cannot be deleted (a GFM table always has one).
 */
export function TableToolbar() {
  const [editor] = useLexicalComposerContext();
  const [place, setPlace] = useState<TablePlace | null>(null);
  // The caret in the table when focus moved here, so keyboard users act where they were.
  const saved = useRef<BaseSelection | null>(null);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read(() => {
          const cell = $caretCell();
          const table = cell ? $findTableNode(cell) : null;
          if (!cell || !table) return null;
          saved.current = $getSelection()?.clone() ?? null;
          const row = cell.getParentOrThrow();
          const column = cell.getIndexWithinParent();
          return {
            row: row.getIndexWithinParent(),
            column,
            rows: table.getChildrenSize(),
            columns: row.getChildrenSize(),
            align: $tableColumnAlign(table, column),
          };
        });
        setPlace((prev) => (sameShape(prev, next) ? prev : next));
      }),
    [editor],
  );

  if (place === null) return null;

  const act = (fn: () => void) => {
    editor.update(() => {
      $restoreSelection(saved.current);
      fn();
    });
    focusEditor(editor);
  };
  const align = (value: ColumnAlign) =>
    act(() => {
      const cell = $caretCell();
      const table = cell ? $findTableNode(cell) : null;
      if (cell && table) $setTableColumnAlign(table, cell.getIndexWithinParent(), value);
    });
  const removeTable = () =>
    act(() => {
      const cell = $caretCell();
      const table = cell ? $findTableNode(cell) : null;
      if (!table) return;
      const after = table.getNextSibling() ?? table.getPreviousSibling();
      table.remove();
      if (after) after.selectStart();
      else $setSelection(null);
    });

  const buttons: Array<{ name: string; label: string; run: () => void; disabled?: boolean }> = [
    {
      name: 'row-above',
      label: 'Row above',
      run: () => act(() => $insertTableRowAtSelection(false)),
      disabled: place.row === 0 || place.rows >= MAX_TABLE_ROWS,
    },
    {
      name: 'row-below',
      label: 'Row below',
      run: () => act(() => $insertTableRowAtSelection(true)),
      disabled: place.rows >= MAX_TABLE_ROWS,
    },
    {
      name: 'row-delete',
      label: 'Delete row',
      run: () => act(() => $deleteTableRowAtSelection()),
      disabled: place.row === 0,
    },
    {
      name: 'column-left',
      label: 'Column left',
      run: () => act(() => $insertTableColumnAtSelection(false)),
      disabled: place.columns >= MAX_TABLE_COLUMNS,
    },
    {
      name: 'column-right',
      label: 'Column right',
      run: () => act(() => $insertTableColumnAtSelection(true)),
      disabled: place.columns >= MAX_TABLE_COLUMNS,
    },
    {
      name: 'column-delete',
      label: 'Delete column',
      run: () => act(() => $deleteTableColumnAtSelection()),
      disabled: place.columns <= 1,
    },
  ];
  const aligns: Array<[ColumnAlign, string]> = [
    ['left', 'Left'],
    ['center', 'Center'],
    ['right', 'Right'],
  ];

  return (
    <div
      className="ge-tablebar"
      role="toolbar"
      aria-label={`Table, row ${place.row + 1} of ${place.rows}, column ${place.column + 1} of ${place.columns}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          act(() => {});
        }
      }}
    >
      {buttons.map((b) => (
        <button
          key={b.name}
          type="button"
          className="btn ge-tablebar__button"
          data-table-tool={b.name}
          disabled={b.disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={b.run}
        >
          {b.label}
        </button>
      ))}
      <span className="ge-tablebar__group" role="group" aria-label="Align column">
        {aligns.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className="btn ge-tablebar__button"
            data-table-tool={`align-${value}`}
            aria-pressed={place.align === value}
            aria-label={`Align column ${label.toLowerCase()}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => align(place.align === value ? '' : value)}
          >
            {label}
          </button>
        ))}
      </span>
      <button
        type="button"
        className="btn ge-tablebar__button"
        data-table-tool="table-delete"
        onMouseDown={(event) => event.preventDefault()}
        onClick={removeTable}
      >
        Delete table
      </button>
    </div>
  );
}

function sameShape(a: TablePlace | null, b: TablePlace | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface PanelProps {
  saved: BaseSelection | null;
  onClose: (inserted: boolean) => void;
}

/** Asks for a table's size (columns, and rows under the header) and inserts it. */
export function InsertTablePanel({ saved, onClose }: PanelProps) {
  const [editor] = useLexicalComposerContext();
  const [columns, setColumns] = useState(3);
  const [rows, setRows] = useState(2);
  const ids = { columns: useId(), rows: useId() };
  const submit = () => {
    editor.update(() => {
      $restoreSelection(saved);
      editor.dispatchCommand(INSERT_GALLEY_TABLE_COMMAND, { rows: rows + 1, columns });
    });
    onClose(true);
    focusEditor(editor);
  };
  return (
    <Panel title="Add a table" onClose={() => onClose(false)} onSubmit={submit}>
      <div className="ge-panel__row">
        <div className="ge-field">
          <label htmlFor={ids.columns}>Columns</label>
          <input
            id={ids.columns}
            className="input"
            type="number"
            min={1}
            max={MAX_TABLE_COLUMNS}
            value={columns}
            autoFocus
            onChange={(event) => setColumns(clamp(event.target.valueAsNumber, MAX_TABLE_COLUMNS))}
          />
        </div>
        <div className="ge-field">
          <label htmlFor={ids.rows}>Rows under the header</label>
          <input
            id={ids.rows}
            className="input"
            type="number"
            min={1}
            max={MAX_TABLE_ROWS - 1}
            value={rows}
            onChange={(event) => setRows(clamp(event.target.valueAsNumber, MAX_TABLE_ROWS - 1))}
          />
        </div>
      </div>
      <div className="ge-panel__actions">
        <button type="submit" className="btn primary">
          Add table
        </button>
        <button type="button" className="btn" onClick={() => onClose(false)}>
          Cancel
        </button>
      </div>
    </Panel>
  );
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.round(value), 1), max) : 1;
}

/** The insert-table icon: a grid with a header band. */
export const TableIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1" />
    <path d="M2 6.5h12M6 3v10M10 3v10" />
  </Icon>
);
