/**
 * Review data as readers see it: comment threads anchored in an edition, and the
 * people who have edited it. The Yjs shapes these are read from are documented in the
 * README ("Review in the document") and in commentsDoc.ts / editorsDoc.ts.
 */

/** Who wrote or did something: a stable identity id, a display name and a colour. */
export interface ReviewPerson {
  id: string;
  name: string;
  color: string;
}

/** One message of a thread; the first one is the comment that opened it. */
export interface CommentMessage {
  id: string;
  author: ReviewPerson;
  /** Plain text; never HTML. Empty once deleted. */
  text: string;
  createdAt: string;
  editedAt: string | null;
  /** A deleted reply stays as a tombstone so the thread's order survives concurrent edits. */
  deleted: boolean;
  /** Ids of the editors @mentioned in the text. */
  mentions: string[];
}

/**
 * Where a thread points. `field: 'body'` is a range of a section body, kept as two Yjs
 * relative positions (base64 of `Y.encodeRelativePosition`) into the section doc's
 * `root` XmlText; any other field (`title`, `subject`, a kind's field) is the whole
 * field. `sectionId` is null for the edition's own header fields.
 */
export interface CommentAnchor {
  sectionId: string | null;
  field: string;
  start: string | null;
  end: string | null;
}

/** A comment thread with its replies. */
export interface CommentThread {
  id: string;
  anchor: CommentAnchor;
  /** The text the comment was made on, as it was then. */
  quote: string;
  author: ReviewPerson;
  createdAt: string;
  resolved: boolean;
  resolvedBy: ReviewPerson | null;
  resolvedAt: string | null;
  messages: CommentMessage[];
}
