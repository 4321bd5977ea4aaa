import type { List, ListItem, RootContent } from 'mdast';
import { parseMarkers } from '../export/markdown/galleyMarkers.ts';
import { BLOCK_LIST_CHILD_TYPES } from '../model/blockList.ts';
import type { ImportContext } from './importContext.ts';
import { typeOf, type Loose } from './looseNodes.ts';

type FlowToBlocks = (nodes: readonly RootContent[], context: ImportContext) => Loose[];
type ListToBlocks = (list: List, attrs: Loose, depth: number) => Loose[];

/**
 * Whether a Markdown list needs the block list: some item (at any depth) holds more than
 * one run of text, or a block other than a paragraph (a code block, a quote, a heading), or
 * a paragraph after its nested list. Anything less is Lexical's list, as before.
 */
export function listNeedsBlocks(list: List): boolean {
  return list.children.some(itemNeedsBlocks);
}

function itemNeedsBlocks(item: ListItem): boolean {
  let runs = 0;
  let afterList = false;
  for (const child of item.children) {
    if (child.type === 'list') {
      if (listNeedsBlocks(child)) return true;
      afterList = true;
      continue;
    }
    if (child.type === 'definition') continue;
    if (child.type === 'paragraph' || isRunMarker(child)) {
      runs += 1;
      if (runs > 1 || afterList) return true;
      continue;
    }
    return true;
  }
  return false;
}

// The markers the ordinary list reads as an item's text: an empty paragraph, line breaks.
function isRunMarker(node: RootContent): boolean {
  if (node.type !== 'html') return false;
  const markers = parseMarkers(node.value);
  return (
    markers !== null &&
    markers.length > 0 &&
    (markers.every((m) => m.name === 'br') ||
      (markers.length === 1 && markers[0]!.name === 'empty-paragraph'))
  );
}

/**
 * A Markdown list as a loose block list: each item's blocks converted by the body's own
 * flow converter, its nested lists by the list converter one level deeper (an ordinary
 * list, or a block list again). CommonMark's looseness is kept: a blank line between items
 * or between an item's own blocks; `after`, the blocks an item cannot hold, moved after the
 * list. `list` is null when every item came out as an ordinary list's item would (the
 * caller makes the ordinary list, which is what the written Markdown reads back as).
 */
export function blockListFromMdast(
  list: List,
  attrs: Loose,
  context: ImportContext,
  depth: number,
  flowToBlocks: FlowToBlocks,
  listToBlocks: ListToBlocks,
): { list: Loose | null; after: Loose[] } {
  const ordered = list.ordered === true;
  const loose = list.spread === true || list.children.some((item) => item.spread === true);
  const after: Loose[] = [];
  const items = list.children.map((item) => {
    const blocks: Loose[] = [];
    let run: RootContent[] = [];
    const flush = () => {
      if (run.length > 0) blocks.push(...flowToBlocks(run, context));
      run = [];
    };
    for (const child of item.children) {
      if (child.type !== 'list') {
        run.push(child);
        continue;
      }
      flush();
      blocks.push(...listToBlocks(child, {}, depth + 1));
    }
    flush();
    const inside = blocks.filter((block) => BLOCK_LIST_CHILD_TYPES.has(typeOf(block)));
    if (inside.length < blocks.length) {
      context.notes.warn(MOVED_OUT);
      after.push(...blocks.filter((block) => !BLOCK_LIST_CHILD_TYPES.has(typeOf(block))));
    }
    return { type: 'blocklistitem', children: inside };
  });
  // What it held came out as an ordinary list's items after all (raw HTML that left
  // nothing, say): the ordinary list, which is what the written Markdown reads back as.
  if (items.every((item) => fitsListItem(item.children))) return { list: null, after };
  return {
    list: {
      ...attrs,
      type: 'blocklist',
      listType: ordered ? 'number' : 'bullet',
      // CommonMark numbers from 0 up; the model keeps any start.
      start: ordered && typeof list.start === 'number' ? list.start : 1,
      loose,
      children: items,
    },
    after,
  };
}

const MOVED_OUT =
  'A list item holds text, lists, code, quotes, images and dividers; other blocks in it (cards, tables) were moved after the list.';

// One plain paragraph (or none), then nested ordinary lists only.
function fitsListItem(blocks: Loose[]): boolean {
  return blocks.every((block, index) =>
    typeOf(block) === 'paragraph'
      ? index === 0 && Object.keys(block).every((key) => key === 'type' || key === 'children')
      : typeOf(block) === 'list',
  );
}
