import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { openBodySession } from '../lexical/bodySession.ts';
import { $createGalleyTable, $setTableColumnAlign, TableNode } from '../lexical/TableNode.ts';
import { $getRoot } from 'lexical';
import { restoreBody } from './restoreBody.ts';
import type { SerializedBodyNode } from './types.ts';

const cell = (children: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'tablecell',
  children,
  ...extra,
});
const row = (...cells: unknown[]) => ({ type: 'tablerow', children: cells });
const body = (...blocks: unknown[]) => ({ root: { children: blocks } });

/** The restored table's cells as [text, headerState, format] triples, row by row. */
function grid(table: SerializedBodyNode): Array<Array<[string, unknown, unknown]>> {
  return (table.children ?? []).map((r) =>
    (r.children ?? []).map((c) => {
      const p = c.children?.[0];
      const words = (p?.children ?? []).map((n) =>
        n.type === 'link' ? `[${String(n.children?.[0]?.text)}]` : String(n.text),
      );
      return [words.join('|'), c.headerState, c.format];
    }),
  );
}

describe('restoreBody on tables', () => {
  it('pads ragged rows to the header width, folds extra cells into the last one', () => {
    const restored = restoreBody(
      body({
        type: 'table',
        children: [
          row(cell([para(text('A'))]), cell([para(text('B'))])),
          row(cell([para(text('1'))])),
          row(cell([para(text('x'))]), cell([para(text('y'))]), cell([para(text('z'))])),
        ],
      }),
    );
    expect(grid(restored.root.children[0]!)).toEqual([
      [
        ['A', 1, ''],
        ['B', 1, ''],
      ],
      [
        ['1', 0, ''],
        ['', 0, ''],
      ],
      [
        ['x', 0, ''],
        ['y z', 0, ''],
      ],
    ]);
  });

  it('sets the header flags on the first row only, whatever the input said', () => {
    const restored = restoreBody(
      body({
        type: 'table',
        children: [
          row(cell([para(text('H'))], { headerState: 0 })),
          row(cell([para(text('b'))], { headerState: 3 })),
        ],
      }),
    );
    expect(grid(restored.root.children[0]!).map((r) => r.map((c) => c[1]))).toEqual([[1], [0]]);
  });

  it('takes each column alignment from its header cell and drops unknown ones', () => {
    const restored = restoreBody(
      body({
        type: 'table',
        children: [
          row(
            cell([para(text('a'))], { format: 'right' }),
            cell([para(text('b'))], { format: 'justify' }),
          ),
          row(cell([para(text('1'))], { format: 'left' }), cell([para(text('2'))])),
        ],
      }),
    );
    expect(grid(restored.root.children[0]!).map((r) => r.map((c) => c[2]))).toEqual([
      ['right', ''],
      ['right', ''],
    ]);
  });

  it('flattens block content in a cell to one line: lists, headings, images, breaks', () => {
    const restored = restoreBody(
      body({
        type: 'table',
        children: [
          row(
            cell([
              el('heading', [text('Head')], { tag: 'h3' }),
              para(text('one'), { type: 'linebreak', version: 1 }, text('two ')),
              el('list', [el('listitem', [text('item')])], { listType: 'bullet' }),
              { type: 'image', src: 'https://x.example.com/a.png', alt: 'pic' },
              { type: 'button', label: 'Go', url: 'https://go.example.com/' },
            ]),
          ),
        ],
      }),
    );
    const table = restored.root.children[0]!;
    expect(grid(table)).toEqual([[['Head one two item pic |[Go]', 1, '']]]);
    const only = table.children![0]!.children![0]!;
    expect(only.children).toHaveLength(1);
    expect(only.children![0]!.type).toBe('paragraph');
  });

  it('expands a colSpan into cells and wraps a loose row or cell in a table', () => {
    const spanned = restoreBody(body({ type: 'table', children: [row(cell([], { colSpan: 3 }))] }));
    expect(grid(spanned.root.children[0]!)[0]).toHaveLength(3);
    const loose = restoreBody(body(row(cell([para(text('lonely'))]))));
    expect(loose.root.children[0]!.type).toBe('table');
    expect(grid(loose.root.children[0]!)).toEqual([[['lonely', 1, '']]]);
  });

  it('drops a table with no rows, keeps unsafe links as words, never throws', () => {
    const restored = restoreBody(
      body(
        { type: 'table', children: [] },
        { type: 'table', children: 'nope' },
        {
          type: 'table',
          children: [
            row(cell([para(el('link', [text('bad')], { url: 'javascript:alert(1)' })), null, 42])),
          ],
        },
      ),
    );
    expect(restored.root.children.map((b) => b.type)).toEqual(['table']);
    expect(grid(restored.root.children[0]!)).toEqual([[['bad', 1, '']]]);
  });

  it('is what Lexical itself exports for the same table, and restoring twice changes nothing', () => {
    const doc = new Y.Doc();
    const session = openBodySession(doc);
    session.update(() => {
      const table = $createGalleyTable(3, 2);
      $getRoot().clear().append(table);
      $setTableColumnAlign(table, 1, 'center');
      table.getFirstDescendant()?.getParentOrThrow();
    });
    const lexical = session.read();
    session.dispose();
    expect(restoreBody(lexical)).toEqual(lexical);
    expect(restoreBody(restoreBody(lexical))).toEqual(restoreBody(lexical));
  });

  it('syncs header flags and column alignment between two headless editors over Yjs', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
    const left = openBodySession(a);
    const right = openBodySession(b);
    left.update(() => {
      $getRoot().clear().append($createGalleyTable(2, 3));
    });
    right.update(() => {
      const table = $getRoot().getFirstChild();
      if (table instanceof TableNode) $setTableColumnAlign(table, 2, 'right');
    });
    const fromLeft = left.read();
    expect(fromLeft).toEqual(right.read());
    const t = grid(fromLeft.root.children[0]!);
    expect(t.map((r) => r.map((c) => c[1]))).toEqual([
      [1, 1, 1],
      [0, 0, 0],
    ]);
    expect(t.map((r) => r[2]![2])).toEqual(['right', 'right']);
    left.dispose();
    right.dispose();
  });
});
