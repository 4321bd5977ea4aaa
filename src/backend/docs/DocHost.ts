import type * as Y from 'yjs';

/**
 * Where the backend reads and changes room docs. Without a hub, changes go straight to
 * the store's log; with a hub running, the hub hosts the live docs, so a change made by
 * the API reaches every connected editor like any other update.
 */
export interface DocHost {
  /** A copy of the room's current state (empty doc for a room with no history). */
  read(room: string): Y.Doc;
  /**
   * Runs `fn` on the room's current state without copying it: the live doc where one is
   * loaded. `fn` must only read (a change there would bypass the log) and must not keep
   * the doc. For hot reads such as the live preview, where a copy costs more than the read.
   */
  peek<T>(room: string, fn: (doc: Y.Doc) => T): T;
  /** Runs `fn` on the room's doc; the updates it makes are persisted (and relayed). */
  change(room: string, fn: (doc: Y.Doc) => void): void;
}
