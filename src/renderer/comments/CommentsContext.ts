import { createContext, useContext, useSyncExternalStore } from 'react';
import type { EditorIdentity } from '../sync/SyncManager.ts';
import type { CommentsSnapshot, CommentsStore } from './CommentsStore.ts';

/** The open edition's comments and who is writing, for the section editors inside it. */
export interface CommentsContextValue {
  store: CommentsStore;
  me: EditorIdentity;
}

/** Null outside an edition (a section editor on its own shows no comments). */
export const CommentsContext = createContext<CommentsContextValue | null>(null);

/** The comments context, or null when there is none. */
export function useCommentsContext(): CommentsContextValue | null {
  return useContext(CommentsContext);
}

const EMPTY_SUBSCRIBE = () => () => {};
const NO_SNAPSHOT = () => null;

/** The store's current snapshot, re-rendering on change (null without a store). */
export function useCommentsSnapshot(store: CommentsStore | null): CommentsSnapshot | null {
  return useSyncExternalStore(
    store?.subscribe ?? EMPTY_SUBSCRIBE,
    store?.getSnapshot ?? NO_SNAPSHOT,
  );
}
