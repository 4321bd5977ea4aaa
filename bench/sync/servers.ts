import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ClientRequestArgs, type Server } from 'node:http';
import {
  connect as netConnect,
  type AddressInfo,
  type NetConnectOpts,
  type Socket,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket, { WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as ReferenceModule from '@y/websocket-server/utils';
import type * as Y from 'yjs';
import { Hub } from '../../src/backend/hub/Hub.ts';
import type { HubLogEntry, HubOptions } from '../../src/backend/hub/options.ts';
import { SqliteStore } from '../../src/backend/store/SqliteStore.ts';

/** The token every bench hub accepts. */
export const BENCH_TOKEN = 'sync-bench-token';

/** A y-websocket server under test, on 127.0.0.1 at an ephemeral port. */
export interface SyncServer {
  /** The serverUrl a WebsocketProvider takes. */
  url: string;
  /** Closes the server and everything it holds; safe to call twice. */
  stop(): Promise<void>;
}

/** Galley's hub over a real Store on a fresh temp SQLite file. */
export interface HubServer extends SyncServer {
  hub: Hub;
  store: SqliteStore;
  dbPath: string;
  /** Everything the hub logged (warnings and errors say the run is not clean). */
  logs: HubLogEntry[];
  /** Stops the hub and the server and closes the store, keeping the database file. */
  stopKeepingFile(): Promise<void>;
}

/** A fresh temp folder for one hub's database; whoever made it removes it. */
export function makeHubDir(): string {
  return mkdtempSync(join(tmpdir(), 'galley-sync-bench-'));
}

/**
 * Starts a hub as the backend runs it: a real Store (synchronous NORMAL, the default) on
 * `dir`/bench.db, the hub attached to an HTTP server on 127.0.0.1:0. `options` overrides
 * the hub's defaults (the trace replay needs a higher rate limit). `stop()` removes `dir`.
 */
export async function startHub(
  dir: string,
  options: Partial<Omit<HubOptions, 'store' | 'auth' | 'log'>> = {},
): Promise<HubServer> {
  const dbPath = join(dir, 'bench.db');
  const store = SqliteStore.open(dbPath);
  const logs: HubLogEntry[] = [];
  const hub = new Hub({
    ...options,
    store,
    auth: { tokens: [BENCH_TOKEN] },
    log: (entry) => logs.push(entry),
  });
  const server = createServer((_req, res) => res.writeHead(404).end());
  hub.attach(server);
  const port = await listen(server);
  let closing: Promise<void> | undefined;
  const stopKeepingFile = () =>
    (closing ??= (async () => {
      await hub.close();
      await closeServer(server);
      await store.close();
    })());
  return {
    url: `ws://127.0.0.1:${port}/sync`,
    hub,
    store,
    dbPath,
    logs,
    stopKeepingFile,
    async stop() {
      await stopKeepingFile();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type ReferenceUtils = typeof ReferenceModule;
let referenceUtils: Promise<ReferenceUtils> | undefined;

/**
 * Loads `@y/websocket-server/utils` with persistence and callbacks off. The module reads
 * YPERSISTENCE (a LevelDB directory it would write to) and CALLBACK_URL (an HTTP endpoint
 * it would post to) once, when it is first evaluated, so both are removed from this
 * process's environment before the dynamic import, and persistence is reset after it.
 */
function loadReference(): Promise<ReferenceUtils> {
  return (referenceUtils ??= (async () => {
    delete process.env.YPERSISTENCE;
    delete process.env.CALLBACK_URL;
    const utils = await import('@y/websocket-server/utils');
    utils.setPersistence(null);
    if (utils.getPersistence() !== null) throw new Error('reference server: persistence is on');
    return utils;
  })());
}

/**
 * The reference y-websocket server (@y/websocket-server 0.1.1): `setupWSConnection` on a
 * `ws` server attached to an HTTP server on 127.0.0.1:0. It keeps docs in memory only.
 */
export async function startReference(): Promise<SyncServer> {
  const utils = await loadReference();
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server });
  const names = new Set<string>();
  wss.on('connection', (ws, req) => {
    const name = (req.url ?? '').slice(1).split('?')[0] ?? '';
    names.add(name);
    utils.setupWSConnection(ws, req, { docName: name });
  });
  const port = await listen(server);
  let closing: Promise<void> | undefined;
  return {
    url: `ws://127.0.0.1:${port}`,
    stop: () =>
      (closing ??= (async () => {
        for (const ws of wss.clients) ws.terminate();
        await new Promise((resolve) => wss.close(resolve));
        await closeServer(server);
        // The module keeps every doc it ever served in a global map (it forgets them only
        // with persistence on); drop ours so later measurements do not carry them.
        for (const name of names) {
          utils.docs.get(name)?.destroy();
          utils.docs.delete(name);
        }
      })()),
  };
}

/** A client of a SyncServer: a provider and the doc it syncs. */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /**
   * Holds the frames this client sends until uncork(), which writes them all in one
   * system call: each frame is still its own message to the server. A replay corks
   * while it types a burst, so the figure does not count one write per transaction
   * on the client's side (a real client never sends thousands of frames a second).
   */
  cork(): void;
  uncork(): void;
}

/**
 * A `ws` WebSocket class that hands each socket it opens to `keep`: the provider
 * constructs its sockets itself, and this is the public way (ws's createConnection
 * option) to reach them.
 */
function socketKeepingWebSocket(
  keep: (socket: Socket) => void,
): new (address: string, protocols?: string | string[]) => WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, {
        // As ws's own default does: `path` in these options is the HTTP path, not an IPC one.
        createConnection: (options: ClientRequestArgs) => {
          const socket = netConnect({ ...options, path: options.socketPath } as NetConnectOpts);
          keep(socket);
          return socket;
        },
      });
    }
  };
}

/** Connects a y-websocket client to `room` on `server`; resolves once it has synced. */
export async function connect(server: SyncServer, room: string, doc: Y.Doc): Promise<Client> {
  let socket: Socket | null = null;
  const provider = new WebsocketProvider(server.url, room, doc, {
    params: { token: BENCH_TOKEN },
    // ws covers the part of the DOM WebSocket y-websocket uses; the types differ in
    // EventTarget methods it never calls.
    WebSocketPolyfill: socketKeepingWebSocket(
      (opened) => (socket = opened),
    ) as unknown as typeof globalThis.WebSocket,
    // In one process, providers would otherwise reach each other over BroadcastChannel
    // and bypass the server under test.
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A provider left behind would keep reconnecting and hold the process open.
      provider.destroy();
      reject(new Error(`sync bench: ${room} did not sync`));
    }, 15_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    provider,
    cork: () => socket?.cork(),
    uncork: () => socket?.uncork(),
  };
}

/**
 * Raises the process's listener limit by `count` until the returned function is called.
 * Each WebsocketProvider adds a process 'exit' listener; dozens of clients are intended
 * here, not the leak Node's MaxListenersExceededWarning suspects.
 */
export function allowExitListeners(count: number): () => void {
  const before = process.getMaxListeners();
  process.setMaxListeners(before + count);
  return () => process.setMaxListeners(before);
}

/** Disconnects a client and frees its doc (which also stops its Awareness timer). */
export function disconnect(client: Client): void {
  client.provider.destroy();
  client.doc.destroy();
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
