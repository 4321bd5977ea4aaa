import type { SerializedBodyNode } from '../../model/types.ts';
import { tableOf, type ColumnAlign } from '../shared/tableNodes.ts';
import { columns, TEXT_WIDTH, wrap } from './wrap.ts';

/** One cell's inline content as text (links with their URLs), given by the caller. */
export type CellText = (inline: SerializedBodyNode[]) => string;

/**
 * A table as plain text. When it fits the text width, an aligned grid:
 *
 *     | Tool  | Price |
 *     |-------|------:|
 *     | Lexa  |    $5 |
 *
 * (columns padded to their widest cell, each aligned as its column). When it does not,
 * each body row becomes a block of `Header: value` lines, which any width can show.
 * Returns text blocks (arrays of lines).
 */
export function tableText(node: SerializedBodyNode, cellText: CellText): string[][] {
  const { header, rows, aligns } = tableOf(node);
  if (header.length === 0) return [];
  const flat = (inline: SerializedBodyNode[]) => cellText(inline).replace(/\s+/g, ' ').trim();
  const head = header.map(flat);
  const body = rows.map((row) => row.map(flat));
  const widths = head.map((h, c) =>
    Math.max(3, columns(h), ...body.map((row) => columns(row[c] ?? ''))),
  );
  const total = widths.reduce((sum, w) => sum + w + 3, 1);
  if (total <= TEXT_WIDTH) return [grid(head, body, widths, aligns)];
  return rowBlocks(head, body);
}

function grid(head: string[], body: string[][], widths: number[], aligns: ColumnAlign[]): string[] {
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => pad(cell, widths[c]!, aligns[c] ?? '')).join(' | ')} |`;
  const rule = `|${widths
    .map((w, c) => {
      const align = aligns[c] ?? '';
      const left = align === 'center' ? ':' : '-';
      const right = align === 'center' || align === 'right' ? ':' : '-';
      return `${left}${'-'.repeat(w)}${right}`;
    })
    .join('|')}|`;
  return [line(head), rule, ...body.map(line)];
}

function pad(value: string, width: number, align: ColumnAlign): string {
  const room = width - columns(value);
  if (align === 'right') return ' '.repeat(room) + value;
  if (align === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + value + ' '.repeat(room - left);
  }
  return value + ' '.repeat(room);
}

// Too wide for a grid: one block per row, a `Header: value` line per cell.
function rowBlocks(head: string[], body: string[][]): string[][] {
  if (body.length === 0) return [wrap(head.join(' | '))];
  const blocks = body.map((row) =>
    row.flatMap((value, c) => {
      // A column without a header gives its value alone: the email shows no label either.
      const label = head[c] ?? '';
      if (value === '') return [];
      return label === '' ? wrap(value, '', '  ') : wrap(`${label}: ${value}`, '', '  ');
    }),
  );
  return blocks.filter((b) => b.length > 0);
}
