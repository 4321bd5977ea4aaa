import { applyAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  packAwareness,
  type AwarenessEntry,
} from '../cluster/awarenessEntries.ts';
import { MESSAGE_AWARENESS, checkAwarenessUpdate } from '../hub/protocol.ts';

/**
 * At most one outgoing awareness message per room per this many ms: a cursor that moves
 * on every keystroke costs the link 20 messages a second per room at most, whatever the
 * number of editors behind it, and a room's messages stay far under the remote hub's
 * per-connection rate limit (300 a second, bursts of 1000).
 */
export const LINK_AWARENESS_INTERVAL_MS = 50;

/**
 * Largest outgoing awareness message (bytes of the update). A cursor state is ~200 bytes,
 * so this holds hundreds of editors; a flush needing more sends several messages, and a
 * single state bigger than this is not relayed at all (logged).
 */
export const LINK_AWARENESS_MAX_BYTES = 64 * 1024;

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** What one room's presence relay needs from the link. */
export interface LinkPresenceDeps {
  room: string;
  /** The hub room's Awareness: what the local editors see and announce. */
  awareness: Awareness;
  /** Sends one y-websocket awareness payload over the link; false while it is down. */
  send: (update: Uint8Array) => boolean;
  log: (msg: string) => void;
  intervalMs?: number;
  maxBytes?: number;
}

/**
 * Relays presence between a hub room and one peer link, in both directions. States that
 * came through the link are applied with this object as the origin and remembered, so
 * they are never sent back over it, and withdrawn when the link drops. Everything else
 * the room's Awareness holds (its own editors, other links, other hubs of a cluster) is
 * sent, coalesced per room.
 *
 * No loops: an awareness entry is (client id, clock, state), every hub keeps the newest
 * clock per client and only an actual change reaches a relay, so an entry crosses each
 * link at most once per clock; in a cycle the copy arriving the long way round carries a
 * clock the hub already holds and stops there.
 */
export class LinkPresence {
  /** Clients whose current state came through this link. */
  private readonly fromLink = new Set<number>();
  /** Clients whose state changed since the last flush (sent with their newest state). */
  private readonly pending = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = 0;
  private stopped = false;

  constructor(private readonly deps: LinkPresenceDeps) {
    deps.awareness.on('update', this.onUpdate);
  }

  /** Takes the body of a y-websocket awareness message (after its type) from the remote hub. */
  receiveMessage(body: Uint8Array): void {
    if (this.stopped) return;
    let update: Uint8Array;
    try {
      const decoder = decoding.createDecoder(body);
      update = decoding.readVarUint8Array(decoder);
      if (decoding.hasContent(decoder))
        throw new Error('trailing bytes after the awareness update');
    } catch (error) {
      return this.ignore(error);
    }
    this.receive(update);
  }

  /**
   * Takes an awareness payload received from the remote hub. A malformed one is ignored
   * with a log line naming the room: the remote hub is trusted with edits, not with
   * crashing this one.
   */
  receive(update: Uint8Array): void {
    if (this.stopped) return;
    let entries: AwarenessEntry[];
    try {
      checkAwarenessUpdate(update);
      entries = decodeAwarenessEntries(update);
    } catch (error) {
      return this.ignore(error);
    }
    // The hub's own client id has no state on purpose (it is not a participant); a state
    // for it would make the hub's Awareness renew it as its own, forever.
    const own = this.deps.awareness.clientID;
    const kept = entries.filter((entry) => entry.clientId !== own);
    if (kept.length === 0) return;
    try {
      const payload = kept.length === entries.length ? update : encodeAwarenessEntries(kept);
      applyAwarenessUpdate(this.deps.awareness, payload, this);
    } catch (error) {
      this.ignore(error);
    }
  }

  /** The link is up (again): everything this side shows, except what came through it, goes out. */
  connected(): void {
    if (this.stopped) return;
    for (const client of this.deps.awareness.getStates().keys()) {
      if (!this.fromLink.has(client)) this.pending.add(client);
    }
    this.schedule();
  }

  /** The link dropped: every state that came through it is withdrawn here. */
  disconnected(): void {
    this.pending.clear();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const states = this.deps.awareness.getStates();
    const present = [...this.fromLink].filter((client) => states.has(client));
    this.fromLink.clear();
    if (present.length > 0) removeAwarenessStates(this.deps.awareness, present, this);
  }

  /** Stops relaying and withdraws what came through the link. */
  stop(): void {
    if (this.stopped) return;
    this.disconnected();
    this.stopped = true;
    this.deps.awareness.off('update', this.onUpdate);
  }

  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin === this) {
      for (const client of added) this.fromLink.add(client);
      for (const client of updated) this.fromLink.add(client);
      for (const client of removed) this.fromLink.delete(client);
      return;
    }
    // A newer state from elsewhere (an editor here, another link) makes the client ours
    // to announce. A removal here of a state that came through the link is not sent back:
    // the other side withdraws it itself, by its client leaving or by its own timeout.
    for (const client of [...added, ...updated]) {
      this.fromLink.delete(client);
      this.pending.add(client);
    }
    for (const client of removed) {
      if (!this.fromLink.delete(client)) this.pending.add(client);
    }
    this.schedule();
  };

  /** The first change after a quiet window goes at once; later ones wait for the window. */
  private schedule(): void {
    if (this.stopped || this.timer !== null || this.pending.size === 0) return;
    const interval = this.deps.intervalMs ?? LINK_AWARENESS_INTERVAL_MS;
    const wait = Math.max(0, this.lastFlush + interval - Date.now());
    this.timer = setTimeout(this.flush, wait);
    this.timer.unref();
  }

  private readonly flush = (): void => {
    this.timer = null;
    this.lastFlush = Date.now();
    const { awareness } = this.deps;
    const states = awareness.getStates();
    const entries: AwarenessEntry[] = [];
    for (const client of this.pending) {
      const meta = awareness.meta.get(client);
      if (meta === undefined || this.fromLink.has(client)) continue;
      const state = states.get(client) ?? null;
      entries.push({ clientId: client, clock: meta.clock, state: JSON.stringify(state) });
    }
    this.pending.clear();
    const { updates, dropped } = packAwareness(
      entries,
      this.deps.maxBytes ?? LINK_AWARENESS_MAX_BYTES,
    );
    if (dropped.length > 0) {
      this.deps.log(
        `peer ${this.deps.room}: presence of ${dropped.length} client(s) too big to relay, not sent`,
      );
    }
    // While the link is down nothing is kept: connected() sends the full picture.
    for (const update of updates) if (!this.deps.send(update)) break;
  };

  private ignore(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.deps.log(`peer ${this.deps.room}: ignored a malformed awareness message: ${reason}`);
  }
}

/** A y-websocket awareness message carrying `update`. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  // A copy on its own ArrayBuffer: what the DOM WebSocket type of the provider's socket takes.
  return new Uint8Array(encoding.toUint8Array(encoder));
}
