import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode } from '@lexical/link';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createImageNode, EDITOR_NODES } from '../../core/index.ts';
import { $getNodeAtPath, $selectNodeAtPath } from './nodePath.ts';

function editorWithBody() {
  const editor = createHeadlessEditor({
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      const link = $createLinkNode('https://example.com').append($createTextNode('here'));
      $getRoot()
        .clear()
        .append(
          $createParagraphNode().append($createTextNode('Read '), link),
          $createImageNode({ src: 'https://example.com/a.png', alt: 'a' }),
        );
    },
    { discrete: true },
  );
  return editor;
}

describe('$selectNodeAtPath', () => {
  it('selects text inside a link by child indexes from the root', () => {
    const editor = editorWithBody();
    editor.update(
      () => {
        expect($selectNodeAtPath([0, 1, 0])?.getTextContent()).toBe('here');
        const selection = $getSelection();
        expect($isRangeSelection(selection) && selection.getTextContent()).toBe('here');
      },
      { discrete: true },
    );
  });

  it('selects a decorator as a node selection', () => {
    const editor = editorWithBody();
    editor.update(
      () => {
        const node = $selectNodeAtPath([1]);
        expect(node?.getType()).toBe('image');
        const selection = $getSelection();
        expect($isNodeSelection(selection) && selection.has(node!.getKey())).toBe(true);
      },
      { discrete: true },
    );
  });

  it('falls back to the deepest node that still exists', () => {
    const editor = editorWithBody();
    editor.read(() => {
      expect($getNodeAtPath([0, 7])?.getType()).toBe('paragraph');
      expect($getNodeAtPath([5])).toBeNull();
      expect($getNodeAtPath([])).toBeNull();
    });
  });
});
