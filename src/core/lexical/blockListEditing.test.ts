import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { markdownToBody } from '../import/markdownToBody.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { $isBlockListItemNode, $isBlockListNode } from './BlockListNode.ts';
import { $blockListBackspace, $blockListEnter } from './blockListEditing.ts';
import { createBodyEditor } from './bodySession.ts';

// A numbered list: "Install:" with a code block, then "Run it".
function editorWith(markdown: string): LexicalEditor {
  const editor = createBodyEditor();
  const { body } = markdownToBody(markdown);
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return editor;
}

function shape(editor: LexicalEditor): unknown {
  const walk = (node: SerializedBodyNode): unknown =>
    node.type === 'text'
      ? node.text
      : node.type === 'code-block'
        ? 'code'
        : { [node.type]: (node.children ?? []).map(walk) };
  return editor
    .getEditorState()
    .toJSON()
    .root.children.map((n) => walk(n as SerializedBodyNode));
}

// Runs `fn` with the caret in a fresh empty paragraph added to item `index`.
function pressIn(
  editor: LexicalEditor,
  index: number,
  where: 'first' | 'last',
  key: () => boolean,
): boolean {
  let handled = false;
  editor.update(
    () => {
      const list = $getRoot().getFirstChild();
      if (!$isBlockListNode(list)) throw new Error('no block list');
      const item = list.getChildAtIndex(index);
      if (!$isBlockListItemNode(item)) throw new Error('no item');
      const target = where === 'last' ? item.getLastChild() : item.getFirstChild();
      if (target === null) throw new Error('empty item');
      // An empty paragraph at that end, the caret in it.
      const paragraph =
        where === 'last'
          ? target.insertAfter(emptyParagraph())
          : target.insertBefore(emptyParagraph());
      paragraph.selectStart();
      handled = key();
    },
    { discrete: true },
  );
  return handled;
}

const STEPS = '1. Install:\n   ```\n   npm i x\n   ```\n2. Run it\n\nAfter.\n';

describe('block list keys', () => {
  it('Enter on an empty last paragraph of an item starts the next item', () => {
    const editor = editorWith(STEPS);
    expect(pressIn(editor, 0, 'last', $blockListEnter)).toBe(true);
    expect(shape(editor)).toEqual([
      {
        blocklist: [
          { blocklistitem: [{ paragraph: ['Install:'] }, 'code'] },
          { blocklistitem: [{ paragraph: [] }] },
          { blocklistitem: [{ paragraph: ['Run it'] }] },
        ],
      },
      { paragraph: ['After.'] },
    ]);
    editor.getEditorState().read(() => {
      const selection = $getSelection();
      expect(
        $isRangeSelection(selection) &&
          selection.anchor.getNode().getParent()?.getIndexWithinParent(),
      ).toBe(1);
    });
  });

  it('Enter in an empty last item leaves the list; elsewhere it is an ordinary Enter', () => {
    const editor = editorWith(STEPS);
    expect(pressIn(editor, 0, 'first', $blockListEnter)).toBe(false);
    const leave = editorWith('1. Install:\n   ```\n   x\n   ```\n2.\n');
    let handled = false;
    leave.update(
      () => {
        const list = $getRoot().getFirstChild();
        if (!$isBlockListNode(list)) throw new Error('no block list');
        const last = list.getLastChild();
        if (!$isBlockListItemNode(last)) throw new Error('no item');
        last.getFirstChildOrThrow().selectStart();
        handled = $blockListEnter();
      },
      { discrete: true },
    );
    expect(handled).toBe(true);
    expect(shape(leave)).toEqual([
      { blocklist: [{ blocklistitem: [{ paragraph: ['Install:'] }, 'code'] }] },
      { paragraph: [] },
    ]);
  });

  it('Backspace in an empty first paragraph merges the item into the one before', () => {
    const editor = editorWith(STEPS);
    expect(pressIn(editor, 1, 'first', $blockListBackspace)).toBe(true);
    expect(shape(editor)).toEqual([
      {
        blocklist: [
          { blocklistitem: [{ paragraph: ['Install:'] }, 'code', { paragraph: ['Run it'] }] },
        ],
      },
      { paragraph: ['After.'] },
    ]);
    // Not at an item's start: Lexical's own Backspace.
    expect(pressIn(editorWith(STEPS), 0, 'last', $blockListBackspace)).toBe(false);
  });
});

function emptyParagraph() {
  return $createParagraphNode();
}
