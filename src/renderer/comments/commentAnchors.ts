import { createDOMRange } from '@lexical/selection';
import { $getAnchorAndFocusForUserState, type Binding, type UserState } from '@lexical/yjs';
import {
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  type LexicalEditor,
  type PointType,
} from 'lexical';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import type { CommentAnchor } from '../../core/index.ts';
import { $pendingDomSelection } from '../editor/domSelection.ts';
import type { CommentDraft } from './CommentsStore.ts';

/**
 * A Lexical point as a Yjs relative position in the section doc, the way @lexical/yjs
 * places remote cursors: a text node's characters sit in its parent's XmlText right after
 * the node's property map, so a text point is parent index `getOffset() + 1 + offset`; an
 * element point counts each child text (plus its map) and one slot per other child.
 */
function $relativePosition(
  point: PointType,
  binding: Binding,
  assoc: number,
): Y.RelativePosition | null {
  const collab = binding.collabNodeMap.get(point.key);
  if (collab === undefined) return null;
  if (point.type === 'text') {
    if (!('_text' in collab)) return null;
    const offset = collab.getOffset();
    if (offset === -1) return null;
    return Y.createRelativePositionFromTypeIndex(
      collab._parent._xmlText,
      offset + 1 + point.offset,
      assoc,
    );
  }
  const parent = point.getNode();
  if (!('_xmlText' in collab) || !$isElementNode(parent)) return null;
  let index = 0;
  let child = parent.getFirstChild();
  for (let i = 0; child !== null && i < point.offset; i += 1) {
    index += $isTextNode(child) ? child.getTextContentSize() + 1 : 1;
    child = child.getNextSibling();
  }
  return Y.createRelativePositionFromTypeIndex(collab._xmlText, index, assoc);
}

/**
 * The selected text of a section as a new comment's anchor and quote, or null when
 * nothing (or only white space) is selected. Like the core's anchors, the start sticks
 * to the first selected character and the end to the last, so typing just outside the
 * range stays outside it.
 */
export function $draftFromSelection(
  binding: Binding,
  sectionId: string,
  selection = $getSelection(),
): CommentDraft | null {
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  const quote = selection.getTextContent().trim();
  if (quote === '') return null;
  const [first, last] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  const start = $relativePosition(first, binding, 0);
  const end = $relativePosition(last, binding, -1);
  if (start === null || end === null) return null;
  const anchor: CommentAnchor = {
    sectionId,
    field: 'body',
    start: toBase64(Y.encodeRelativePosition(start)),
    end: toBase64(Y.encodeRelativePosition(end)),
  };
  return { anchor, quote };
}

/**
 * The draft for the text selected on the page, when Lexical has not caught up with it yet
 * (a shortcut pressed right after selecting, before the browser's selectionchange ran).
 */
export function $draftFromDomSelection(
  editor: LexicalEditor,
  binding: Binding,
  sectionId: string,
): CommentDraft | null {
  const pending = $pendingDomSelection(editor);
  return pending === null ? null : $draftFromSelection(binding, sectionId, pending);
}

/** The Lexical points a body anchor covers now, or null when its text is not there. */
export function $anchorPoints(
  binding: Binding,
  anchor: CommentAnchor,
): { anchorKey: string; anchorOffset: number; focusKey: string; focusOffset: number } | null {
  if (anchor.start === null || anchor.end === null) return null;
  let anchorPos: Y.RelativePosition;
  let focusPos: Y.RelativePosition;
  try {
    anchorPos = Y.decodeRelativePosition(fromBase64(anchor.start));
    focusPos = Y.decodeRelativePosition(fromBase64(anchor.end));
  } catch {
    return null;
  }
  const state: UserState = {
    anchorPos,
    focusPos,
    color: '',
    name: '',
    focusing: false,
    awarenessData: {},
  };
  const points = $getAnchorAndFocusForUserState(binding, state);
  if (points.anchorKey === null || points.focusKey === null) return null;
  return {
    anchorKey: points.anchorKey,
    anchorOffset: points.anchorOffset,
    focusKey: points.focusKey,
    focusOffset: points.focusOffset,
  };
}

/** The DOM range an anchor covers in `editor` now, or null (text gone, not rendered). */
export function $anchorDomRange(
  editor: LexicalEditor,
  binding: Binding,
  anchor: CommentAnchor,
): Range | null {
  const points = $anchorPoints(binding, anchor);
  if (points === null) return null;
  const from = $getNodeByKey(points.anchorKey);
  const to = $getNodeByKey(points.focusKey);
  if (from === null || to === null) return null;
  const range = createDOMRange(editor, from, points.anchorOffset, to, points.focusOffset);
  return range === null || range.collapsed || range.toString().trim() === '' ? null : range;
}
