import {
  bodyAnchorNow,
  bodyPositions,
  bodyRoot,
  editionRoom,
  fieldAnchorNow,
  readOrder,
  readSectionFields,
  readThreads,
  sectionRoom,
  threadView,
  type CommentThread,
  type CommentThreadView,
} from '../../core/index.ts';
import type { EditionService } from './EditionService.ts';

/**
 * Views of an edition's threads that pass `keep`: the edition doc is read once, then
 * each section doc with body anchors once.
 */
export async function threadViews(
  editions: EditionService,
  editionId: string,
  keep: (thread: CommentThread) => boolean,
): Promise<CommentThreadView[]> {
  const read = await editions.host.peek(editionRoom(editionId), (doc) => {
    const live = new Set(readOrder(doc));
    return readThreads(doc)
      .filter(keep)
      .map((thread) => {
        const { sectionId, field } = thread.anchor;
        const title = sectionId === null ? null : readSectionFields(doc, sectionId)?.title;
        return {
          thread,
          title: typeof title === 'string' ? title : null,
          // Body anchors are read from their section doc below; null until then.
          now: field === 'body' ? null : fieldAnchorNow(doc, thread.anchor),
          inBody: field === 'body' && sectionId !== null && live.has(sectionId),
        };
      });
  });
  const bySection = new Map<string, typeof read>();
  for (const entry of read) {
    if (!entry.inBody) continue;
    const sectionId = entry.thread.anchor.sectionId!;
    bySection.set(sectionId, [...(bySection.get(sectionId) ?? []), entry]);
  }
  for (const [sectionId, entries] of bySection) {
    await editions.host.peek(sectionRoom(sectionId), (doc) => {
      // One layout of the body for all its anchors.
      const positions = bodyPositions(bodyRoot(doc));
      for (const entry of entries) entry.now = bodyAnchorNow(doc, entry.thread.anchor, positions);
    });
  }
  return read.map(({ thread, title, now }) =>
    threadView(thread, now ?? bodyAnchorNow(null, thread.anchor), title),
  );
}
