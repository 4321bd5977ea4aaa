import { $isLinkNode, type LinkNode } from '@lexical/link';
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
} from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $setSelection,
  createCommand,
  type BaseSelection,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import type { ImagePayload } from '../../core/index.ts';
import { $pendingDomSelection } from './domSelection.ts';
import { $toggleQuoteBlock } from './quoteBlockCommands.ts';

/** Opens the link popover in edit mode (toolbar button, Ctrl/Cmd+K). */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand(
  'OPEN_LINK_EDITOR_COMMAND',
);

/** Inserts an image block at the selection (or at the end). */
export const INSERT_IMAGE_COMMAND: LexicalCommand<ImagePayload> =
  createCommand('INSERT_IMAGE_COMMAND');

/** Inserts a button block at the selection (or at the end). */
export const INSERT_BUTTON_COMMAND: LexicalCommand<{ label: string; url: string }> =
  createCommand('INSERT_BUTTON_COMMAND');

/** Inserts a divider (horizontal rule) at the selection (or at the end). */
export const INSERT_DIVIDER_COMMAND: LexicalCommand<void> = createCommand('INSERT_DIVIDER_COMMAND');

/** The block kinds the block-type menu and shortcuts switch between. */
export type TextBlockType = 'paragraph' | 'h3' | 'h4' | 'quote';
/** Heading levels the menu does not offer: they come from Markdown shortcuts and imports. */
export type OtherHeading = 'h1' | 'h2' | 'h5' | 'h6';
/** What the caret sits in, for the toolbar. */
export type BlockType = TextBlockType | OtherHeading | 'bullet' | 'number';

/** The block type at the selection's anchor. */
export function $blockTypeOf(selection: BaseSelection | null): BlockType {
  if (!$isRangeSelection(selection)) return 'paragraph';
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list) return list.getListType() === 'number' ? 'number' : 'bullet';
  const block = $topLevelBlockOf(anchor);
  if ($isHeadingNode(block)) return block.getTag();
  if ($isQuoteNode(block)) return 'quote';
  return 'paragraph';
}

function $topLevelBlockOf(node: LexicalNode): LexicalNode {
  if ($isRootOrShadowRoot(node)) return node;
  return (
    $findMatchingParent(node, (n) => {
      const parent = n.getParent();
      return parent !== null && $isRootOrShadowRoot(parent);
    }) ?? node
  );
}

/**
 * Turns the selected blocks into paragraphs, h3/h4 headings or a quote; choosing the type
 * the selection already has turns it back into paragraphs. Lists are unwrapped first.
 */
export function setBlockType(editor: LexicalEditor, type: TextBlockType): void {
  editor.update(() => {
    const pending = $pendingDomSelection(editor);
    if (pending !== null) $setSelection(pending);
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const current = $blockTypeOf(selection);
    // Several blocks, or a quote container: the quote action wraps or unwraps them whole.
    if (type === 'quote' && current !== 'quote' && $toggleQuoteBlock(selection)) return;
    if (current === 'bullet' || current === 'number') {
      editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    }
    const target = current === type && type !== 'paragraph' ? 'paragraph' : type;
    const next = $getSelection();
    if (!$isRangeSelection(next)) return;
    $setBlocksType(next, () => {
      if (target === 'h3' || target === 'h4') return $createHeadingNode(target);
      if (target === 'quote') return $createQuoteNode();
      return $createParagraphNode();
    });
  });
}

/** Makes the selected blocks a bulleted or numbered list, or back into paragraphs. */
export function toggleList(editor: LexicalEditor, type: 'bullet' | 'number'): void {
  editor.update(() => {
    const pending = $pendingDomSelection(editor);
    if (pending !== null) $setSelection(pending);
    if ($blockTypeOf($getSelection()) === type) {
      editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    } else {
      editor.dispatchCommand(
        type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
    }
  });
}

/** The link the selection is in (anchor or focus), if any. */
export function $selectedLink(selection: BaseSelection | null): LinkNode | null {
  if (!$isRangeSelection(selection)) return null;
  for (const point of [selection.anchor, selection.focus]) {
    const link = $findMatchingParent(point.getNode(), $isLinkNode);
    if ($isLinkNode(link)) return link;
  }
  return null;
}

/**
 * Puts back a selection saved before focus left the editor (a popover took it), when the
 * nodes it points into still exist; a co-author may have deleted them in the meantime.
 */
export function $restoreSelection(saved: BaseSelection | null): boolean {
  if (saved === null) return false;
  if ($isRangeSelection(saved)) {
    if (!$getNodeByKey(saved.anchor.key) || !$getNodeByKey(saved.focus.key)) return false;
  } else if (saved.getNodes().length === 0) {
    return false;
  }
  $setSelection(saved.clone());
  return true;
}

/** Moves focus to the editor's toolbar (Alt+F10, as in most rich-text editors). */
export const FOCUS_TOOLBAR_COMMAND: LexicalCommand<void> = createCommand('FOCUS_TOOLBAR_COMMAND');

/**
 * Puts keyboard focus back in the text at the editor's selection. `editor.focus()` alone
 * only moves the DOM selection, which does not take focus from an input inside a node's
 * form, so the root is focused first.
 */
export function focusEditor(editor: LexicalEditor): void {
  editor.getRootElement()?.focus({ preventScroll: true });
  editor.focus();
}
