import {
  $createNodeSelection,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

/**
 * The node at `path` (child indexes from the body root, as preflight findings carry in
 * `nodePath`). When the body changed since the path was computed, the deepest node that
 * still exists on the way; null only for an empty path.
 */
export function $getNodeAtPath(path: readonly number[]): LexicalNode | null {
  let node: LexicalNode = $getRoot();
  for (const index of path) {
    if (!$isElementNode(node)) break;
    const child: LexicalNode | null = node.getChildAtIndex(index);
    if (child === null) break;
    node = child;
  }
  return node === $getRoot() ? null : node;
}

/**
 * Selects the node at `path`: a decorator (image, button, divider) as a node selection,
 * text and elements as a range over their content. Returns the node, or null.
 */
export function $selectNodeAtPath(path: readonly number[]): LexicalNode | null {
  const node = $getNodeAtPath(path);
  if (node === null) return null;
  if ($isDecoratorNode(node)) {
    const selection = $createNodeSelection();
    selection.add(node.getKey());
    $setSelection(selection);
  } else if ($isTextNode(node)) {
    node.select(0, node.getTextContentSize());
  } else if ($isElementNode(node)) {
    node.select(0, node.getChildrenSize());
  } else {
    node.selectNext();
  }
  return node;
}

/**
 * Jump-to-finding: selects the node at `path` in `editor`, focuses the editor and scrolls
 * the node into the middle of the view, with a short highlight. Returns false when the
 * body has no node there (the finding is stale).
 */
export function focusNodePath(editor: LexicalEditor, path: readonly number[]): boolean {
  let key: string | null = null;
  editor.update(
    () => {
      key = $selectNodeAtPath(path)?.getKey() ?? null;
    },
    { discrete: true },
  );
  if (key === null) return false;
  const element = editor.getElementByKey(key);
  // Scroll after focusing: putting the DOM selection back may scroll on its own.
  editor.focus(() => {
    if (!element) return;
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    element.classList.add('ge-flash');
    window.setTimeout(() => element.classList.remove('ge-flash'), 1600);
  });
  return true;
}
