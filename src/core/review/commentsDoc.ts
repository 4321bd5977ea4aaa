import * as Y from 'yjs';
import { toBase64, fromBase64 } from 'lib0/buffer';
import { newId } from '../model/ids.ts';
import { restorePerson, storedPerson } from './people.ts';
import type { CommentAnchor, CommentMessage, CommentThread, ReviewPerson } from './types.ts';

/**
 * Comment threads live in the edition doc (room `edition:<id>`), so the outline and the
 * Comments panel can count and list them without loading every section, versions keep
 * them with the rest of the edition, and any Yjs client can read them:
 *
 * `doc.getMap('comments')`: thread id -> Y.Map of
 *   `sectionId` (string | null), `field` ('body' or a field name),
 *   `start`, `end` (Uint8Array: `Y.encodeRelativePosition` into the section doc's `root`
 *   XmlText; only for 'body'), `quote` (string), `author` ({ id, name, color }),
 *   `createdAt` (ISO), `resolved` (boolean), `resolvedBy` (person | null), `resolvedAt`,
 *   `messages`: Y.Array of Y.Map { id, author, text, createdAt, editedAt, deleted, mentions }.
 *
 * Replies are appended to a Y.Array, so concurrent replies are all kept; resolving is a
 * last-writer-wins flag; a deleted message is a tombstone (empty text, `deleted: true`).
 */
export const COMMENTS_MAP = 'comments';

/** Longest comment text kept, in characters; longer text is cut at write time. */
export const MAX_COMMENT_TEXT = 10_000;
const MAX_QUOTE = 500;

/** What a new thread needs. */
export interface NewThread {
  anchor: CommentAnchor;
  quote: string;
  author: ReviewPerson;
  text: string;
  mentions?: string[];
  /** For tests and imports; a fresh id otherwise. */
  id?: string;
  now?: string;
}

/** The comments map of an edition doc. */
export function commentsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(COMMENTS_MAP);
}

/** Starts a thread with its first message; returns the thread id. */
export function addThread(doc: Y.Doc, input: NewThread): string {
  const id = input.id ?? newId();
  const now = input.now ?? new Date().toISOString();
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    thread.set('sectionId', input.anchor.sectionId);
    thread.set('field', input.anchor.field);
    if (input.anchor.start !== null) thread.set('start', fromBase64(input.anchor.start));
    if (input.anchor.end !== null) thread.set('end', fromBase64(input.anchor.end));
    thread.set('quote', input.quote.slice(0, MAX_QUOTE));
    thread.set('author', storedPerson(input.author));
    thread.set('createdAt', now);
    thread.set('resolved', false);
    thread.set('resolvedBy', null);
    thread.set('resolvedAt', null);
    const messages = new Y.Array<Y.Map<unknown>>();
    messages.push([newMessage(input.author, input.text, input.mentions ?? [], now)]);
    thread.set('messages', messages);
    commentsMap(doc).set(id, thread);
  });
  return id;
}

/** Appends a reply; returns its id, or null when the thread does not exist. */
export function addReply(
  doc: Y.Doc,
  threadId: string,
  author: ReviewPerson,
  text: string,
  mentions: string[] = [],
  now = new Date().toISOString(),
): string | null {
  const messages = messagesOf(doc, threadId);
  if (messages === null) return null;
  const message = newMessage(author, text, mentions, now);
  messages.push([message]);
  return String(message.get('id'));
}

/** Replaces a message's text; false when the thread or message does not exist. */
export function editMessage(
  doc: Y.Doc,
  threadId: string,
  messageId: string,
  text: string,
  mentions: string[] = [],
  now = new Date().toISOString(),
): boolean {
  const message = findMessage(doc, threadId, messageId);
  if (message === null || message.get('deleted') === true) return false;
  doc.transact(() => {
    message.set('text', text.slice(0, MAX_COMMENT_TEXT));
    message.set('mentions', mentions.slice(0, 50));
    message.set('editedAt', now);
  });
  return true;
}

/**
 * Deletes a message. Deleting the first message of a thread nobody answered deletes
 * the thread; otherwise the message stays as a tombstone so replies keep their place.
 */
export function deleteMessage(doc: Y.Doc, threadId: string, messageId: string): boolean {
  const messages = messagesOf(doc, threadId);
  const message = findMessage(doc, threadId, messageId);
  if (messages === null || message === null) return false;
  const live = messages.toArray().filter((m) => m instanceof Y.Map && m.get('deleted') !== true);
  if (live.length === 1 && live[0] === message) {
    commentsMap(doc).delete(threadId);
    return true;
  }
  doc.transact(() => {
    message.set('text', '');
    message.set('mentions', []);
    message.set('deleted', true);
  });
  return true;
}

/** Moves a body thread's anchor (e.g. onto its quote again after a restore). */
export function setAnchor(doc: Y.Doc, threadId: string, start: string, end: string): boolean {
  const thread = commentsMap(doc).get(threadId);
  if (!(thread instanceof Y.Map)) return false;
  doc.transact(() => {
    thread.set('start', fromBase64(start));
    thread.set('end', fromBase64(end));
  });
  return true;
}

/** Deletes a whole thread with its replies. */
export function deleteThread(doc: Y.Doc, threadId: string): boolean {
  const map = commentsMap(doc);
  if (!map.has(threadId)) return false;
  map.delete(threadId);
  return true;
}

/** Resolves (or, with `resolved: false`, reopens) a thread. */
export function setResolved(
  doc: Y.Doc,
  threadId: string,
  resolved: boolean,
  by: ReviewPerson,
  now = new Date().toISOString(),
): boolean {
  const thread = commentsMap(doc).get(threadId);
  if (!(thread instanceof Y.Map)) return false;
  doc.transact(() => {
    thread.set('resolved', resolved);
    thread.set('resolvedBy', resolved ? storedPerson(by) : null);
    thread.set('resolvedAt', resolved ? now : null);
  });
  return true;
}

/** Every readable thread, oldest first; malformed entries are skipped, never thrown on. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const threads: CommentThread[] = [];
  commentsMap(doc).forEach((value, id) => {
    const thread = readThread(id, value);
    if (thread !== null) threads.push(thread);
  });
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** One thread, or null when it does not exist or cannot be read. */
export function getThread(doc: Y.Doc, threadId: string): CommentThread | null {
  return readThread(threadId, commentsMap(doc).get(threadId));
}

/** Open (unresolved) threads per section id; edition header threads count under ''. */
export function openThreadCounts(threads: CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.resolved) continue;
    const key = thread.anchor.sectionId ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function readThread(id: string, value: unknown): CommentThread | null {
  if (!(value instanceof Y.Map)) return null;
  const author = restorePerson(value.get('author'));
  const rawMessages = value.get('messages');
  if (author === null || !(rawMessages instanceof Y.Array)) return null;
  const messages = rawMessages
    .toArray()
    .map((m: unknown) => readMessage(m))
    .filter((m): m is CommentMessage => m !== null);
  if (messages.length === 0) return null;
  const sectionId = value.get('sectionId');
  const field = value.get('field');
  return {
    id,
    anchor: {
      sectionId: typeof sectionId === 'string' ? sectionId : null,
      field: typeof field === 'string' && field !== '' ? field : 'body',
      start: bytesToBase64(value.get('start')),
      end: bytesToBase64(value.get('end')),
    },
    quote: stringOr(value.get('quote'), ''),
    author,
    createdAt: stringOr(value.get('createdAt'), ''),
    resolved: value.get('resolved') === true,
    resolvedBy: restorePerson(value.get('resolvedBy')),
    resolvedAt: stringOrNull(value.get('resolvedAt')),
    messages,
  };
}

function readMessage(value: unknown): CommentMessage | null {
  if (!(value instanceof Y.Map)) return null;
  const id = value.get('id');
  const author = restorePerson(value.get('author'));
  if (typeof id !== 'string' || author === null) return null;
  const mentions = value.get('mentions');
  const deleted = value.get('deleted') === true;
  return {
    id,
    author,
    text: deleted ? '' : stringOr(value.get('text'), '').slice(0, MAX_COMMENT_TEXT),
    createdAt: stringOr(value.get('createdAt'), ''),
    editedAt: stringOrNull(value.get('editedAt')),
    deleted,
    mentions: Array.isArray(mentions)
      ? mentions.filter((m): m is string => typeof m === 'string')
      : [],
  };
}

function newMessage(
  author: ReviewPerson,
  text: string,
  mentions: string[],
  now: string,
): Y.Map<unknown> {
  const message = new Y.Map<unknown>();
  message.set('id', newId());
  message.set('author', storedPerson(author));
  message.set('text', text.slice(0, MAX_COMMENT_TEXT));
  message.set('createdAt', now);
  message.set('editedAt', null);
  message.set('deleted', false);
  message.set('mentions', mentions.slice(0, 50));
  return message;
}

function messagesOf(doc: Y.Doc, threadId: string): Y.Array<unknown> | null {
  const thread = commentsMap(doc).get(threadId);
  if (!(thread instanceof Y.Map)) return null;
  const messages: unknown = thread.get('messages');
  return messages instanceof Y.Array ? messages : null;
}

function findMessage(doc: Y.Doc, threadId: string, messageId: string): Y.Map<unknown> | null {
  const messages = messagesOf(doc, threadId);
  if (messages === null) return null;
  for (const m of messages.toArray()) if (m instanceof Y.Map && m.get('id') === messageId) return m;
  return null;
}

function bytesToBase64(value: unknown): string | null {
  return value instanceof Uint8Array ? toBase64(value) : null;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
