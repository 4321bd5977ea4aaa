import {
  $applyNodeReplacement,
  $getState,
  $isTextNode,
  $setState,
  createState,
  TextNode,
  type LexicalNode,
} from 'lexical';
import {
  restoreSuggestion,
  sameSuggestion,
  SUGGESTION_KEY,
  UNMERGEABLE,
  type Suggestion,
} from '../model/suggestion.ts';

/**
 * A suggestion is a text run with this node state: Lexical serializes it under `$`,
 * @lexical/yjs syncs it with the run, and `splitText` (formatting half a suggestion, a
 * selection edge inside one) copies it to every part.
 *
 * Why a state on a plain text run and not a TextNode subclass: a run cannot change its
 * type in place. Accepting a subclassed insertion would replace the run by a new plain one,
 * which in Yjs deletes the text and inserts it again; two editors accepting at once would
 * each insert it, and the text would appear twice. Here accepting (or rejecting a
 * deletion) clears the state, a property change of the same run, so concurrent decisions
 * converge exactly. A suggestion run, open or decided, carries Lexical's unmergeable bit:
 * normalization never merges it with its neighbours, since a merge also deletes and
 * re-inserts text (and would let plain text swallow the suggestion).
 */
export const suggestionState = createState(SUGGESTION_KEY, {
  parse: restoreSuggestion,
  isEqual: sameSuggestion,
});

/** Creates a suggestion run (an unmergeable text node with the suggestion); inside an update. */
export function $createSuggestionNode(text: string, suggestion: Suggestion): TextNode {
  const node = $applyNodeReplacement(new TextNode(text));
  node.setDetail(node.getDetail() | UNMERGEABLE);
  return $setState(node, suggestionState, suggestion);
}

/** True when `node` is a text run with an open suggestion. */
export function $isSuggestionNode(node: LexicalNode | null | undefined): node is TextNode {
  return $isTextNode(node) && $getState(node, suggestionState) !== null;
}

/** The open suggestion a node carries, or null. */
export function $getSuggestion(node: LexicalNode | null | undefined): Suggestion | null {
  return $isTextNode(node) ? $getState(node, suggestionState) : null;
}

/**
 * Decides a run in place: the suggestion state goes, the text and the unmergeable bit stay
 * (see suggestionState for why the run is not replaced or merged).
 */
export function $clearSuggestion(node: TextNode): TextNode {
  return $setState(node, suggestionState, null);
}
