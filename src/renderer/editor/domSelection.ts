import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';

/**
 * The page's selection in this editor, when Lexical has not caught up with it yet. Lexical
 * learns of a new selection from the browser's `selectionchange` event, which runs after the
 * keys that made it; a shortcut pressed right after Shift+arrows (or a script's selection)
 * can arrive first and act on the old one. Null when the page's selection is elsewhere or
 * Lexical already has it. Call inside an editor update or read.
 */
export function $pendingDomSelection(editor: LexicalEditor): RangeSelection | null {
  if (typeof window === 'undefined') return null;
  const dom = window.getSelection();
  const root = editor.getRootElement();
  if (dom === null || dom.rangeCount === 0 || root === null) return null;
  if (!root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return null;
  // A selected image or table cells are Lexical's own selection, not the page's.
  const current = $getSelection();
  if (current !== null && !$isRangeSelection(current)) return null;
  const fresh = $createRangeSelectionFromDom(dom, editor);
  if (fresh === null) return null;
  // Same place: keep Lexical's (it carries the bold or italic toggled for the next letters).
  if (current !== null && fresh.anchor.is(current.anchor) && fresh.focus.is(current.focus))
    return null;
  return fresh;
}
