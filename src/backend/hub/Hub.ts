import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { parseRoom } from '../../core/index.ts';
import { ClusterLink } from '../cluster/ClusterLink.ts';
import type { DocHost } from '../docs/DocHost.ts';
import { createTokenCheck, type Access } from './auth.ts';
import { Connection } from './Connection.ts';
import { resolveHubOptions, type HubOptions, type ResolvedHubOptions } from './options.ts';
import { CloseCode } from './protocol.ts';
import { Room } from './Room.ts';
import type { RoomLogStats } from './RoomCompactor.ts';
import { rejectUpgrade, routeUpgrade, type UpgradeGate } from './upgrade.ts';

/** What a hub holds right now. */
export interface HubStats {
  rooms: number;
  connections: number;
}

/** The longest log a room reached while this hub held it open. */
export interface LongestLog {
  room: string;
  rows: number;
  /** Bytes of the log at that moment (sum of its V1 updates). */
  bytes: number;
}

// How long close() waits for clients to finish the closing handshake before cutting them off.
const CLOSE_GRACE_MS = 2000;

/**
 * The sync hub: a y-websocket server at `/sync/<room>`. It hosts one live Y.Doc per
 * room in use, stores every update before relaying it, and is the DocHost of the
 * backend while it runs, so an API edit reaches connected editors like any other.
 */
export class Hub implements DocHost {
  private readonly options: ResolvedHubOptions;
  private readonly gate: UpgradeGate;
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Room>();
  /** Rooms being loaded from the store: two connections opening one room load it once. */
  private readonly loading = new Map<string, Promise<Room>>();
  /** Rooms being unloaded (waiting for their writes); a reload waits for them first. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Rooms held loaded by someone other than a connection (the peer link), and how often. */
  private readonly pins = new Map<string, number>();
  private readonly connections = new Set<Connection>();
  private readonly servers = new Set<Server>();
  /** Tokens accepted for a while besides the configured ones (see grant). */
  private readonly grants = new Set<{ token: string; access: Access }>();
  private readonly pingTimer: NodeJS.Timeout | undefined;
  private nextConnectionId = 1;
  private longest: LongestLog | null = null;
  // Set before shutdown starts, so connections closed by it do not schedule unloads.
  private closed = false;
  private closing: Promise<void> | null = null;
  /** Set when hubs share the database (options.bus). */
  private readonly link: ClusterLink | null;

  constructor(options: HubOptions) {
    this.options = resolveHubOptions(options);
    this.link =
      options.bus === undefined
        ? null
        : new ClusterLink(
            options.bus,
            {
              get: (name) => {
                const room = this.rooms.get(name);
                return room === undefined || room.failed ? undefined : room;
              },
              all: () => [...this.rooms.values()].filter((room) => !room.failed),
            },
            this.options.log,
          );
    this.gate = {
      checkToken: createTokenCheck(this.options.auth),
      allowedOrigins: this.options.allowedOrigins,
    };
    // noServer: the hub answers refused handshakes itself, before ws sees them.
    this.wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      maxPayload: this.options.maxMessageBytes,
    });
    if (this.options.pingIntervalMs > 0) {
      this.pingTimer = setInterval(() => {
        for (const connection of this.connections) connection.heartbeat();
      }, this.options.pingIntervalMs);
      // Keepalive alone must not keep a CLI process running.
      this.pingTimer.unref();
    }
  }

  /**
   * Accepts one more token, with the given access, until the returned function revokes
   * it: a hosted session's share token lives only as long as the session. Connections
   * already open stay open; whoever revokes closes them (SessionHost drops its sockets).
   */
  grant(token: string, access: Access): () => void {
    if (this.closed) throw new Error('Hub.grant: the hub is closed.');
    const grant = { token, access };
    this.grants.add(grant);
    this.rebuildTokenCheck();
    return () => {
      if (this.grants.delete(grant)) this.rebuildTokenCheck();
    };
  }

  /** Serves `/sync/<room>` on this server; every other upgrade path gets 404. */
  attach(server: Server): void {
    if (this.closed) throw new Error('Hub.attach: the hub is closed.');
    this.servers.add(server);
    server.on('upgrade', this.onUpgrade);
  }

  /** Stops serving sync on a server attached earlier (a hosted session's listener). */
  detach(server: Server): void {
    if (this.servers.delete(server)) server.off('upgrade', this.onUpgrade);
  }

  /** A copy of the room's current state: the live doc when loaded, else the store's. */
  async read(room: string): Promise<Y.Doc> {
    assertRoom('Hub.read', room);
    const live = await this.liveOrNone(room);
    if (live === null) return this.options.store.loadDoc(room);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live.doc));
    return copy;
  }

  /** Runs a read-only `fn` on the live doc when the room is loaded, else on the store's state. */
  async peek<T>(room: string, fn: (doc: Y.Doc) => T): Promise<T> {
    assertRoom('Hub.peek', room);
    const live = await this.liveOrNone(room);
    if (live !== null) return fn(live.doc);
    const doc = await this.options.store.loadDoc(room);
    try {
      return fn(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Runs `fn` on the room's live doc; its updates are stored, then sent to every editor.
   * Resolves once they are durable (and relayed); rejects if the store refused them.
   */
  async change(room: string, fn: (doc: Y.Doc) => void): Promise<void> {
    assertRoom('Hub.change', room);
    if (this.closed) throw new Error('Hub.change: the hub is closed.');
    const live = await this.load(room);
    // Held like a pin while it is written, so the idle countdown cannot start meanwhile.
    this.hold(room, +1);
    try {
      await live.change(fn);
    } finally {
      this.hold(room, -1);
      // Loaded for the API alone: let it go again like a room its last editor left.
      this.unloadWhenIdle(room);
    }
  }

  /**
   * Keeps a room loaded and returns its live doc, for the peer link to bind a provider
   * to: what the provider applies is stored and relayed like an editor's update. Pair
   * each pin with an unpin. If storing ever fails, the room is reloaded and this doc is
   * destroyed (its 'destroy' event fires); pin again to get the new one.
   */
  async pin(room: string): Promise<Y.Doc> {
    assertRoom('Hub.pin', room);
    if (this.closed) throw new Error('Hub.pin: the hub is closed.');
    // Counted before the load, so an unpin that comes while it loads is matched.
    this.hold(room, +1);
    try {
      const live = await this.load(room);
      this.cancelUnload(room);
      return live.doc;
    } catch (error) {
      this.unpin(room);
      throw error;
    }
  }

  /** Releases one pin; an unpinned room with no connection unloads after `idleUnloadMs`. */
  unpin(room: string): void {
    this.hold(room, -1);
    this.unloadWhenIdle(room);
  }

  /**
   * The presence (Awareness) of a loaded room, for a peer link to relay; null when the
   * room is not loaded. Pin the room first: the Awareness lives as long as its doc.
   */
  awareness(room: string): Awareness | null {
    const live = this.rooms.get(room);
    return live === undefined || live.failed ? null : live.awareness;
  }

  /** Rooms loaded and connections open. */
  stats(): HubStats {
    return { rooms: this.rooms.size, connections: this.connections.size };
  }

  /** The log of an open room (rows, bytes, background compactions); null when not loaded. */
  logStats(room: string): RoomLogStats | null {
    return this.rooms.get(room)?.logStats() ?? null;
  }

  /**
   * The most rows any room's log had while this hub held it open (counting the rows it
   * was loaded with), and since when the hub started or `reset` was last passed. With
   * background compaction this stays near `compaction.maxRows` however long people type.
   */
  longestLog({ reset = false }: { reset?: boolean } = {}): LongestLog | null {
    const longest = this.longest;
    if (reset) this.longest = null;
    return longest === null ? null : { ...longest };
  }

  /**
   * Stops serving: refuses new handshakes, closes every connection (1001), and unloads
   * every room, waiting for the writes in flight (each update is stored before it is
   * relayed, so that is all there is to flush).
   */
  close(): Promise<void> {
    if (this.closing === null) {
      this.closed = true;
      this.closing = this.shutdown();
    }
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    for (const server of this.servers) server.off('upgrade', this.onUpgrade);
    this.servers.clear();
    clearInterval(this.pingTimer);
    this.link?.stop();
    const open = [...this.connections];
    for (const connection of open) connection.close(CloseCode.goingAway, 'hub closing', 'info');
    // Loads under way finish first, so the rooms they make are unloaded too.
    await Promise.allSettled([...this.loading.values()]);
    for (const room of [...this.rooms.keys()]) this.unload(room);
    this.pins.clear();
    await Promise.allSettled([...this.unloading.values()]);
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(open.map((connection) => connection.closed)),
      new Promise((resolve) => (grace = setTimeout(resolve, CLOSE_GRACE_MS))),
    ]);
    clearTimeout(grace);
    for (const connection of open) connection.terminate('did not finish closing');
    this.wss.close();
  }

  // One check over the configured tokens and the granted ones, so timing stays uniform.
  private rebuildTokenCheck(): void {
    const granted = (access: Access) =>
      [...this.grants].filter((g) => g.access === access).map((g) => g.token);
    this.gate.checkToken = createTokenCheck({
      tokens: [...this.options.auth.tokens, ...granted('write')],
      readOnlyTokens: [...(this.options.auth.readOnlyTokens ?? []), ...granted('read')],
    });
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (this.closed) return rejectUpgrade(socket, 503);
    const route = routeUpgrade(req, this.gate);
    if (!route.ok) {
      this.options.log({
        level: 'warn',
        room: route.room,
        msg: `refused a connection from ${req.socket.remoteAddress}: ${route.status} ${route.reason}`,
      });
      return rejectUpgrade(socket, route.status);
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, route.room, route.access));
  };

  /**
   * Takes a connection at once and loads its room meanwhile: frames that arrive before
   * the room is loaded wait, and are handled in arrival order once it is.
   */
  private accept(ws: WebSocket, roomName: string, access: Access): void {
    if (this.closed) return ws.close(CloseCode.goingAway, 'hub closing');
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    const connection = new Connection(ws, {
      id: this.nextConnectionId++,
      room: roomName,
      access,
      rateLimit: this.options.rateLimit,
      log: this.options.log,
      onMessage: (from, frame) => (room === null ? early.push(frame) : room.receive(from, frame)),
      onDetach: (gone) => {
        this.connections.delete(gone);
        if (room !== null) this.release(gone, room);
      },
    });
    this.connections.add(connection);
    this.cancelUnload(roomName);
    this.load(roomName).then(
      (loaded) => {
        // Gone while the room loaded: nobody holds it now unless someone else does.
        if (!connection.open) return this.unloadWhenIdle(roomName);
        room = loaded;
        this.cancelUnload(roomName);
        loaded.add(connection);
        for (const frame of early.splice(0)) {
          if (!connection.open || loaded.failed) break;
          loaded.receive(connection, frame);
        }
      },
      (error: unknown) => {
        this.options.log({
          level: 'error',
          room: roomName,
          msg: `could not load: ${String(error)}`,
        });
        connection.close(CloseCode.internalError, 'room could not be loaded', 'error');
      },
    );
  }

  private release(connection: Connection, room: Room): void {
    room.remove(connection);
    if (this.rooms.get(room.name) === room) this.unloadWhenIdle(room.name);
  }

  /** The live room when it is loaded (or loading), else null: readers then use the store. */
  private async liveOrNone(name: string): Promise<Room | null> {
    const loading = this.loading.get(name);
    const live = loading !== undefined ? await loading : this.rooms.get(name);
    if (live !== undefined && !live.failed) return live;
    // A room being unloaded may still be writing: the store has all of it only after.
    await this.unloading.get(name);
    return null;
  }

  /** The live room, loaded from the store's log on first use (once, however many ask). */
  private load(name: string): Promise<Room> {
    const existing = this.rooms.get(name);
    if (existing !== undefined && !existing.failed) return Promise.resolve(existing);
    if (existing !== undefined) this.dropFailed(existing);
    const loading = this.loading.get(name);
    if (loading !== undefined) return loading;
    const load = this.loadFresh(name).finally(() => this.loading.delete(name));
    this.loading.set(name, load);
    return load;
  }

  private async loadFresh(name: string): Promise<Room> {
    // The previous Room of this name may still be writing its last updates.
    await this.unloading.get(name);
    const loaded = await this.options.store.loadLive(name);
    if (this.closed) {
      loaded.doc.destroy();
      throw new Error('Hub: the hub is closed.');
    }
    const room = new Room(name, loaded, {
      store: this.options.store,
      log: this.options.log,
      onRoomUpdate: this.options.onRoomUpdate,
      onFailure: (failed) => this.dropFailed(failed),
      compaction: this.options.compaction,
      onLogGrow: this.onLogGrow,
      cluster: this.link ?? undefined,
    });
    this.rooms.set(name, room);
    // A notification sent while the log was being read may have been missed: look once.
    if (this.link !== null) void room.follower.catchUp();
    return room;
  }

  /** Counts a pin (or an API change in progress) on a room, which keeps it loaded. */
  private hold(room: string, delta: 1 | -1): void {
    const count = (this.pins.get(room) ?? 0) + delta;
    if (count > 0) this.pins.set(room, count);
    else this.pins.delete(room);
  }

  /**
   * A room whose update the store refused holds state the disk lacks. Closing its
   * connections makes the clients reconnect to a fresh load from the log; their sync
   * step 2 then re-sends what was lost, so the write is retried rather than dropped.
   */
  private dropFailed(room: Room): void {
    if (this.rooms.get(room.name) !== room) return;
    for (const connection of [...room.connections]) {
      connection.close(CloseCode.internalError, 'the room could not be stored', 'error');
    }
    this.unload(room.name);
  }

  private isIdle(name: string): boolean {
    const room = this.rooms.get(name);
    return room !== undefined && room.connections.size === 0 && !this.pins.has(name);
  }

  /** Starts the idle countdown of a room nobody holds; anyone arriving cancels it. */
  private unloadWhenIdle(name: string): void {
    if (this.closed || !this.isIdle(name)) return;
    this.cancelUnload(name);
    const timer = setTimeout(() => {
      if (this.isIdle(name)) this.unload(name);
    }, this.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(name, timer);
  }

  private cancelUnload(name: string): void {
    clearTimeout(this.idleTimers.get(name));
    this.idleTimers.delete(name);
  }

  private readonly onLogGrow = (room: string, rows: number, bytes: number): void => {
    if (this.longest === null || rows > this.longest.rows) this.longest = { room, rows, bytes };
  };

  /**
   * Nothing to save: every update is in the log already (compacted in the background
   * while the room was open, and by the store when it is next loaded).
   */
  private unload(name: string): void {
    this.cancelUnload(name);
    const room = this.rooms.get(name);
    if (room === undefined) return;
    this.rooms.delete(name);
    if (room.failed) return room.destroy();
    const closing = room.close().finally(() => {
      if (this.unloading.get(name) === closing) this.unloading.delete(name);
    });
    this.unloading.set(name, closing);
  }
}

function assertRoom(where: string, room: string): void {
  if (parseRoom(room) === null) throw new Error(`${where}: not a room name: ${room}`);
}
