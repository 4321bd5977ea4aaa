import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { HubLogEntry } from '../hub/options.ts';
import { foldAwareness, packAwareness, type AwarenessEntry } from './awarenessEntries.ts';
import { decodeBusPayload, encodeBusPayload } from './busPayload.ts';
import type { BusEvent, BusMessage, RoomBus } from './RoomBus.ts';

/*
 * Why PostgreSQL LISTEN/NOTIFY and not Redis pub/sub for the fan-out between hubs:
 * - No second service to run, secure, back up and monitor: the hubs already need the
 *   database, and a team that can run PostgreSQL gets clustering without anything else.
 * - The database is already the source of truth. A notification only says "room R has
 *   rows up to seq S"; the rows themselves are read from the log, so a notification can
 *   never carry an update the log does not have (it is sent after the append commits).
 * - Catch-up reads the log by seq anyway: a hub that lost notifications (its connection
 *   dropped) reads `readUpdatesSince(room, lastSeq)` for its open rooms. Redis would add
 *   a second delivery path with its own failure modes and still need that catch-up.
 * The costs are accepted: NOTIFY payloads are capped at 8000 bytes (awareness is
 * size-bounded and coalesced here) and every hub holds one extra connection for LISTEN.
 */

/** The NOTIFY payload limit of PostgreSQL (the payload must be shorter than this). */
const NOTIFY_LIMIT = 8000;
const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** How a PgRoomBus is set up; only the database URL is required. */
export interface PgRoomBusOptions {
  /** This hub's id (default: a random UUID per process). */
  hubId?: string;
  /** The LISTEN/NOTIFY channel every hub of the cluster uses. Default `galley_rooms`. */
  channel?: string;
  /** At most one awareness notification per room per this many ms; more are coalesced. Default 50. */
  awarenessIntervalMs?: number;
  /** Reconnect backoff: first delay and cap, in ms. Default 100 and 5000. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** How often the listening connection is checked with a query (0: never). Default 5000. */
  heartbeatMs?: number;
  log?: (entry: HubLogEntry) => void;
}

/** A named failure of the bus; `code` is stable. */
export class BusError extends Error {
  constructor(
    readonly code: 'bus-unavailable' | 'bad-channel',
    message: string,
  ) {
    super(message);
    this.name = 'BusError';
  }
}

/**
 * The room bus on PostgreSQL LISTEN/NOTIFY: one dedicated listening client per hub, which
 * reconnects with backoff after any loss and then reports a `gap`, because notifications
 * sent while it was away are gone for good (PostgreSQL does not queue them).
 */
export class PgRoomBus implements RoomBus {
  readonly hubId: string;
  private readonly channel: string;
  private readonly listeners = new Set<(event: BusEvent) => void>();
  private readonly pendingAwareness = new Map<string, Map<number, AwarenessEntry>>();
  private readonly awarenessTimers = new Map<string, NodeJS.Timeout>();
  private readonly lastAwarenessAt = new Map<string, number>();
  private readonly log: (entry: HubLogEntry) => void;
  private client: pg.Client | null = null;
  /** Queries on the listening client run one after another (pg 9 will require it). */
  private queue: Promise<unknown> = Promise.resolve();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private attempts = 0;
  private everConnected = false;
  private closed = false;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly url: string,
    private readonly options: PgRoomBusOptions,
  ) {
    this.hubId = options.hubId ?? randomUUID();
    this.channel = options.channel ?? 'galley_rooms';
    if (!CHANNEL_PATTERN.test(this.channel)) {
      throw new BusError('bad-channel', `PgRoomBus: not a channel name: ${this.channel}`);
    }
    this.log = options.log ?? (() => {});
  }

  /** Connects and listens; rejects with a BusError when the database cannot be reached. */
  static async open(url: string, options: PgRoomBusOptions = {}): Promise<PgRoomBus> {
    const bus = new PgRoomBus(url, options);
    try {
      await bus.connect();
    } catch (error) {
      await bus.close();
      throw new BusError(
        'bus-unavailable',
        `the room bus could not listen on the database: ${describe(error)}`,
      );
    }
    const heartbeat = options.heartbeatMs ?? 5000;
    if (heartbeat > 0) {
      bus.heartbeatTimer = setInterval(() => bus.heartbeat(heartbeat), heartbeat);
      bus.heartbeatTimer.unref();
    }
    return bus;
  }

  get connected(): boolean {
    return this.client !== null;
  }

  publishSeq(room: string, seq: number): void {
    this.notify({ kind: 'seq', hub: this.hubId, room, seq });
  }

  publishAwareness(room: string, update: Uint8Array): void {
    if (this.closed) return;
    let pending = this.pendingAwareness.get(room);
    if (pending === undefined) {
      pending = new Map();
      this.pendingAwareness.set(room, pending);
    }
    try {
      foldAwareness(pending, update);
    } catch (error) {
      this.log({ level: 'warn', room, msg: `bus: not an awareness update: ${describe(error)}` });
      return;
    }
    if (this.awarenessTimers.has(room)) return;
    const interval = this.options.awarenessIntervalMs ?? 50;
    const wait = Math.max(0, (this.lastAwarenessAt.get(room) ?? 0) + interval - Date.now());
    // Even with no wait, a timer: what arrives in the same turn leaves in one notification.
    const timer = setTimeout(() => this.flushAwareness(room), wait);
    timer.unref();
    this.awarenessTimers.set(room, timer);
  }

  subscribe(listener: (event: BusEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.heartbeatTimer);
    // Presence changes still waiting for their slot (editors sent away by the drain) go now.
    for (const [room, timer] of this.awarenessTimers) {
      clearTimeout(timer);
      this.flushAwareness(room);
    }
    this.awarenessTimers.clear();
    this.pendingAwareness.clear();
    const client = this.client;
    this.client = null;
    if (client === null) return;
    try {
      // The others withdraw this hub's presence now instead of when it times out.
      await this.run(client, 'SELECT pg_notify($1, $2)', [
        this.channel,
        encodeBusPayload({ kind: 'bye', hub: this.hubId }),
      ]);
    } catch {
      // Closing anyway; the others time the presence out.
    }
    await client.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      application_name: `galley bus ${this.hubId}`.slice(0, 63),
    });
    // Registered before connecting: an unhandled 'error' would end the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, 'the connection ended'));
    client.on('notification', (n) => {
      if (n.channel === this.channel && n.payload !== undefined) this.receive(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      client.removeAllListeners('end');
      client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    const reconnected = this.everConnected;
    this.everConnected = true;
    this.attempts = 0;
    this.client = client;
    this.queue = Promise.resolve();
    this.emit({ kind: 'state', connected: true });
    if (reconnected) {
      this.log({ level: 'info', msg: 'bus: listening again; open rooms catch up from the log' });
      this.emit({ kind: 'gap' });
    }
  }

  /** The listening client is gone: report it once, then reconnect with backoff. */
  private lost(client: pg.Client, reason: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    if (this.closed) return;
    this.log({ level: 'warn', msg: `bus: lost the database connection: ${describe(reason)}` });
    this.emit({ kind: 'state', connected: false });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const min = this.options.reconnectMinMs ?? 100;
    const max = this.options.reconnectMaxMs ?? 5000;
    const base = Math.min(max, min * 2 ** Math.min(this.attempts, 20));
    this.attempts++;
    // Jitter, so hubs that lost the database together do not come back in lockstep.
    const delay = base / 2 + Math.random() * (base / 2);
    this.reconnectTimer = setTimeout(() => {
      this.connect().catch((error: unknown) => {
        if (this.attempts === 1 || this.attempts % 10 === 0) {
          this.log({ level: 'warn', msg: `bus: reconnecting failed: ${describe(error)}` });
        }
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  /** A connection that stopped answering (no error, no end) is dropped after a timeout. */
  private heartbeat(timeoutMs: number): void {
    const client = this.client;
    if (client === null) return;
    const timer = setTimeout(() => this.lost(client, 'no answer to the heartbeat'), timeoutMs);
    timer.unref();
    this.run(client, 'SELECT 1').then(
      () => clearTimeout(timer),
      (error: unknown) => {
        clearTimeout(timer);
        this.lost(client, error);
      },
    );
  }

  private flushAwareness(room: string): void {
    this.awarenessTimers.delete(room);
    const pending = this.pendingAwareness.get(room);
    this.pendingAwareness.delete(room);
    if (pending === undefined || pending.size === 0) return;
    this.lastAwarenessAt.set(room, Date.now());
    const overhead = encodeBusPayload({
      kind: 'awareness',
      hub: this.hubId,
      room,
      update: new Uint8Array(0),
    }).length;
    // Base64 turns 3 bytes into 4; JSON escapes nothing in base64 or in our ids.
    const maxRaw = Math.floor((NOTIFY_LIMIT - 1 - overhead) / 4) * 3;
    const { updates, dropped } = packAwareness(pending.values(), maxRaw);
    if (dropped.length > 0) {
      this.log({
        level: 'warn',
        room,
        msg: `bus: awareness of ${dropped.length} client(s) is too big for a notification, not sent`,
      });
    }
    for (const update of updates) this.notify({ kind: 'awareness', hub: this.hubId, room, update });
  }

  /** Sends one message; without a connection it is dropped (the others catch up by seq). */
  private notify(message: BusMessage): void {
    const client = this.client;
    if (client === null) return;
    const payload = encodeBusPayload(message);
    if (Buffer.byteLength(payload) >= NOTIFY_LIMIT) {
      this.log({ level: 'warn', msg: `bus: a ${message.kind} message is too big to send` });
      return;
    }
    this.run(client, 'SELECT pg_notify($1, $2)', [this.channel, payload]).catch(
      (error: unknown) => {
        this.log({ level: 'warn', msg: `bus: could not notify: ${describe(error)}` });
      },
    );
  }

  private run(client: pg.Client, text: string, values: unknown[] = []): Promise<unknown> {
    const result = this.queue.then(() => client.query(text, values));
    this.queue = result.catch(() => {});
    return result;
  }

  private receive(payload: string): void {
    const message = decodeBusPayload(payload);
    if (message === null) {
      this.log({ level: 'warn', msg: 'bus: ignored a malformed notification' });
      return;
    }
    if (message.hub === this.hubId) return;
    this.emit(message);
  }

  private emit(event: BusEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.log({ level: 'error', msg: `bus: a listener failed: ${describe(error)}` });
      }
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
