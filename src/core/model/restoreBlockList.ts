import { BLOCK_LIST_CHILD_TYPES, blockListFields, MAX_BLOCK_LIST_DEPTH } from './blockList.ts';
import { isRecord } from './isRecord.ts';
import type { SerializedBodyNode } from './types.ts';

type Node = SerializedBodyNode;
type Loose = Record<string, unknown>;

/**
 * restoreBody's case for a block list: its fields checked, each item's children restored
 * as body blocks and kept to BLOCK_LIST_CHILD_TYPES (a callout gives up its blocks,
 * anything else is left out), an empty item given one empty paragraph, a list with no
 * item removed (null). Items deeper than MAX_BLOCK_LIST_DEPTH lists give their blocks to
 * the item above. Never throws.
 */
export function restoreBlockList(
  node: Loose,
  restoreBlocks: (children: unknown[]) => Node[],
  depth = 0,
): Node | null {
  const items: Node[] = [];
  // A bare block where an item belongs (a peer's half-made list) becomes an item of its own.
  for (const child of arrayOf(node.children)) {
    if (!isRecord(child)) continue;
    const source = child.type === 'blocklistitem' ? arrayOf(child.children) : [child];
    items.push(restoreItem(child, source, restoreBlocks, depth));
  }
  if (items.length === 0) return null;
  const { listType, start, loose } = blockListFields(node);
  return {
    type: 'blocklist',
    version: 1,
    direction: direction(node.direction),
    format: '',
    indent: 0,
    children: items,
    listType,
    start,
    loose,
  };
}

/** A lone item (outside any block list) as a block list of one item. */
export function restoreLoneBlockListItem(
  node: Loose,
  restoreBlocks: (children: unknown[]) => Node[],
): Node | null {
  return restoreBlockList({ type: 'blocklist', children: [node] }, restoreBlocks);
}

function restoreItem(
  item: Loose,
  source: unknown[],
  restoreBlocks: (children: unknown[]) => Node[],
  depth: number,
): Node {
  const children: Node[] = [];
  const add = (block: Node) => {
    if (BLOCK_LIST_CHILD_TYPES.has(block.type)) children.push(block);
    else if (block.type === 'callout') (block.children ?? []).forEach(add);
  };
  // A nested block list is restored here, at its depth (restoreBlocks knows none); the
  // blocks between them go through restoreBlocks in runs, so inline runs still merge.
  let run: unknown[] = [];
  const flush = () => {
    restoreBlocks(run).forEach(add);
    run = [];
  };
  for (const child of source) {
    if (!isRecord(child) || child.type !== 'blocklist') {
      run.push(child);
      continue;
    }
    if (depth + 1 < MAX_BLOCK_LIST_DEPTH) {
      flush();
      const nested = restoreBlockList(child, restoreBlocks, depth + 1);
      if (nested) children.push(nested);
    } else {
      // Too deep: its items' blocks (and theirs, all the way down) join this item.
      run.push(...flattenLists([child]));
    }
  }
  flush();
  if (children.length === 0) children.push(emptyParagraph());
  return {
    type: 'blocklistitem',
    version: 1,
    direction: direction(item.direction),
    format: '',
    indent: 0,
    children,
  };
}

// The blocks of every item of these block lists, in order, without the lists.
function flattenLists(nodes: unknown[]): unknown[] {
  const out: unknown[] = [];
  const stack: unknown[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (isRecord(node) && (node.type === 'blocklist' || node.type === 'blocklistitem'))
      stack.push(...arrayOf(node.children).reverse());
    else out.push(node);
  }
  return out;
}

function emptyParagraph(): Node {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [],
    textFormat: 0,
    textStyle: '',
  };
}

function direction(value: unknown): 'ltr' | 'rtl' | null {
  return value === 'ltr' || value === 'rtl' ? value : null;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
