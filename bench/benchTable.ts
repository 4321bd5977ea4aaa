import type { SerializedBodyNode } from '../src/core/model/types.ts';

type Node = SerializedBodyNode;

/**
 * A comparison table for the export benchmark's edition (loose input, restored with the
 * rest): a header row and `rows` body rows of `columns` cells, the last column right
 * aligned, a link in the first cell and a bold run in the second of each row. `words(n)`
 * supplies the text.
 */
export function benchTable(words: (n: number) => string, rows: number, columns: number): Node {
  const text = (value: string, format = 0): Node => ({
    type: 'text',
    version: 1,
    text: value,
    format,
  });
  const cell = (children: Node[], c: number): Node => ({
    type: 'tablecell',
    version: 1,
    format: c === columns - 1 ? 'right' : '',
    children: [{ type: 'paragraph', version: 1, children }],
  });
  const row = (cells: Node[]): Node => ({ type: 'tablerow', version: 1, children: cells });
  const header = row(Array.from({ length: columns }, (_, c) => cell([text(words(2))], c)));
  const body = Array.from({ length: rows }, (_, r) =>
    row(
      Array.from({ length: columns }, (_, c) =>
        cell(
          c === 0
            ? [
                {
                  type: 'link',
                  version: 1,
                  url: `https://news.example.org/table/${r}`,
                  children: [text(words(2))],
                },
              ]
            : [text(words(3), c === 1 ? 1 : 0)],
          c,
        ),
      ),
    ),
  );
  return { type: 'table', version: 1, children: [header, ...body] };
}
