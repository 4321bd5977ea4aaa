import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LoadedLog } from '../store/updatesLog.ts';
import { RemotePresence } from '../cluster/RemotePresence.ts';
import { RoomFollower } from '../cluster/RoomFollower.ts';
import { LinkPresence } from '../peer/LinkPresence.ts';
import type { LogRow } from '../store/GalleyStore.ts';
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
  /** Set when hubs share the database: where commits and presence are announced. */
  cluster?: RoomCluster;
}

/** What a room tells the other hubs of a cluster (ClusterLink); absent on a lone hub. */
export interface RoomCluster {
  /** The room's log has committed rows up to `seq`. */
  committed(room: string, seq: number): void;
  /** An awareness update of this hub's editors in the room. */
  localAwareness(room: string, update: Uint8Array): void;
}

/** The origin of rows another hub appended: already in the log, so never appended again. */
const FROM_OTHER_HUB = Symbol('another hub');

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** Updates waiting for one append, and who waits for them to be durable. */
interface Batch {
  /** Each doc update with its origin (the connection it came from, or not). */
  entries: Array<{ update: Uint8Array; origin: unknown }>;
  /** Settles once the batch is committed and relayed (rejects if the store refused it). */
  done: Promise<void>;
  settle: (failure: { error: unknown } | null) => void;
}

/**
 * One loaded room: its live Y.Doc, its Awareness and its connections. Every update of
 * the doc, whoever made it, is appended to the store first and relayed second, so no
 * client ever holds an edit the disk does not. The store is async: the updates of one
 * turn form one batch (one append); updates that arrive while it is being written form
 * the next, so a room has at most one write in flight and its log keeps the doc's order.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Keeps the doc level with rows other hubs append (used when clustered). */
  readonly follower: RoomFollower;
  /** Other hubs' editors in this room. */
  readonly presence: RemotePresence;
  readonly connections = new Set<Connection>();
  private failure: { error: unknown } | null = null;
  /** Updates received this turn of the event loop, applied together by applyIncoming. */
  private incoming: Array<{ connection: Connection; update: Uint8Array }> = [];
  /** The batch collecting this turn's updates, written once the one in flight is done. */
  private pending: Batch | null = null;
  /** The batch being appended now. */
  private writing: Batch | null = null;
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
    this.presence = new RemotePresence(this.awareness);
    this.follower = new RoomFollower(loaded.seq, {
      read: (afterSeq) => deps.store.readUpdatesSince(name, afterSeq),
      apply: (rows) => this.applyFromOtherHubs(rows),
      onError: (error) =>
        deps.log({
          level: 'warn',
          room: name,
          msg: `could not read what other hubs appended: ${describe(error)}`,
        }),
    });
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
        return this.answerStep1(connection, message.stateVector);
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
   * to every connection. Resolves once that is durable; rejects if the store refused it.
   */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    this.throwIfFailed();
    // Every update fn makes joins this turn's batch: one append, one announcement.
    try {
      fn(this.doc);
    } finally {
      // Even when fn threw: whatever it did is in the live doc and is being stored.
      this.throwIfFailed();
    }
    return this.durable();
  }

  /** Resolves once every update the doc holds now is committed (rejects if one was refused). */
  durable(): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure.error);
    return (this.pending ?? this.writing)?.done ?? Promise.resolve();
  }

  /**
   * Stores what is still queued, waits for the writes in flight, then stops listening and
   * frees the doc; call once no connection remains.
   */
  async close(): Promise<void> {
    if (this.destroyed) return;
    // Updates received this turn are stored before the room lets go of its doc.
    this.applyIncoming();
    this.compactor.stop();
    try {
      await this.durable();
    } catch {
      // Already logged and handled as a failure; the doc goes either way.
    }
    await this.compactor.idle();
    this.destroy();
  }

  /** Frees the doc at once (after a failure, or once close has flushed). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.follower.stop();
    this.incoming = [];
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
   * Answers a sync step 1 with the doc's state as of now, sent once that state is durable:
   * a newcomer must not get an edit the disk may still lose.
   */
  private answerStep1(connection: Connection, stateVector: Uint8Array): void {
    const message = encodeSyncStep2(this.doc, stateVector);
    if (this.pending === null && this.writing === null) return connection.send(message);
    this.durable().then(
      () => connection.send(message),
      () => {}, // the room failed: its connections are being closed
    );
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

  /** Every update of the doc joins the batch of this turn; the batch is written after it. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_OTHER_HUB) return this.relayFromOtherHubs(update);
    if (this.failure !== null) return;
    if (this.pending === null) {
      this.pending = newBatch();
      // After this turn's synchronous work, so one turn's updates share one append.
      if (this.writing === null) queueMicrotask(this.writeNext);
    }
    this.pending.entries.push({ update, origin });
  };

  /** Appends the pending batch: durable, then relayed, then announced; then the next one. */
  private readonly writeNext = (): void => {
    const batch = this.pending;
    if (batch === null || this.writing !== null) return;
    this.pending = null;
    this.writing = batch;
    const updates = batch.entries.map((entry) => entry.update);
    const [only] = updates;
    const single = updates.length === 1 ? only : undefined;
    const append =
      single !== undefined
        ? this.deps.store.appendUpdate(this.name, single).then((seq) => [seq])
        : this.deps.store.appendUpdates(this.name, updates);
    append.then(
      (seqs) => {
        this.writing = null;
        this.committed(batch, seqs);
        batch.settle(null);
        if (this.pending !== null) this.writeNext();
      },
      (error: unknown) => {
        this.writing = null;
        this.fail(error);
        batch.settle({ error });
      },
    );
  };

  private committed(batch: Batch, seqs: number[]): void {
    // Runs of one origin, each merged and relayed to everyone but that origin.
    const { entries } = batch;
    let start = 0;
    while (start < entries.length) {
      const origin = entries[start]!.origin;
      let end = start;
      while (end < entries.length && entries[end]!.origin === origin) end++;
      const run = entries.slice(start, end).map((entry) => entry.update);
      const message = encodeSyncUpdate(run.length === 1 ? run[0]! : Y.mergeUpdates(run));
      for (const connection of this.connections) {
        if (connection !== origin) connection.send(message);
      }
      start = end;
    }
    // After the relay: compaction is only scheduled here, never run in this turn.
    this.compactor.appended(seqs, byteLength(entries.map((entry) => entry.update)));
    // Announced only now that the rows are committed: another hub reads them at once.
    this.follower.appended(seqs);
    const last = seqs.at(-1);
    if (last !== undefined) this.deps.cluster?.committed(this.name, last);
    try {
      this.deps.onRoomUpdate(this.name);
    } catch (error) {
      this.deps.log({ level: 'error', room: this.name, msg: `onRoomUpdate: ${describe(error)}` });
    }
  }

  /** The log refused a batch: nothing of it (or after it) is relayed; the room reloads. */
  private fail(error: unknown): void {
    if (this.failure !== null) return;
    this.failure = { error };
    // The doc now holds what the disk lacks: it must not be written as a compaction.
    this.compactor.stop();
    this.deps.log({
      level: 'error',
      room: this.name,
      msg: `could not store an update, reloading the room: ${describe(error)}`,
    });
    // The batch queued behind it is never written: its updates are in the live doc only,
    // and the clients re-send them to the reloaded room.
    const queued = this.pending;
    this.pending = null;
    queued?.settle({ error });
    this.deps.onFailure(this);
  }

  /** Rows another hub committed: applied in one transaction, relayed, never appended again. */
  private applyFromOtherHubs(rows: LogRow[]): void {
    if (this.destroyed || this.failure !== null) return;
    try {
      this.doc.transact(() => {
        for (const row of rows) Y.applyUpdate(this.doc, row.data, FROM_OTHER_HUB);
      }, FROM_OTHER_HUB);
    } catch (error) {
      this.deps.log({
        level: 'error',
        room: this.name,
        msg: `a row another hub appended could not be applied: ${describe(error)}`,
      });
    }
  }

  /** Durable already (read from the log): relayed to every editor at once. */
  private relayFromOtherHubs(update: Uint8Array): void {
    const message = encodeSyncUpdate(update);
    for (const connection of this.connections) connection.send(message);
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
    const changed = [...added, ...updated, ...removed];
    // Only this hub's own editors (and those of a hub it links to) go to the bus; what
    // came from the bus is not sent back.
    const ours = origin instanceof Connection || origin instanceof LinkPresence;
    if (ours && this.deps.cluster !== undefined) {
      this.deps.cluster.localAwareness(this.name, encodeAwarenessUpdate(this.awareness, changed));
    }
    const message = encodeAwareness(this.awareness, changed);
    for (const connection of this.connections) connection.send(message);
  };
}

function newBatch(): Batch {
  let settle!: Batch['settle'];
  const done = new Promise<void>((resolve, reject) => {
    settle = (failure) => (failure === null ? resolve() : reject(failure.error));
  });
  // Nobody may be waiting for a batch (an editor's keystroke): its failure is handled
  // by fail(), so it must not also surface as an unhandled rejection.
  done.catch(() => {});
  return { entries: [], done, settle };
}

function byteLength(updates: readonly Uint8Array[]): number {
  let total = 0;
  for (const update of updates) total += update.byteLength;
  return total;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
