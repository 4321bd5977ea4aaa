import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_HIGH,
  KEY_BACKSPACE_COMMAND,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import {
  $blockListBackspace,
  $blockListEnter,
  $normalizeBlockList,
  $normalizeBlockListItem,
  BlockListItemNode,
  BlockListNode,
} from '../../core/index.ts';

/**
 * Lists whose items hold blocks (core/lexical/BlockListNode.ts): typing inside an item
 * works as in a table cell (the item is a shadow root, so the insert menu and shortcuts put
 * code blocks, quotes and lists inside it); Enter on an empty last paragraph starts the next
 * item, Backspace in an empty first paragraph merges the item away (blockListEditing.ts).
 */
export function BlockListPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerBlockLists(editor), [editor]);
  return null;
}

/** Registers the block list keys and shape transforms on `editor`; returns the unregister function. */
export function registerBlockLists(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        if (event?.shiftKey || !$blockListEnter()) return false;
        event?.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_BACKSPACE_COMMAND,
      (event) => {
        if (!$blockListBackspace()) return false;
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerNodeTransform(BlockListNode, $normalizeBlockList),
    editor.registerNodeTransform(BlockListItemNode, $normalizeBlockListItem),
  );
}
