import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { bodyPositions, bodyRoot, type BodyPositions } from './bodyPositions.ts';
import type { CommentAnchor } from './types.ts';

/** Where an anchor is now: flat offsets into the body text and the text between them. */
export interface ResolvedAnchor {
  start: number;
  end: number;
  text: string;
  /** True when the text the anchor was on has been deleted (the range is now empty). */
  deleted: boolean;
}

/**
 * An anchor over `[start, end)` of a section body's flat text (see bodyPositions), or
 * null when the range holds no text. The start sticks to the character after it and the
 * end to the character before it, so text typed just outside the range stays outside.
 */
export function anchorForRange(
  sectionDoc: Y.Doc,
  sectionId: string,
  start: number,
  end: number,
): CommentAnchor | null {
  if (end <= start) return null;
  const positions = bodyPositions(bodyRoot(sectionDoc));
  const from = positions.positionAt(start);
  const to = positions.positionAt(end);
  if (from === null || to === null) return null;
  const startPos = Y.createRelativePositionFromTypeIndex(from.type, from.index, 0);
  const endPos = Y.createRelativePositionFromTypeIndex(to.type, to.index, -1);
  return {
    sectionId,
    field: 'body',
    start: toBase64(Y.encodeRelativePosition(startPos)),
    end: toBase64(Y.encodeRelativePosition(endPos)),
  };
}

/** The first occurrence of `quote` in a section body as an anchor, or null. */
export function anchorForQuote(
  sectionDoc: Y.Doc,
  sectionId: string,
  quote: string,
): CommentAnchor | null {
  if (quote === '') return null;
  const { text } = bodyPositions(bodyRoot(sectionDoc));
  const at = text.indexOf(quote);
  return at < 0 ? null : anchorForRange(sectionDoc, sectionId, at, at + quote.length);
}

/**
 * Where a body anchor's range is now in the section doc, or null for a field anchor.
 * Pass `positions` (the doc's bodyPositions, unchanged since) to resolve many anchors
 * of one section with a single layout.
 */
export function resolveAnchor(
  sectionDoc: Y.Doc,
  anchor: CommentAnchor,
  positions?: BodyPositions,
): ResolvedAnchor | null {
  if (anchor.field !== 'body' || anchor.start === null || anchor.end === null) return null;
  positions ??= bodyPositions(bodyRoot(sectionDoc));
  const start = absoluteOffset(sectionDoc, positions, anchor.start);
  const end = absoluteOffset(sectionDoc, positions, anchor.end);
  if (start === null || end === null || end <= start)
    return { start: start ?? 0, end: start ?? 0, text: '', deleted: true };
  const text = positions.text.slice(start, end);
  return { start, end, text, deleted: text.trim() === '' };
}

function absoluteOffset(
  doc: Y.Doc,
  positions: ReturnType<typeof bodyPositions>,
  encoded: string,
): number | null {
  let relative: Y.RelativePosition;
  try {
    relative = Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  if (absolute === null) return null;
  return positions.offsetOf(absolute.type, absolute.index);
}
