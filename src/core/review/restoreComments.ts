import * as Y from 'yjs';
import { commentsMap } from './commentsDoc.ts';
import { EDITORS_MAP } from './editorsDoc.ts';

/**
 * Makes the comment threads of a live edition doc what they were in `saved` (the edition
 * doc of a version): threads deleted since come back, threads added since go, and a
 * thread that changed is put back as it was. Only what differs is written, as new
 * updates, so history only grows (the state before a restore is itself a version).
 * Editors the version knew and the live doc lost are added back, so their names can be
 * mentioned again; none is removed.
 */
export function restoreComments(live: Y.Doc, saved: Y.Doc): void {
  const target = commentsMap(saved);
  const current = commentsMap(live);
  live.transact(() => {
    for (const id of [...current.keys()]) if (!target.has(id)) current.delete(id);
    target.forEach((thread, id) => {
      if (!(thread instanceof Y.Map)) return;
      const now = current.get(id);
      if (now instanceof Y.Map && sameJson(now, thread)) return;
      current.set(id, thread.clone());
    });
    const editors = live.getMap<unknown>(EDITORS_MAP);
    saved.getMap<unknown>(EDITORS_MAP).forEach((person, id) => {
      if (!editors.has(id)) editors.set(id, person);
    });
  });
}

function sameJson(a: Y.Map<unknown>, b: Y.Map<unknown>): boolean {
  return JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
}
