import type * as Y from 'yjs';

/**
 * Where the backend reads and changes room docs. Without a hub, changes go straight to
 * the store's log; with a hub running, the hub hosts the live docs, so a change made by
 * the API reaches every connected editor like any other update.
 */
export interface DocHost {
  /** A copy of the room's current state (empty doc for a room with no history). */
  read(room: string): Y.Doc;
  /** Runs `fn` on the room's doc; the updates it makes are persisted (and relayed). */
  change(room: string, fn: (doc: Y.Doc) => void): void;
}
