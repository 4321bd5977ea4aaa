import type * as Y from 'yjs';
import {
  EDITION_COMMENT_FIELDS,
  GalleyError,
  addReply,
  addThread,
  anchorForQuote,
  deleteMessage,
  deleteThread,
  editMessage,
  editionRoom,
  editionTypes,
  fieldText,
  findMentions,
  getThread,
  readEditors,
  readOrder,
  readSectionFields,
  recordEditor,
  sectionRoom,
  setResolved,
  type ApiOutputs,
  type CommentAnchor,
  type CommentAuthorInput,
  type CommentThread,
  type CommentThreadView,
  type ReviewPerson,
  type apiInputs,
} from '../../core/index.ts';
import type { z } from 'zod';
import type { EditionService } from './EditionService.ts';
import { threadViews } from './threadViews.ts';

/*
 * The `comments.*` API methods. Threads live in the edition doc (core/review); every
 * change goes through `editions.host`, which is the hub's live room while a hub runs, so
 * editors connected to the edition see a comment added here at once.
 */

type Input<M extends keyof typeof apiInputs> = z.output<(typeof apiInputs)[M]>;

const DEFAULT_COLOR = '#6b7280';

/** Threads of an edition (open ones unless `status` says), with their anchors' text now. */
export async function listComments(
  editions: EditionService,
  { editionId, status = 'open' }: Input<'comments.list'>,
): Promise<ApiOutputs['comments.list']> {
  await editions.requireSummary(editionId);
  const all = await threadViews(editions, editionId, () => true);
  const open = all.filter((t) => !t.resolved).length;
  const threads =
    status === 'all' ? all : all.filter((t) => t.resolved === (status === 'resolved'));
  return { threads, open, resolved: all.length - open };
}

/** Starts a thread on a section body (anchored on the first occurrence of the quote) or a field. */
export async function addComment(
  editions: EditionService,
  input: Input<'comments.add'>,
): Promise<CommentThreadView> {
  await editions.requireSummary(input.editionId);
  const { sectionId } = input;
  const field = input.field ?? (sectionId === null ? null : 'body');
  if (field === null)
    throw new GalleyError(
      'invalid-input',
      `comments.add: say which field of the edition: ${EDITION_COMMENT_FIELDS.join(', ')}`,
    );
  const target = await editions.host.peek(editionRoom(input.editionId), (doc) =>
    fieldTarget(doc, sectionId, field),
  );
  let anchor: CommentAnchor | null;
  let quote = input.quote;
  if (field === 'body') {
    if (quote.trim() === '')
      throw new GalleyError('invalid-input', 'comments.add: give the text to comment on (quote)');
    anchor = await editions.host.peek(sectionRoom(sectionId!), (doc) =>
      anchorForQuote(doc, sectionId!, quote),
    );
    if (anchor === null)
      throw new GalleyError(
        'quote-not-found',
        `“${clip(quote)}” is not in the body of section “${target.title}”`,
      );
  } else {
    if (quote === '') quote = target.text.slice(0, 500);
    else if (!target.text.includes(quote))
      throw new GalleyError(
        'quote-not-found',
        `“${clip(quote)}” is not in the ${field} of ${target.where}`,
      );
    anchor = { sectionId, field, start: null, end: null };
  }
  const threadId = await changeEdition(editions, input.editionId, (doc) => {
    const author = personFor(doc, input.author);
    recordEditor(doc, author);
    return addThread(doc, {
      anchor: anchor!,
      quote,
      author,
      text: input.text,
      mentions: findMentions(input.text, readEditors(doc)),
      now: editions.store.now().toISOString(),
    });
  });
  return requireView(editions, input.editionId, threadId);
}

/** Appends a reply to a thread. */
export async function replyToComment(
  editions: EditionService,
  input: Input<'comments.reply'>,
): Promise<ApiOutputs['comments.reply']> {
  await editions.requireSummary(input.editionId);
  const messageId = await changeEdition(editions, input.editionId, (doc) => {
    requireThread(doc, input.threadId);
    const author = personFor(doc, input.author);
    recordEditor(doc, author);
    const mentions = findMentions(input.text, readEditors(doc));
    return addReply(doc, input.threadId, author, input.text, mentions, nowOf(editions))!;
  });
  return { thread: await requireView(editions, input.editionId, input.threadId), messageId };
}

/** Replaces the text of a message (its mentions are found again). */
export async function editComment(
  editions: EditionService,
  input: Input<'comments.edit'>,
): Promise<CommentThreadView> {
  await editions.requireSummary(input.editionId);
  await changeEdition(editions, input.editionId, (doc) => {
    requireMessage(doc, input.threadId, input.messageId);
    const mentions = findMentions(input.text, readEditors(doc));
    editMessage(doc, input.threadId, input.messageId, input.text, mentions, nowOf(editions));
  });
  return requireView(editions, input.editionId, input.threadId);
}

/** Deletes a message (the thread with it when nobody answered), or the whole thread. */
export async function deleteComment(
  editions: EditionService,
  input: Input<'comments.delete'>,
): Promise<ApiOutputs['comments.delete']> {
  await editions.requireSummary(input.editionId);
  const gone = await changeEdition(editions, input.editionId, (doc) => {
    requireThread(doc, input.threadId);
    if (input.messageId === undefined) return deleteThread(doc, input.threadId);
    requireMessage(doc, input.threadId, input.messageId);
    deleteMessage(doc, input.threadId, input.messageId);
    return getThread(doc, input.threadId) === null;
  });
  if (gone) return { deleted: 'thread', thread: null };
  return {
    deleted: 'message',
    thread: await requireView(editions, input.editionId, input.threadId),
  };
}

/** Resolves (or reopens) a thread. */
export async function resolveComment(
  editions: EditionService,
  input: { editionId: string; threadId: string; by?: CommentAuthorInput },
  resolved: boolean,
): Promise<CommentThreadView> {
  await editions.requireSummary(input.editionId);
  await changeEdition(editions, input.editionId, (doc) => {
    requireThread(doc, input.threadId);
    const by = personFor(doc, input.by ?? { name: 'Someone' });
    setResolved(doc, input.threadId, resolved, by, nowOf(editions));
  });
  return requireView(editions, input.editionId, input.threadId);
}

async function requireView(
  editions: EditionService,
  editionId: string,
  threadId: string,
): Promise<CommentThreadView> {
  const [view] = await threadViews(editions, editionId, (t) => t.id === threadId);
  if (!view)
    throw new GalleyError(
      'thread-not-found',
      `Edition ${editionId} has no comment thread ${threadId}.`,
    );
  return view;
}

/**
 * Runs `fn` on the edition doc through the host and returns its result. A GalleyError
 * thrown by `fn` (before it changed anything) is thrown again once the change is over.
 */
async function changeEdition<T>(
  editions: EditionService,
  editionId: string,
  fn: (doc: Y.Doc) => T,
): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
  await editions.host.change(editionRoom(editionId), (doc) => {
    try {
      outcome = { ok: true, value: fn(doc) };
    } catch (error) {
      outcome = { ok: false, error };
    }
  });
  const done = outcome as { ok: true; value: T } | { ok: false; error: unknown } | null;
  if (done === null) throw new Error(`changeEdition: ${editionId}: the change did not run`);
  if (!done.ok) throw done.error;
  return done.value;
}

/** Where a new comment goes, read from the edition doc: its text now and words for errors. */
function fieldTarget(
  doc: Y.Doc,
  sectionId: string | null,
  field: string,
): { text: string; title: string; where: string } {
  if (sectionId === null) {
    if (!(EDITION_COMMENT_FIELDS as readonly string[]).includes(field))
      throw new GalleyError(
        'field-not-found',
        `The edition has no field “${field}” to comment on; use ${EDITION_COMMENT_FIELDS.join(', ')}`,
      );
    return {
      text: fieldText(editionTypes(doc).meta.get(field)) ?? '',
      title: '',
      where: 'the edition',
    };
  }
  const fields = readOrder(doc).includes(sectionId) ? readSectionFields(doc, sectionId) : null;
  if (fields === null)
    throw new GalleyError('section-not-found', `The edition has no section ${sectionId}.`);
  const title = typeof fields.title === 'string' ? fields.title : '';
  const where = `section “${title}”`;
  if (field === 'body') return { text: '', title, where };
  const text = fieldText(fields[field]);
  if (text === null)
    throw new GalleyError('field-not-found', `Section “${title}” has no field “${field}”.`);
  return { text, title, where };
}

/**
 * The person an API caller writes as: an editor the edition knows (by id, else by name),
 * or a new one whose id comes from the name, so repeated calls stay one person.
 */
function personFor(doc: Y.Doc, input: CommentAuthorInput): ReviewPerson {
  const known = readEditors(doc);
  const name = input.name.trim();
  const match =
    input.id !== undefined
      ? known.find((p) => p.id === input.id)
      : known.find((p) => p.name.toLowerCase() === name.toLowerCase());
  return {
    id: match?.id ?? input.id ?? `name:${name.toLowerCase()}`.slice(0, 64),
    name: input.id !== undefined || !match ? name : match.name,
    color: input.color ?? match?.color ?? DEFAULT_COLOR,
  };
}

function requireThread(doc: Y.Doc, threadId: string): CommentThread {
  const thread = getThread(doc, threadId);
  if (thread === null)
    throw new GalleyError('thread-not-found', `The edition has no comment thread ${threadId}.`);
  return thread;
}

function requireMessage(doc: Y.Doc, threadId: string, messageId: string): void {
  const message = requireThread(doc, threadId).messages.find((m) => m.id === messageId);
  if (!message || message.deleted)
    throw new GalleyError(
      'message-not-found',
      `Comment thread ${threadId} has no message ${messageId}${message ? ' (it was deleted)' : ''}.`,
    );
}

function nowOf(editions: EditionService): string {
  return editions.store.now().toISOString();
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
