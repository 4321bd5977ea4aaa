import * as Y from 'yjs';
import {
  anchorForQuote,
  editionRoom,
  readThreads,
  resolveAnchor,
  restoreComments,
  sectionRoom,
  setAnchor,
} from '../../core/index.ts';
import type { EditionService } from './EditionService.ts';

/**
 * Brings an edition's comment threads back to a saved version's. The Edition model that
 * restore writes has no comments (exports render it), so they are restored from the
 * version's edition doc here, after the content.
 */
export async function restoreVersionReview(
  editions: EditionService,
  editionId: string,
  versionId: string,
): Promise<void> {
  const room = editionRoom(editionId);
  const state = (await editions.store.getVersionRooms(versionId)).get(room);
  if (state === undefined) return;
  const saved = new Y.Doc();
  try {
    Y.applyUpdate(saved, state);
    await editions.host.change(room, (doc) => restoreComments(doc, saved));
    await reanchorByQuote(editions, room);
  } finally {
    saved.destroy();
  }
}

/**
 * A restore that had to rewrite a section body deleted the text a version's anchors
 * pointed at, though the same words are back. Each body thread that now reads "on deleted
 * text" is anchored again on its quote when the quote is in the restored text; the others
 * stay on deleted text.
 */
async function reanchorByQuote(editions: EditionService, room: string): Promise<void> {
  const edition = await editions.host.read(room);
  const moves = new Map<string, { start: string; end: string }>();
  try {
    const bodies = new Map<string, Y.Doc>();
    for (const thread of readThreads(edition)) {
      const { sectionId, field } = thread.anchor;
      if (sectionId === null || field !== 'body' || thread.quote === '') continue;
      let body = bodies.get(sectionId);
      if (body === undefined) {
        body = await editions.host.read(sectionRoom(sectionId));
        bodies.set(sectionId, body);
      }
      if (resolveAnchor(body, thread.anchor)?.deleted !== true) continue;
      const anchor = anchorForQuote(body, sectionId, thread.quote);
      if (anchor?.start && anchor.end)
        moves.set(thread.id, { start: anchor.start, end: anchor.end });
    }
    for (const body of bodies.values()) body.destroy();
  } finally {
    edition.destroy();
  }
  if (moves.size === 0) return;
  await editions.host.change(room, (doc) =>
    doc.transact(() => {
      for (const [id, { start, end }] of moves) setAnchor(doc, id, start, end);
    }),
  );
}
