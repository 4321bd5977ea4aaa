import { z } from 'zod';
import { MAX_COMMENT_TEXT } from '../review/commentsDoc.ts';
import type { CommentThreadView } from '../review/threadView.ts';

/**
 * The API methods of comment threads (`comments.*`), kept beside the main contract
 * (which spreads them in). Threads live in the edition doc; these methods change it
 * through the hub's room, so connected editors see the change live. Comment text is
 * plain text, returned as data and never rendered as HTML here.
 */

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const text = z
  .string()
  .trim()
  .min(1, 'a comment needs some text')
  .max(MAX_COMMENT_TEXT, `a comment holds at most ${MAX_COMMENT_TEXT} characters`);

/** Who writes: a name; the id and colour of an editor the edition knows are found by name. */
const author = z.object({
  name: z.string().trim().min(1, 'say who writes the comment').max(80),
  id: z
    .string()
    .regex(/^[A-Za-z0-9_:.@-]{1,64}$/, 'not a valid person id')
    .optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'not a colour written #RRGGBB')
    .optional(),
});
export type CommentAuthorInput = z.output<typeof author>;

const thread = { editionId: id, threadId: id };

export const commentInputs = {
  /** Threads of an edition (default: open ones), with their anchors' text now. */
  'comments.list': z.object({
    editionId: id,
    status: z.enum(['open', 'resolved', 'all']).optional(),
  }),
  /**
   * Starts a thread. On a section body (`field` 'body', the default) it is anchored on
   * the first occurrence of `quote`; on a field (a section's `title` or a kind's field;
   * the edition's `title`, `subject`, `preheader` with `sectionId: null`) it covers the
   * field, and `quote`, when given, must be part of it.
   */
  'comments.add': z.object({
    editionId: id,
    sectionId: id.nullable(),
    field: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'not a field name')
      .optional(),
    quote: z.string().max(500),
    text,
    author,
  }),
  'comments.reply': z.object({ ...thread, text, author }),
  /** Replaces a message's text (mentions are found again). */
  'comments.edit': z.object({ ...thread, messageId: id, text }),
  /** Deletes a message (a tombstone when it has replies), or without `messageId` the thread. */
  'comments.delete': z.object({ ...thread, messageId: id.optional() }),
  'comments.resolve': z.object({ ...thread, by: author }),
  'comments.reopen': z.object({ ...thread, by: author.optional() }),
} as const;

export interface CommentOutputs {
  'comments.list': { threads: CommentThreadView[]; open: number; resolved: number };
  'comments.add': CommentThreadView;
  'comments.reply': { thread: CommentThreadView; messageId: string };
  'comments.edit': CommentThreadView;
  /** `thread` is null once the whole thread is gone. */
  'comments.delete': { deleted: 'message' | 'thread'; thread: CommentThreadView | null };
  'comments.resolve': CommentThreadView;
  'comments.reopen': CommentThreadView;
}
