import {
  $createParagraphNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical';
import {
  $createBlockListItemNode,
  $createBlockListNode,
  $isBlockListItemNode,
  $isBlockListNode,
  type BlockListItemNode,
  type BlockListNode,
} from './BlockListNode.ts';

/**
 * The keys of a block list, as a table cell's: Enter on an empty last paragraph of an item
 * starts the next item (in an empty last item, leaves the list); Backspace in an empty first
 * paragraph of an item merges the item into the one before (the first item's, when empty,
 * leaves the list). Each returns true when it handled the key.
 */

/** Enter: true when the caret's empty paragraph ended an item and was turned into the next. */
export function $blockListEnter(): boolean {
  const at = $caretInEmptyItemParagraph();
  if (at === null) return false;
  const { paragraph, item, list } = at;
  if (paragraph.getNextSibling() !== null) return false;
  if (paragraph.getPreviousSibling() === null) {
    // An empty item: only the last one leaves the list (as an ordinary list's does).
    if (item.getNextSibling() !== null) return false;
    const after = $createParagraphNode();
    list.insertAfter(after);
    item.remove();
    if (list.getChildrenSize() === 0) list.remove();
    after.select();
    return true;
  }
  const next = $createBlockListItemNode();
  const fresh = $createParagraphNode();
  next.append(fresh);
  item.insertAfter(next);
  paragraph.remove();
  fresh.select();
  return true;
}

/** Backspace: true when the caret's empty first paragraph of an item merged the item away. */
export function $blockListBackspace(): boolean {
  const at = $caretInEmptyItemParagraph();
  if (at === null) return false;
  const { paragraph, item, list } = at;
  if (paragraph.getPreviousSibling() !== null) return false;
  const previous = item.getPreviousSibling();
  if ($isBlockListItemNode(previous)) {
    const end = previous.getLastChild();
    paragraph.remove();
    for (const block of item.getChildren()) previous.append(block);
    item.remove();
    if (end !== null && 'selectEnd' in end) end.selectEnd();
    else previous.selectEnd();
    return true;
  }
  // The first item: an empty one leaves the list as a paragraph before it.
  if (item.getChildrenSize() > 1) return false;
  const before = $createParagraphNode();
  list.insertBefore(before);
  item.remove();
  if (list.getChildrenSize() === 0) list.remove();
  before.select();
  return true;
}

/** Keeps the shape restoreBody keeps while editing: items in lists, blocks in items. */
export function $normalizeBlockList(list: BlockListNode): void {
  for (const child of list.getChildren()) {
    if ($isBlockListItemNode(child)) continue;
    const item = $createBlockListItemNode();
    child.replace(item);
    item.append(child);
  }
  if (list.getChildrenSize() === 0) list.remove();
}

/** An item outside a block list gets one; an empty item one empty paragraph. */
export function $normalizeBlockListItem(item: BlockListItemNode): void {
  if (item.getChildrenSize() === 0) item.append($createParagraphNode());
  if (!$isBlockListNode(item.getParent())) {
    const list = $createBlockListNode();
    item.replace(list);
    list.append(item);
  }
}

function $caretInEmptyItemParagraph(): {
  paragraph: ParagraphNode;
  item: BlockListItemNode;
  list: BlockListNode;
} | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node: LexicalNode = selection.anchor.getNode();
  if (!$isParagraphNode(node) || node.getChildrenSize() > 0) return null;
  const item = node.getParent();
  const list = item?.getParent();
  if (!$isBlockListItemNode(item) || !$isBlockListNode(list)) return null;
  return { paragraph: node, item, list };
}
