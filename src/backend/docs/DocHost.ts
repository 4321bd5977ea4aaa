import type * as Y from 'yjs';

/**
 * Where the backend reads and changes room docs. Without a hub, changes go straight to
 * the store's log; with a hub running, the hub hosts the live docs, so a change made by
 * the API reaches every connected editor like any other update. Async because the store
 * is: a change has been committed when its promise resolves.
 */
export interface DocHost {
  /** A copy of the room's current state (empty doc for a room with no history). */
  read(room: string): Promise<Y.Doc>;
  /**
   * Runs `fn` on the room's current state without copying it: the live doc where one is
   * loaded. `fn` must only read (a change there would bypass the log) and must not keep
   * the doc. For hot reads such as the live preview, where a copy costs more than the read.
   */
  peek<T>(room: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Runs `fn` on the room's doc; resolves once the updates it made are stored (and relayed). */
  change(room: string, fn: (doc: Y.Doc) => void): Promise<void>;
}
