import { $getState, $setState, createState, type LexicalNode } from 'lexical';
import { LOOSE_KEY } from '../model/looseList.ts';

/**
 * A list's looseness as a Lexical node state: ListNode (0.52) has no property for it, and
 * a node state is serialized by exportJSON/importJSON (under `$`) and synced by
 * @lexical/yjs without a ListNode subclass. Only `true` is stored; tight is the default.
 */
export const looseListState = createState(LOOSE_KEY, {
  parse: (value): boolean => value === true,
});

/** Whether a list node is loose. */
export function $isLooseListNode(node: LexicalNode): boolean {
  return $getState(node, looseListState);
}

/** Makes a list node loose or tight. */
export function $setLooseListNode(node: LexicalNode, loose: boolean): void {
  $setState(node, looseListState, loose);
}
