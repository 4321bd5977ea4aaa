/**
 * A loose list: CommonMark's list whose items are separated by blank lines and render as
 * paragraphs (`<li><p>…</p></li>`), with paragraph spacing between items. Lexical's
 * ListNode has no such property, so it is a node state (see lexical/listLoose.ts), which
 * Lexical serializes under `$` and @lexical/yjs syncs with the node. This file reads and
 * writes that serialized form, for code that handles bodies without an editor.
 */

/** The NodeState key under which a list keeps its looseness. */
export const LOOSE_KEY = 'loose';

/** Whether a serialized list node is loose (`"$": { "loose": true }`). */
export function isLooseList(node: { readonly [key: string]: unknown }): boolean {
  const state = node.$;
  return (
    typeof state === 'object' && state !== null && LOOSE_KEY in state && state[LOOSE_KEY] === true
  );
}

/** The `$` entry a serialized list carries when loose, to spread into it (empty when tight). */
export function looseListState(loose: boolean): { $?: { [LOOSE_KEY]: true } } {
  return loose ? { $: { [LOOSE_KEY]: true } } : {};
}
