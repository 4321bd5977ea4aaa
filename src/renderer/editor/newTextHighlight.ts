import { $getAnchorAndFocusForUserState } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import type { NewText } from '../../core/index.ts';

/**
 * Paints text new to the reader ("what changed since I last looked") with the CSS Custom
 * Highlight API, under `ge-new-text` (styled in editor.css). Like code highlighting it
 * changes nothing in the document, so it never makes a Lexical or Yjs update. Positions
 * go Yjs -> Lexical through the collaboration binding, then Lexical -> DOM.
 */
export const NEW_TEXT_HIGHLIGHT = 'ge-new-text';

/** The collaboration binding of a section editor (v1 or v2; the package exports no name). */
export type CollabBinding = Parameters<typeof $getAnchorAndFocusForUserState>[0];

const painted = new Map<LexicalEditor, Range[]>();

function highlight(): Highlight | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function')
    return null;
  let existing = CSS.highlights.get(NEW_TEXT_HIGHLIGHT);
  if (!existing) {
    existing = new Highlight();
    CSS.highlights.set(NEW_TEXT_HIGHLIGHT, existing);
  }
  return existing;
}

/** Replaces the ranges painted for `editor` with those of `texts` (in the binding's doc). */
export function paintNewText(
  editor: LexicalEditor,
  binding: CollabBinding,
  texts: readonly NewText[],
): number {
  unpaintNewText(editor);
  const target = highlight();
  if (target === null || texts.length === 0) return 0;
  const ranges: Range[] = [];
  editor.getEditorState().read(() => {
    for (const text of texts) {
      const points = $getAnchorAndFocusForUserState(binding, {
        anchorPos: Y.createRelativePositionFromTypeIndex(text.type, text.index),
        focusPos: Y.createRelativePositionFromTypeIndex(text.type, text.index + text.length, -1),
        name: '',
        color: '',
        focusing: false,
        awarenessData: {},
      });
      if (points.anchorKey === null || points.focusKey === null) continue;
      const start = domPoint(editor, points.anchorKey, points.anchorOffset);
      const end = domPoint(editor, points.focusKey, points.focusOffset);
      if (start === null || end === null) continue;
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      if (range.collapsed) continue;
      ranges.push(range);
      target.add(range);
    }
  });
  painted.set(editor, ranges);
  return ranges.length;
}

/** Removes an editor's painted ranges. */
export function unpaintNewText(editor: LexicalEditor): void {
  const target = highlight();
  for (const range of painted.get(editor) ?? []) target?.delete(range);
  painted.delete(editor);
}

/** How many ranges are painted in all editors (for the e2e check). */
export function paintedNewTextCount(): number {
  let count = 0;
  for (const ranges of painted.values()) count += ranges.length;
  return count;
}

// A text node's DOM element holds its characters in one Text child (inside any format tags).
function domPoint(editor: LexicalEditor, key: string, offset: number) {
  const element = editor.getElementByKey(key);
  if (element === null) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode();
  if (!(text instanceof Text)) return null;
  return { node: text, offset: Math.min(offset, text.data.length) };
}
