import type * as Y from 'yjs';
import { editionTypes, readSectionFields } from '../yjs/editionDoc.ts';
import { resolveAnchor } from './anchors.ts';
import type { BodyPositions } from './bodyPositions.ts';
import type { CommentAnchor, CommentThread } from './types.ts';

/** What a thread's anchor reads now. */
export interface AnchorNow {
  /** A body range's text now, or the whole field's value; '' when it is gone. */
  text: string;
  /** The text the thread was made on is gone: the range was deleted, or its section or field. */
  deleted: boolean;
}

/**
 * A thread as the API, the CLI and preflight show it: the stored thread with where it
 * is now (the section's title, the anchor's text). Comment text stays plain data.
 */
export interface CommentThreadView extends CommentThread {
  /** The section's title, or null for the edition's own fields (and a removed section). */
  sectionTitle: string | null;
  anchorText: string;
  onDeletedText: boolean;
}

// Edition header fields a comment can sit on (the meta map's text fields).
export const EDITION_COMMENT_FIELDS = ['title', 'subject', 'preheader'] as const;

/** The text of a field anchor now: an edition header field or a section's field. */
export function fieldAnchorNow(editionDoc: Y.Doc, anchor: CommentAnchor): AnchorNow {
  const value =
    anchor.sectionId === null
      ? editionTypes(editionDoc).meta.get(anchor.field)
      : readSectionFields(editionDoc, anchor.sectionId)?.[anchor.field];
  const text = fieldText(value);
  return text === null ? { text: '', deleted: true } : { text, deleted: false };
}

/**
 * The text of a body anchor now, in its section doc (null: the section is gone). Give
 * `positions` to resolve many anchors of one section with one layout of its body.
 */
export function bodyAnchorNow(
  sectionDoc: Y.Doc | null,
  anchor: CommentAnchor,
  positions?: BodyPositions,
): AnchorNow {
  if (sectionDoc === null) return { text: '', deleted: true };
  const resolved = resolveAnchor(sectionDoc, anchor, positions);
  if (resolved === null) return { text: '', deleted: true };
  return { text: resolved.deleted ? '' : resolved.text, deleted: resolved.deleted };
}

/** A field's value as text: strings as they are, lists (poll options) one per line. */
export function fieldText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join('\n');
  return null;
}

/** The view of a thread, given where its anchor is now and its section's title. */
export function threadView(
  thread: CommentThread,
  now: AnchorNow,
  sectionTitle: string | null,
): CommentThreadView {
  return { ...thread, sectionTitle, anchorText: now.text, onDeletedText: now.deleted };
}
