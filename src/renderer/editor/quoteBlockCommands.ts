import { $findMatchingParent } from '@lexical/utils';
import {
  $getRoot,
  $isParagraphNode,
  $isRangeSelection,
  type BaseSelection,
  type LexicalNode,
} from 'lexical';
import {
  $createQuoteBlockNode,
  $isQuoteBlockNode,
  QUOTE_BLOCK_CHILD_TYPES,
  type QuoteBlockNode,
} from '../../core/index.ts';

/**
 * The editor's ways in and out of a quote container: the quote action on several blocks
 * wraps them, on a container lifts its blocks back out; Enter on an empty last paragraph
 * and Backspace at the start of the first block leave it.
 */

/**
 * The quote action on a container or on several blocks: lifts the container's blocks out,
 * or wraps the blocks in one. False when neither applies (one block becomes a QuoteNode).
 */
export function $toggleQuoteBlock(selection: BaseSelection | null): boolean {
  return $unwrapQuoteBlock(selection) || $wrapBlocksInQuote(selection);
}

/** The quote container the selection's anchor is in, if any. */
export function $selectedQuoteBlock(selection: BaseSelection | null): QuoteBlockNode | null {
  if (!$isRangeSelection(selection)) return null;
  const found = $findMatchingParent(selection.anchor.getNode(), $isQuoteBlockNode);
  return $isQuoteBlockNode(found) ? found : null;
}

/**
 * Wraps the top-level blocks a selection spans in one quote container, when it spans
 * more than one and each is a block a quote may hold. Returns whether it did.
 */
export function $wrapBlocksInQuote(selection: BaseSelection | null): boolean {
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
  const first = $bodyBlockOf(selection.anchor.getNode());
  const last = $bodyBlockOf(selection.focus.getNode());
  if (first === null || last === null || first === last) return false;
  const [from, to] = first.isBefore(last) ? [first, last] : [last, first];
  const blocks: LexicalNode[] = [from];
  for (let n = from.getNextSibling(); n !== null && n !== to; n = n.getNextSibling())
    blocks.push(n);
  blocks.push(to);
  if (!blocks.every((b) => QUOTE_BLOCK_CHILD_TYPES.has(b.getType()))) return false;
  const quote = $createQuoteBlockNode();
  from.insertBefore(quote);
  quote.append(...blocks);
  return true;
}

/** Lifts the blocks of the container the selection is in out of it. Returns whether it did. */
export function $unwrapQuoteBlock(selection: BaseSelection | null): boolean {
  const quote = $selectedQuoteBlock(selection);
  if (quote === null) return false;
  for (const child of quote.getChildren()) quote.insertBefore(child);
  quote.remove();
  return true;
}

/**
 * Enter in an empty paragraph that closes a container: the paragraph moves out, after the
 * container, as Enter on an empty last list item leaves the list. Returns whether it did.
 */
export function $leaveQuoteOnEnter(selection: BaseSelection | null): boolean {
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const block = selection.anchor.getNode().getTopLevelElement();
  const quote = block?.getParent();
  if (!$isParagraphNode(block) || !$isQuoteBlockNode(quote)) return false;
  if (block.getNextSibling() !== null || block.getTextContentSize() > 0) return false;
  quote.insertAfter(block);
  if (quote.getChildrenSize() === 0) quote.remove();
  block.selectStart();
  return true;
}

/**
 * Backspace at the very start of a container's first block: that block moves out, before
 * the container (the container goes when it was its only block). Returns whether it did.
 */
export function $leaveQuoteOnBackspace(selection: BaseSelection | null): boolean {
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  if (selection.anchor.offset !== 0) return false;
  const anchor = selection.anchor.getNode();
  const block = anchor.getTopLevelElement();
  const quote = block?.getParent();
  if (block === null || !$isQuoteBlockNode(quote) || block.getPreviousSibling() !== null)
    return false;
  // A list keeps its own Backspace (the item becomes a paragraph first).
  if (!LEAVES_ON_BACKSPACE.has(block.getType())) return false;
  // Only at the block's first position: not after text or a line break inside it.
  if (anchor !== block && anchor !== block.getFirstDescendant()) return false;
  quote.insertBefore(block);
  if (quote.getChildrenSize() === 0) quote.remove();
  block.selectStart();
  return true;
}

const LEAVES_ON_BACKSPACE = new Set(['paragraph', 'heading', 'quote']);

// The block under the root that holds `node` (null for the root itself or a detached node).
function $bodyBlockOf(node: LexicalNode): LexicalNode | null {
  const root = $getRoot();
  let current: LexicalNode = node;
  for (let parent = current.getParent(); parent !== null; parent = current.getParent()) {
    if (parent.is(root)) return current;
    current = parent;
  }
  return null;
}
