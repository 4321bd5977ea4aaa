import { $isListItemNode, $isListNode, type ListItemNode, type ListNode } from '@lexical/list';
import {
  $createParagraphNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type LexicalNode,
} from 'lexical';
import { BLOCK_LIST_CHILD_TYPES } from '../model/blockList.ts';
import {
  $createBlockListItemNode,
  $createBlockListNode,
  type BlockListItemNode,
} from './BlockListNode.ts';
import { $isLooseListNode } from './listLoose.ts';

/**
 * Inserting a block (a code block, an image, a divider) with the caret in a list item puts
 * it inside that item, after its text, as a step of a how-to holds its command: the list
 * becomes a block list (each item's words a paragraph, a nested list kept as a list in its
 * item). The caret's item is the outermost one, so a block inserted from a nested item
 * goes at the end of the step it belongs to.
 *
 * False, and nothing changes, when the caret is not in a list item, the list is a check
 * list (a block list has no check boxes), or the block is one an item cannot hold.
 */
export function $insertBlockInListItem(block: LexicalNode): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !BLOCK_LIST_CHILD_TYPES.has(block.getType())) return false;
  const step = $outermostItem(selection.anchor.getNode());
  const list = step?.getParent();
  if (!step || !$isListNode(list) || list.getListType() === 'check') return false;
  const item = $listToBlockList(list).get(step.getKey());
  if (!item) return false;
  item.append(block);
  if (!$isElementNode(block)) {
    const after = $createParagraphNode();
    block.insertAfter(after);
    after.select();
  }
  return true;
}

// The list item that sits in a list directly in the body (or in a quote container).
function $outermostItem(node: LexicalNode): ListItemNode | null {
  let found: ListItemNode | null = null;
  for (let at: LexicalNode | null = node; at !== null; at = at.getParent()) {
    if ($isListItemNode(at)) found = at;
    if ($isRootOrShadowRoot(at)) break;
  }
  const list = found?.getParent();
  return list && $isRootOrShadowRoot(list.getParent()) ? found : null;
}

/**
 * Replaces `list` with a block list of the same kind, start and looseness; returns its items
 * by the key of the list item each came from.
 */
function $listToBlockList(list: ListNode): Map<string, BlockListItemNode> {
  const blockList = $createBlockListNode(
    list.getListType() === 'number' ? 'number' : 'bullet',
    list.getStart(),
    $isLooseListNode(list),
  );
  const items = new Map<string, BlockListItemNode>();
  let last: BlockListItemNode | null = null;
  for (const child of list.getChildren()) {
    if (!$isListItemNode(child)) continue;
    const nested = child.getChildren();
    // Lexical nests a list as an item holding only that list, after the item it belongs to.
    if (last !== null && nested.length === 1 && $isListNode(nested[0])) {
      last.append(nested[0]);
      items.set(child.getKey(), last);
      continue;
    }
    const item = $createBlockListItemNode().append($createParagraphNode().append(...nested));
    blockList.append(item);
    items.set(child.getKey(), item);
    last = item;
  }
  list.replace(blockList);
  return items;
}
