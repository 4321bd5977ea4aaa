import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_ENTER_COMMAND,
  createCommand,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  $createRoundupItemNode,
  $isRoundupItemNode,
  ROUNDUP_ITEM_CLASS,
  type RoundupItemFields,
} from '../../core/index.ts';
import { RoundupItemView } from './RoundupItemView.tsx';
import { ariaShortcut, matchesShortcut, shortcutLabel, type Shortcut } from './shortcuts.ts';

/** Adds a roundup item after the one the caret is in (else at the end). */
export const INSERT_ROUNDUP_ITEM_COMMAND = createCommand<void>('INSERT_ROUNDUP_ITEM_COMMAND');

/** Ctrl+Shift+Enter (⌘⇧Enter): add an item. */
export const ADD_ITEM_SHORTCUT: Shortcut = { mod: true, shift: true, code: 'Enter' };

interface ItemState {
  key: NodeKey;
  fields: RoundupItemFields;
  target: HTMLElement | null;
}

/**
 * The roundup editor inside a roundup section's editor: each item's fields form (a
 * portal into the item's header), Alt+Up / Alt+Down and drag to reorder, an "Add item"
 * button and shortcut, and the empty state. Items are nodes of the body, so every change
 * here is an ordinary Lexical update that syncs and undoes through the body doc.
 */
export function RoundupPlugin() {
  const [editor] = useLexicalComposerContext();
  const [items, setItems] = useState<ItemState[]>([]);
  const [editable, setEditable] = useState(() => editor.isEditable());
  const [focusKey, setFocusKey] = useState<NodeKey | null>(null);
  const dragging = useRef<NodeKey | null>(null);
  const [announce, setAnnounce] = useState('');

  useEffect(() => {
    const refresh = () => setItems((previous) => sameItems(previous, readItems(editor)));
    refresh();
    return mergeRegister(
      editor.registerUpdateListener(refresh),
      editor.registerEditableListener(setEditable),
      editor.registerCommand(
        INSERT_ROUNDUP_ITEM_COMMAND,
        () => {
          setFocusKey($insertRoundupItem());
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand<KeyboardEvent | null>(
        KEY_ENTER_COMMAND,
        (event) => {
          if (!event || !matchesShortcut(event, ADD_ITEM_SHORTCUT)) return false;
          event.preventDefault();
          return editor.dispatchCommand(INSERT_ROUNDUP_ITEM_COMMAND, undefined);
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand<KeyboardEvent>(
        KEY_ARROW_UP_COMMAND,
        (event) => moveFromCaret(event, -1),
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand<KeyboardEvent>(
        KEY_ARROW_DOWN_COMMAND,
        (event) => moveFromCaret(event, 1),
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor]);

  const describe = (key: NodeKey) =>
    editor.getEditorState().read(() => {
      const node = $getNodeByKey(key);
      if (!$isRoundupItemNode(node)) return '';
      const all = $getRoot().getChildren().filter($isRoundupItemNode);
      return `${node.getFields().title || 'Item'} moved to position ${all.indexOf(node) + 1} of ${all.length}.`;
    });

  const move = (key: NodeKey, delta: -1 | 1) => {
    editor.update(() => $moveItem(key, delta), {
      onUpdate: () => setAnnounce(describe(key)),
    });
  };

  // Alt+Up / Alt+Down in a blurb moves the item the caret is in.
  function moveFromCaret(event: KeyboardEvent, delta: -1 | 1): boolean {
    if (!event.altKey || event.shiftKey || event.ctrlKey || event.metaKey) return false;
    const item = $caretItem();
    if (item === null) return false;
    event.preventDefault();
    const key = item.getKey();
    $moveItem(key, delta);
    queueMicrotask(() => setAnnounce(describe(key)));
    return true;
  }

  const drop = (target: NodeKey) => {
    const from = dragging.current;
    dragging.current = null;
    if (from === null || from === target) return;
    editor.update(
      () => {
        const node = $getNodeByKey(from);
        const onto = $getNodeByKey(target);
        if (!$isRoundupItemNode(node) || !$isRoundupItemNode(onto)) return;
        // Dropped on an item below: it goes after that item; above: before it.
        if (onto.getIndexWithinParent() > node.getIndexWithinParent()) onto.insertAfter(node);
        else onto.insertBefore(node);
      },
      { onUpdate: () => setAnnounce(describe(from)) },
    );
  };

  return (
    <>
      {items.map((item, index) =>
        item.target
          ? createPortal(
              <RoundupItemView
                nodeKey={item.key}
                fields={item.fields}
                index={index}
                count={items.length}
                editable={editable}
                autoFocus={item.key === focusKey}
                onMove={move}
                onDragStart={(key) => (dragging.current = key)}
                onDrop={drop}
              />,
              item.target,
              item.key,
            )
          : null,
      )}
      <div className="ge-roundup-bar">
        {items.length === 0 ? (
          <p className="ge-roundup-empty">
            No items yet. Add one with “Add item” ({shortcutLabel(ADD_ITEM_SHORTCUT)}), then give it
            a title, a link, its source and a one-line blurb.
          </p>
        ) : null}
        {editable ? (
          <button
            type="button"
            className="btn small"
            aria-keyshortcuts={ariaShortcut(ADD_ITEM_SHORTCUT)}
            title={`Add item (${shortcutLabel(ADD_ITEM_SHORTCUT)})`}
            onClick={() => editor.dispatchCommand(INSERT_ROUNDUP_ITEM_COMMAND, undefined)}
          >
            + Add item
          </button>
        ) : null}
        {items.length > 1 && editable ? (
          <span className="ge-roundup-hint">Drag ⠿ or press Alt+↑ / Alt+↓ to reorder.</span>
        ) : null}
        <span className="sr-only" aria-live="polite">
          {announce}
        </span>
      </div>
    </>
  );
}

function readItems(editor: LexicalEditor): ItemState[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .filter($isRoundupItemNode)
      .map((node) => ({
        key: node.getKey(),
        fields: node.getFields(),
        target:
          editor
            .getElementByKey(node.getKey())
            ?.querySelector<HTMLElement>(`:scope > .${ROUNDUP_ITEM_CLASS.fields}`) ?? null,
      })),
  );
}

// Keeps the previous array when nothing changed, so typing in a blurb re-renders nothing.
function sameItems(previous: ItemState[], next: ItemState[]): ItemState[] {
  const same =
    previous.length === next.length &&
    previous.every((item, i) => {
      const other = next[i]!;
      return (
        item.key === other.key &&
        item.target === other.target &&
        item.fields.title === other.fields.title &&
        item.fields.url === other.fields.url &&
        item.fields.source === other.fields.source &&
        item.fields.emoji === other.fields.emoji
      );
    });
  return same ? previous : next;
}

function $caretItem() {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const block = selection.anchor.getNode().getTopLevelElement();
  return $isRoundupItemNode(block) ? block : null;
}

/** Moves an item one place up or down among the body's blocks; the caret moves with it. */
function $moveItem(key: NodeKey, delta: -1 | 1): void {
  const node = $getNodeByKey(key);
  if (!$isRoundupItemNode(node)) return;
  const sibling = delta < 0 ? node.getPreviousSibling() : node.getNextSibling();
  if (sibling === null) return;
  if (delta < 0) sibling.insertBefore(node);
  else sibling.insertAfter(node);
}

/**
 * Inserts an empty item after the item the caret is in, else at the end of the body (in
 * place of the lone empty paragraph a new section starts with). Returns its key.
 */
function $insertRoundupItem(): NodeKey {
  const item = $createRoundupItemNode();
  const current = $caretItem();
  const root = $getRoot();
  if (current) current.insertAfter(item);
  else {
    const only = root.getFirstChild();
    if (root.getChildrenSize() === 1 && $isParagraphNode(only) && only.isEmpty())
      only.replace(item);
    else root.append(item);
  }
  item.selectStart();
  return item.getKey();
}
