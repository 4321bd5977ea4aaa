import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { opensFragile } from '../export/markdown/bodyToMdast.ts';
import { parseMarkers } from '../export/markdown/galleyMarkers.ts';
import { MAX_BLOCK_LIST_DEPTH } from '../model/blockList.ts';
import { looseListState } from '../model/looseList.ts';
import { blockListFromMdast, listNeedsBlocks } from './blockListImport.ts';
import type { ImportContext } from './importContext.ts';
import { childrenOf, lineBreak, textNode, typeOf, type Loose } from './looseNodes.ts';
import { phrasingToInline } from './phrasingToInline.ts';

/** Lists nested deeper than this are flattened into the deepest allowed level. */
export const MAX_LIST_DEPTH = 12;

type FlowToBlocks = (nodes: readonly RootContent[], context: ImportContext) => Loose[];

/**
 * Converts an mdast list into a loose Lexical list. A bullet list whose every item starts
 * with a GFM task box (`[ ]`, `[x]`) becomes a check list. A Lexical list item holds
 * inline content only, so an item's extra paragraphs (and anything else) join it after a
 * line break (an approximation); a loose list keeps its looseness as a node state; a nested list follows its item in a wrapper item, as Lexical keeps it.
 */
export function listToBlocks(
  list: List,
  attrs: Loose,
  context: ImportContext,
  depth: number,
  flowToBlocks: FlowToBlocks,
  inlineOnly = false,
): Loose[] {
  // Items of several blocks make a block list (a check list, or one nested too deep, stays
  // a list and approximates, as below).
  if (
    !inlineOnly &&
    depth < MAX_BLOCK_LIST_DEPTH &&
    !isCheckList(list, context) &&
    listNeedsBlocks(list)
  ) {
    const nested = (child: List, childAttrs: Loose, childDepth: number) =>
      listToBlocks(child, childAttrs, context, childDepth, flowToBlocks);
    const { list: blockList, after } = blockListFromMdast(
      list,
      attrs,
      context,
      depth,
      flowToBlocks,
      nested,
    );
    if (blockList) return [blockList, ...after];
    return [...listToBlocks(list, attrs, context, depth, flowToBlocks, true), ...after];
  }
  const { listType, start, items } = convertList(list, context, depth, flowToBlocks);
  // CommonMark: a list is loose when a blank line separates its items or two blocks of
  // one item; its items then render as paragraphs. An item of several paragraphs still
  // approximates (below): the model holds one run of inline content per item. A list of
  // one item and no nested list cannot be written loose in Markdown (there is no blank
  // line to put anywhere), and renders no differently: it stays tight.
  const loose =
    items.length > 1 &&
    (list.spread === true || list.children.some((item) => spreadOwnBlocks(item, context)));
  return [{ ...attrs, type: 'list', listType, start, children: items, ...looseListState(loose) }];
}

function convertList(
  list: List,
  context: ImportContext,
  depth: number,
  flowToBlocks: FlowToBlocks,
): { listType: string; start: number; items: Loose[] } {
  const check = isCheckList(list, context);
  // CommonMark numbers from 0 up (`0.` is a list from 0); the model keeps any start.
  const start = typeof list.start === 'number' ? list.start : 1;
  const items: Loose[] = [];
  for (const item of list.children) {
    const box = check ? taskBox(item, context) : null;
    const nested: Loose[] = [];
    const parts: Loose[][] = [];
    let explicitEmpty = false;
    item.children.forEach((child, index) => {
      if (child.type === 'list') {
        if (depth + 1 < MAX_LIST_DEPTH) {
          nested.push(...listToBlocks(child, {}, context, depth + 1, flowToBlocks, true));
        } else {
          context.notes.warn(`Lists nested deeper than ${MAX_LIST_DEPTH} levels were flattened.`);
          // Its items join this list, after this item.
          nested.push(...convertList(child, context, depth, flowToBlocks).items);
        }
        return;
      }
      if (child.type === 'paragraph') {
        const paragraph = index === 0 && box ? box.paragraph : child;
        parts.push(phrasingToInline(paragraph.children, context));
        return;
      }
      // Used by the references that point at it (the context holds every definition);
      // renders as nothing.
      if (child.type === 'definition') return;
      if (child.type === 'html') {
        const markers = parseMarkers(child.value);
        if (markers?.length === 1 && markers[0]!.name === 'empty-paragraph') {
          explicitEmpty = true;
          return;
        }
        if (markers?.every((m) => m.name === 'br')) {
          parts.push(markers.map(lineBreak));
          return;
        }
      }
      // Anything else keeps its inline content as another line of the item.
      context.notes.approximate();
      for (const block of flowToBlocks([child], context)) parts.push(inlineOf(block, context));
    });
    if (parts.length > 1) context.notes.approximate();
    const inline = parts.flatMap((part, index) => (index > 0 ? [lineBreak(), ...part] : part));
    if (parts.length > 0 || nested.length === 0 || explicitEmpty) {
      items.push({ type: 'listitem', checked: box?.checked ?? false, children: inline });
    }
    for (const entry of nested) {
      // A flattened item joins as it is; a nested list goes in a wrapper item.
      items.push(typeOf(entry) === 'listitem' ? entry : { type: 'listitem', children: [entry] });
    }
  }
  return { listType: check ? 'check' : list.ordered ? 'number' : 'bullet', start, items };
}

// A bullet list whose every item with text starts with a task box.
function isCheckList(list: List, context: ImportContext): boolean {
  const withText = list.children.filter((item) => item.children.some((c) => c.type !== 'list'));
  return (
    !list.ordered &&
    withText.length > 0 &&
    withText.every((item) => taskBox(item, context) !== null)
  );
}

// An item's inline content; an image or other block keeps only its words.
function inlineOf(block: Loose, context: ImportContext): Loose[] {
  if (typeOf(block) === 'image') {
    context.notes.warn('Images inside list items were replaced by their alt text.');
    return typeof block.alt === 'string' && block.alt !== '' ? [textNode(block.alt, 0)] : [];
  }
  return childrenOf(block).flatMap((child) =>
    typeOf(child) === 'image' ? inlineOf(child, context) : [child],
  );
}

/**
 * Whether a blank line between an item's blocks makes its list loose. The exporter writes
 * one before a nested list that could not follow a paragraph without it (one numbered from
 * other than 1, or opening with an empty item or such a list) in a tight list too; such an item does not make the list loose, and
 * since CommonMark reads it loose, that is an approximation.
 */
function spreadOwnBlocks(item: ListItem, context: ImportContext): boolean {
  if (item.spread !== true) return false;
  const blocks = item.children.filter((c) => c.type !== 'list');
  const lists = item.children.filter((c) => c.type === 'list');
  const fragile =
    blocks.length <= 1 &&
    blocks.every((c) => c.type === 'paragraph' || c.type === 'html') &&
    lists.some((list) => (list.ordered === true && list.start !== 1) || opensFragile(list));
  if (fragile) context.notes.approximate();
  return !fragile;
}

const TASK = /^\[([ xX])\](?:[ \t]|$)/;

/**
 * The GFM task box at the start of an item, and its first paragraph without it. The box
 * must be written literally: `\[ ]` (how the exporter writes text that only looks like a
 * box) reads as text.
 */
function taskBox(
  item: ListItem,
  context: ImportContext,
): { checked: boolean; paragraph: Paragraph } | null {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return null;
  const first = paragraph.children[0];
  if (first?.type !== 'text') return null;
  const match = TASK.exec(first.value);
  const offset = first.position?.start.offset;
  if (!match || offset === undefined || context.source[offset] !== '[') return null;
  const rest = first.value.slice(match[0].length);
  return {
    checked: match[1] !== ' ',
    paragraph: {
      ...paragraph,
      children:
        rest === ''
          ? paragraph.children.slice(1)
          : [{ ...first, value: rest }, ...paragraph.children.slice(1)],
    },
  };
}
