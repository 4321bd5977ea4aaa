/**
 * What one hub tells the others about a room it serves. Both kinds name the hub that
 * sent them; a bus never hands a hub its own messages back.
 */
export type BusMessage =
  /** The hub committed rows of the room's log up to `seq`: read them from the store. */
  | { kind: 'seq'; hub: string; room: string; seq: number }
  /** An awareness update (y-protocols encoding) from the hub's own clients in the room. */
  | { kind: 'awareness'; hub: string; room: string; update: Uint8Array }
  /** The hub is closing: withdraw the presence it relayed. */
  | { kind: 'bye'; hub: string };

/**
 * What a subscriber hears: messages from other hubs, plus `gap` when the bus may have
 * lost messages (its connection dropped and came back), so every open room must catch
 * up from the log, and `state` when the bus connects or disconnects.
 */
export type BusEvent = BusMessage | { kind: 'gap' } | { kind: 'state'; connected: boolean };

/**
 * The room bus of hubs that share one database: a fan-out of "room R has rows up to
 * seq S" and of awareness, nothing more. The log in the store stays the source of
 * truth; a lost message costs latency, never data, because a hub catches up by seq.
 */
export interface RoomBus {
  /** This hub's id; messages carrying it are not delivered back to it. */
  readonly hubId: string;
  /** True while the bus is listening; /readyz reports not ready otherwise. */
  readonly connected: boolean;
  /** Announces that the room's log holds committed rows up to `seq`. */
  publishSeq(room: string, seq: number): void;
  /** Sends an awareness update of the room's local clients (coalesced and size-bounded). */
  publishAwareness(room: string, update: Uint8Array): void;
  /** Calls `listener` for every event until the returned function is called. */
  subscribe(listener: (event: BusEvent) => void): () => void;
  /** Says goodbye to the other hubs and disconnects; calling it again does nothing. */
  close(): Promise<void>;
}
