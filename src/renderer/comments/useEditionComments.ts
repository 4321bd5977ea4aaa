import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { openThreadCounts, type CommentThread } from '../../core/index.ts';
import type { EditorIdentity } from '../sync/SyncManager.ts';
import type { CommentsContextValue } from './CommentsContext.ts';
import { CommentsStore } from './CommentsStore.ts';
import { fieldElement } from './fieldComments.ts';

interface Options {
  /** Brings the side panel up on its Comments tab. */
  showPanel: () => void;
  /** Told the number of open threads whenever it changes. */
  onOpenCount?: (count: number | null) => void;
  /** Scrolls a section into view (mounting its editor). */
  scrollToSection: (sectionId: string) => void;
}

/**
 * The comments of an open edition for EditionView: the store (following the edition
 * doc), the context the section editors read, open counts for the outline and the top
 * bar, and the jump from a thread to its text.
 */
export function useEditionComments(doc: Y.Doc, me: EditorIdentity, options: Options) {
  const [store] = useState(() => new CommentsStore(doc));
  useEffect(() => store.start(), [store]);
  // Only the threads: anchor positions move with every keystroke and the edition view
  // (with every section card under it) must not re-render for them.
  const threads = useSyncExternalStore(store.subscribe, () => store.getSnapshot().threads);

  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => store.onPanelRequest(() => latest.current.showPanel()), [store]);

  const counts = useMemo(() => openThreadCounts(threads), [threads]);
  const openCount = useMemo(() => threads.filter((t) => !t.resolved).length, [threads]);
  useEffect(() => {
    latest.current.onOpenCount?.(openCount);
  }, [openCount]);
  useEffect(() => () => latest.current.onOpenCount?.(null), []);

  const context = useMemo<CommentsContextValue>(() => ({ store, me }), [store, me]);

  const jump = useCallback(
    (thread: CommentThread) => {
      const { sectionId, field } = thread.anchor;
      if (sectionId !== null) latest.current.scrollToSection(sectionId);
      if (field === 'body') {
        store.jumpTo(thread.id);
        return;
      }
      store.setActive(thread.id);
      const input = fieldElement(sectionId, field);
      input?.scrollIntoView({ block: 'center' });
      input?.focus();
    },
    [store],
  );

  return { store, context, counts, openCount, jump };
}
