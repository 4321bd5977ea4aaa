import type { SerializedBodyNode } from './types.ts';

type Node = SerializedBodyNode;
type Loose = Record<string, unknown>;

/** What restoreTable borrows from restoreBody, so both build inline nodes the same way. */
export interface TableRestoreKit {
  /** Inline nodes (text, links, breaks) from loose children, merged as Lexical would. */
  inline(children: unknown[]): Node[];
  /** A paragraph of restored inline nodes. */
  paragraph(children: Node[]): Node;
}

const INLINE_TYPES = new Set(['text', 'link', 'linebreak', 'tab', 'inlinehtml']);

/**
 * Repairs a loose `table`, `tablerow` or `tablecell` into Galley's table shape (see
 * core/lexical/TableNode.ts): rows padded or trimmed to the header row's width (the words of
 * trimmed cells join the row's last cell), spans flattened into single cells, the first row
 * flagged as the header and no other, each cell one paragraph of single-line inline text
 * (blocks, breaks and images inside a cell become words: the email and GFM cannot show them),
 * column alignment copied from the header cell to its column. Null when nothing is left.
 */
export function restoreTable(node: Loose, kit: TableRestoreKit): Node | null {
  const rows = looseRows(node)
    .map((row) => rowCells(row).map((cell) => cellInline(cell, kit)))
    .filter((cells) => cells.length > 0);
  const header = rows[0];
  if (!header) return null;
  const width = header.length;
  const aligns = looseRows(node)[0] ? headerAligns(looseRows(node)[0]!) : [];
  const restored = rows.map((cells, r) => {
    const fitted = cells.slice(0, width);
    const extra = cells.slice(width);
    if (extra.length > 0) fitted[width - 1] = joinInline([fitted[width - 1]!, ...extra], kit);
    while (fitted.length < width) fitted.push([]);
    return tableElement(
      'tablerow',
      fitted.map((inline, c) => cell(kit.paragraph(inline), r === 0, aligns[c] ?? '')),
    );
  });
  return tableElement('table', restored);
}

// A span covers several columns: it becomes that many cells, the words in the first.
const MAX_SPAN = 50;

function looseRows(node: Loose): Loose[] {
  if (node.type === 'tablerow') return [node];
  if (node.type === 'tablecell') return [{ type: 'tablerow', children: [node] }];
  return arrayOf(node.children).filter(
    (row): row is Loose => isRecord(row) && row.type === 'tablerow',
  );
}

function rowCells(row: Loose): Loose[] {
  const out: Loose[] = [];
  for (const child of arrayOf(row.children)) {
    if (!isRecord(child) || child.type !== 'tablecell') continue;
    out.push(child);
    const span =
      typeof child.colSpan === 'number' ? Math.min(Math.floor(child.colSpan), MAX_SPAN) : 1;
    for (let i = 1; i < span; i++) out.push({ type: 'tablecell', children: [] });
  }
  return out;
}

function headerAligns(row: Loose): string[] {
  return rowCells(row).map((c) =>
    c.format === 'left' || c.format === 'center' || c.format === 'right' ? c.format : '',
  );
}

/** A cell's content as one run of inline nodes: blocks joined by a space, breaks as spaces. */
function cellInline(node: Loose, kit: TableRestoreKit): Node[] {
  const segments: Node[][] = [];
  let run: unknown[] = [];
  const flush = () => {
    if (run.length > 0) segments.push(kit.inline(run));
    run = [];
  };
  const visit = (children: unknown[]) => {
    for (const child of children) {
      if (!isRecord(child)) continue;
      if (INLINE_TYPES.has(String(child.type))) {
        run.push(child.type === 'linebreak' || child.type === 'tab' ? space() : child);
        continue;
      }
      flush();
      if (child.type === 'image') {
        if (typeof child.alt === 'string') run.push({ type: 'text', text: child.alt });
      } else if (child.type === 'button') {
        run.push({
          type: 'link',
          url: child.url,
          children: [{ type: 'text', text: child.label }],
        });
      } else {
        visit(arrayOf(child.children));
      }
      flush();
    }
  };
  visit(arrayOf(node.children));
  flush();
  return joinInline(segments, kit);
}

/** Inline runs joined by one space, whitespace at both ends trimmed (GFM trims cells). */
function joinInline(segments: Node[][], kit: TableRestoreKit): Node[] {
  const parts: unknown[] = [];
  for (const segment of segments) {
    const words = trimEdges(kit.inline(segment.map(withoutLineBreaks)));
    if (words.length === 0) continue;
    if (parts.length > 0) parts.push(space());
    parts.push(...words);
  }
  return trimEdges(kit.inline(parts));
}

// A link inside a cell can hold a break too; it becomes a space like any other.
function withoutLineBreaks(node: Node): Node {
  if (node.type === 'linebreak' || node.type === 'tab') return space();
  if (Array.isArray(node.children))
    return { ...node, children: node.children.map(withoutLineBreaks) };
  return node;
}

function trimEdges(nodes: Node[]): Node[] {
  const out = nodes.map((n) => ({ ...n }));
  // Trim the first (or last) run; a run left empty goes, and the next one is trimmed too.
  const trim = (list: Node[], atStart: boolean): Node[] => {
    while (list.length > 0) {
      const index = atStart ? 0 : list.length - 1;
      const node = { ...list[index]! };
      if (node.type === 'text' && typeof node.text === 'string') {
        node.text = atStart ? node.text.replace(/^\s+/, '') : node.text.replace(/\s+$/, '');
      } else if (Array.isArray(node.children)) {
        node.children = trim([...node.children], atStart);
      } else {
        return list;
      }
      const empty = node.type === 'text' ? node.text === '' : (node.children ?? []).length === 0;
      if (!empty) {
        list[index] = node;
        return list;
      }
      list.splice(index, 1);
    }
    return list;
  };
  return trim(trim(out, true), false);
}

function space(): Node {
  return { type: 'text', version: 1, text: ' ', format: 0, detail: 0, mode: 'normal', style: '' };
}

function cell(paragraph: Node, header: boolean, align: string): Node {
  return {
    type: 'tablecell',
    version: 1,
    backgroundColor: null,
    colSpan: 1,
    headerState: header ? 1 : 0,
    rowSpan: 1,
    direction: null,
    format: align,
    indent: 0,
    children: [paragraph],
  };
}

function tableElement(type: 'table' | 'tablerow', children: Node[]): Node {
  return { type, version: 1, direction: null, format: '', indent: 0, children };
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
