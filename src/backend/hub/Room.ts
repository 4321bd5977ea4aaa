import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LoadedLog } from '../store/Store.ts';
import { Connection } from './Connection.ts';
import type { HubLogEntry, HubStore } from './options.ts';
import {
  CloseCode,
  ProtocolError,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './protocol.ts';
import type { CompactionPolicy } from './compactionPolicy.ts';
import { RoomCompactor, type RoomLogStats } from './RoomCompactor.ts';

/** What a Room needs from its hub. */
export interface RoomDeps {
  store: HubStore;
  log: (entry: HubLogEntry) => void;
  onRoomUpdate: (room: string) => void;
  /** The log refused an update: the live doc is ahead of the disk and must be reloaded. */
  onFailure: (room: Room) => void;
  compaction: CompactionPolicy;
  /** Told each time the room's log grows (rows, bytes). */
  onLogGrow: (room: string, rows: number, bytes: number) => void;
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/**
 * One loaded room: its live Y.Doc, its Awareness and its connections. Every update of
 * the doc, whoever made it, is appended to the store first and relayed second, so no
 * client ever holds an edit the disk does not.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly connections = new Set<Connection>();
  /** Updates made inside change(), committed together when it returns. */
  private batch: Uint8Array[] | null = null;
  private failure: { error: unknown } | null = null;
  /** Updates received this turn of the event loop, applied together by applyIncoming. */
  private incoming: Array<{ connection: Connection; update: Uint8Array }> = [];
  private destroyed = false;
  private readonly compactor: RoomCompactor;

  constructor(
    readonly name: string,
    loaded: LoadedLog,
    private readonly deps: RoomDeps,
  ) {
    const doc = loaded.doc;
    this.doc = doc;
    this.compactor = new RoomCompactor(name, doc, loaded, {
      store: deps.store,
      policy: deps.compaction,
      log: deps.log,
      onGrow: deps.onLogGrow,
    });
    this.awareness = new Awareness(doc);
    // The hub is not a participant: it must not show up as a presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    // Registered after loading, so replaying the log does not append it again.
    doc.on('update', this.onDocUpdate);
  }

  /** True once an update could not be stored; the room must be unloaded and reloaded. */
  get failed(): boolean {
    return this.failure !== null;
  }

  /** The room's log as the hub knows it: rows, bytes, compactions since loading. */
  logStats(): RoomLogStats {
    return this.compactor.stats();
  }

  /** Greets a new connection: asks a writer for what the room lacks, shares presence. */
  add(connection: Connection): void {
    this.connections.add(connection);
    // A read-only client is never asked for its state: its answer would only be refused.
    if (!connection.readOnly) connection.send(encodeSyncStep1(this.doc));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) connection.send(encodeAwareness(this.awareness, clients));
  }

  /** Forgets a connection and withdraws the presence it announced, telling the others. */
  remove(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const clients = [...connection.awarenessClients];
    if (clients.length > 0) removeAwarenessStates(this.awareness, clients, connection);
  }

  /** Handles one frame from a connection; a bad frame closes that connection only. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (this.failure !== null) return;
    let message;
    try {
      message = decodeClientMessage(frame);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      return connection.close(error.closeCode, error.message);
    }
    switch (message.kind) {
      case 'sync-step1':
        return connection.send(encodeSyncStep2(this.doc, message.stateVector));
      case 'sync-step2':
      case 'update':
        if (connection.readOnly) return connection.refuseWrite();
        return this.applyFrom(connection, message.update);
      case 'awareness':
        try {
          applyAwarenessUpdate(this.awareness, message.update, connection);
        } catch (error) {
          connection.close(CloseCode.invalidPayload, `awareness update failed: ${describe(error)}`);
        }
        return;
      case 'query-awareness':
        return connection.send(
          encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]),
        );
    }
  }

  /**
   * Runs `fn` on the live doc; everything it changes is stored in one append and relayed
   * to every connection. Throws if the store refused the changes.
   */
  change(fn: (doc: Y.Doc) => void): void {
    this.throwIfFailed();
    // A nested change joins the outer batch, which commits once at the end.
    if (this.batch !== null) return fn(this.doc);
    this.batch = [];
    try {
      fn(this.doc);
    } finally {
      const updates = this.batch;
      this.batch = null;
      // Commit even when fn threw: whatever it did is in the live doc and must be stored.
      if (updates.length > 0) this.commit(updates, this);
    }
    this.throwIfFailed();
  }

  /** Stops listening and frees the doc; call once no connection remains. */
  destroy(): void {
    // Updates received this turn are stored before the room lets go of its doc.
    this.applyIncoming();
    this.destroyed = true;
    this.compactor.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure.error;
  }

  /**
   * Queues an incoming update; the queue is applied once per turn of the event loop.
   * Typing arrives as many tiny messages: applying a run of them in one transaction
   * makes one merged update, so one append and one relayed message serve them all.
   */
  private applyFrom(connection: Connection, update: Uint8Array): void {
    this.incoming.push({ connection, update });
    if (this.incoming.length === 1) setImmediate(this.applyIncoming);
  }

  private readonly applyIncoming = (): void => {
    if (this.destroyed) return;
    const queue = this.incoming;
    this.incoming = [];
    // Runs of one connection's updates, in arrival order, each run one transaction, so a
    // run's merged update is relayed to everyone but its sender.
    let start = 0;
    while (start < queue.length) {
      const connection = queue[start]!.connection;
      let end = start;
      while (end < queue.length && queue[end]!.connection === connection) end++;
      // Applied even if the sender has gone since: it may have closed its window right
      // after typing, and its last words must not wait for it to come back.
      if (this.failure === null) this.applyRun(connection, queue.slice(start, end));
      start = end;
    }
  };

  private applyRun(connection: Connection, run: Array<{ update: Uint8Array }>): void {
    this.doc.transact(() => {
      for (const { update } of run) {
        try {
          Y.applyUpdate(this.doc, update, connection);
        } catch (error) {
          // The update decoded, so this is a Yjs-level refusal; what integrated before the
          // throw is committed with the transaction, keeping the doc and the log in step.
          connection.close(
            CloseCode.invalidPayload,
            `update could not be applied: ${describe(error)}`,
          );
          return;
        }
      }
    }, connection);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.batch !== null) this.batch.push(update);
    else this.commit([update], origin);
  };

  /** Durable, then relayed, then announced. */
  private commit(updates: Uint8Array[], origin: unknown): void {
    if (this.failure !== null) return;
    const [only] = updates;
    const single = updates.length === 1 ? only : undefined;
    let seqs: number[];
    try {
      seqs =
        single !== undefined
          ? [this.deps.store.appendUpdate(this.name, single)]
          : this.deps.store.appendUpdates(this.name, updates);
    } catch (error) {
      this.failure = { error };
      // The doc now holds what the disk lacks: it must not be written as a compaction.
      this.compactor.stop();
      this.deps.log({
        level: 'error',
        room: this.name,
        msg: `could not store an update, reloading the room: ${describe(error)}`,
      });
      // Not from inside Yjs's update event: the hub closes connections and destroys the doc.
      queueMicrotask(() => this.deps.onFailure(this));
      return;
    }
    const message = encodeSyncUpdate(single ?? Y.mergeUpdates(updates));
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message);
    }
    // After the relay: compaction is only scheduled here, never run in this turn.
    this.compactor.appended(seqs, single?.byteLength ?? byteLength(updates));
    try {
      this.deps.onRoomUpdate(this.name);
    } catch (error) {
      this.deps.log({ level: 'error', room: this.name, msg: `onRoomUpdate: ${describe(error)}` });
    }
  }

  private readonly onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void => {
    const { added, updated, removed } = change;
    if (origin instanceof Connection) {
      for (const id of [...added, ...updated]) origin.awarenessClients.add(id);
      for (const id of removed) origin.awarenessClients.delete(id);
    }
    // Echoed to the sender too: y-websocket clients count any message as a sign of life,
    // and a lone editor's own awareness renewals are all that keeps it from reconnecting.
    const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const connection of this.connections) connection.send(message);
  };
}

function byteLength(updates: readonly Uint8Array[]): number {
  let total = 0;
  for (const update of updates) total += update.byteLength;
  return total;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
