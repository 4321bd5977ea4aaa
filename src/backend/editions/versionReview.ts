import * as Y from 'yjs';
import { editionRoom, restoreComments } from '../../core/index.ts';
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
  } finally {
    saved.destroy();
  }
}
