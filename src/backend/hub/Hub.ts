import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { parseRoom } from '../../core/index.ts';
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

  constructor(options: HubOptions) {
    this.options = resolveHubOptions(options);
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
  read(room: string): Y.Doc {
    assertRoom('Hub.read', room);
    const live = this.rooms.get(room);
    if (live === undefined || live.failed) return this.options.store.loadDoc(room);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live.doc));
    return copy;
  }

  /** Runs a read-only `fn` on the live doc when the room is loaded, else on the store's state. */
  peek<T>(room: string, fn: (doc: Y.Doc) => T): T {
    assertRoom('Hub.peek', room);
    const live = this.rooms.get(room);
    if (live !== undefined && !live.failed) return fn(live.doc);
    const doc = this.options.store.loadDoc(room);
    try {
      return fn(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Runs `fn` on the room's live doc; its updates are stored, then sent to every editor. */
  change(room: string, fn: (doc: Y.Doc) => void): void {
    assertRoom('Hub.change', room);
    if (this.closed) throw new Error('Hub.change: the hub is closed.');
    const live = this.load(room);
    try {
      live.change(fn);
    } finally {
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
  pin(room: string): Y.Doc {
    assertRoom('Hub.pin', room);
    if (this.closed) throw new Error('Hub.pin: the hub is closed.');
    const live = this.load(room);
    this.pins.set(room, (this.pins.get(room) ?? 0) + 1);
    this.cancelUnload(room);
    return live.doc;
  }

  /** Releases one pin; an unpinned room with no connection unloads after `idleUnloadMs`. */
  unpin(room: string): void {
    const count = this.pins.get(room) ?? 0;
    if (count > 1) this.pins.set(room, count - 1);
    else this.pins.delete(room);
    this.unloadWhenIdle(room);
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
   * every room. Nothing needs flushing: each update was on disk before it was relayed.
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
    const open = [...this.connections];
    for (const connection of open) connection.close(CloseCode.goingAway, 'hub closing', 'info');
    for (const room of [...this.rooms.keys()]) this.unload(room);
    this.pins.clear();
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

  private accept(ws: WebSocket, roomName: string, access: Access): void {
    if (this.closed) return ws.close(CloseCode.goingAway, 'hub closing');
    let room: Room;
    try {
      room = this.load(roomName);
    } catch (error) {
      this.options.log({ level: 'error', room: roomName, msg: `could not load: ${String(error)}` });
      return ws.close(CloseCode.internalError, 'room could not be loaded');
    }
    const connection = new Connection(ws, {
      id: this.nextConnectionId++,
      room: roomName,
      access,
      rateLimit: this.options.rateLimit,
      log: this.options.log,
      onMessage: (from, frame) => room.receive(from, frame),
      onDetach: (gone) => this.release(gone, room),
    });
    this.connections.add(connection);
    this.cancelUnload(roomName);
    room.add(connection);
  }

  private release(connection: Connection, room: Room): void {
    this.connections.delete(connection);
    room.remove(connection);
    if (this.rooms.get(room.name) === room) this.unloadWhenIdle(room.name);
  }

  /** The live room, loaded from the store's log on first use. */
  private load(name: string): Room {
    const existing = this.rooms.get(name);
    if (existing !== undefined && !existing.failed) return existing;
    if (existing !== undefined) this.dropFailed(existing);
    const room = new Room(name, this.options.store.loadLive(name), {
      store: this.options.store,
      log: this.options.log,
      onRoomUpdate: this.options.onRoomUpdate,
      onFailure: (failed) => this.dropFailed(failed),
      compaction: this.options.compaction,
      onLogGrow: this.onLogGrow,
    });
    this.rooms.set(name, room);
    return room;
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
    room.destroy();
  }
}

function assertRoom(where: string, room: string): void {
  if (parseRoom(room) === null) throw new Error(`${where}: not a room name: ${room}`);
}
