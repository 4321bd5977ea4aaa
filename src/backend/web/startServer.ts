import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hub } from '../hub/Hub.ts';
import { createTokenCheck, generateToken, isOriginAllowed } from '../hub/auth.ts';
import type { HubOptions } from '../hub/options.ts';
import type { EditionService } from '../editions/EditionService.ts';
import { openBackend, type Backend } from '../openBackend.ts';
import type { PeerOptions } from '../peer/PeerLink.ts';
import { PeerManager } from '../peer/PeerManager.ts';
import { SessionHost, type SessionHostOptions } from '../session/SessionHost.ts';
import { handleApiRequest } from './apiRoute.ts';
import { IndexRefresher } from './IndexRefresher.ts';
import { serveStatic } from './staticFiles.ts';
import { serveAsset } from './assetRoute.ts';
import type { MailAccess } from '../send/mailAccess.ts';
import type { RoomBus } from '../cluster/RoomBus.ts';
import { serveHealth } from './healthRoutes.ts';
import { InFlight } from './InFlight.ts';
import { isPostgresSpec } from '../openStore.ts';
import { PgRoomBus } from '../cluster/PgRoomBus.ts';

export interface ServeOptions {
  /** The store: a SQLite file path, or a postgres:// URL (see openStore). */
  dbPath: string;
  host?: string;
  port?: number;
  /** Read-write tokens; one is generated when none is given. */
  tokens?: string[];
  readOnlyTokens?: string[];
  /** The renderer build to serve at `/` (browser mode). */
  staticDir?: string;
  /** Browser origins allowed besides the server's own. */
  allowedOrigins?: string[];
  /** Keep editions in sync with another hub from the start (`galley serve --peer`). */
  peer?: PeerOptions;
  hub?: Partial<Pick<HubOptions, 'idleUnloadMs' | 'maxMessageBytes' | 'rateLimit' | 'log'>>;
  /** Where a hosted co-editing session listens (default: every network, a free port). */
  session?: Pick<SessionHostOptions, 'bindHost' | 'advertiseHost' | 'port'>;
  /** The better-sqlite3 addon to load instead of the default (Electron's ABI build). */
  nativeBinding?: string;
  /** Where test sends get the SMTP password (`galley serve`: the environment). */
  mail?: MailAccess;
  /** The room bus when several hubs share one database; /readyz requires it connected. */
  bus?: RoomBus;
}

// How long a drain waits for API requests still running before closing the store anyway.
const DRAIN_TIMEOUT_MS = 10_000;

export interface RunningServer {
  url: string;
  syncUrl: string;
  port: number;
  token: string;
  backend: Backend;
  hub: Hub;
  peers: PeerManager;
  session: SessionHost;
  server: Server;
  close(): Promise<void>;
}

export { generateToken };

/**
 * Starts the backend behind one HTTP server: the sync hub at `/sync/<room>`, the API at
 * `POST /api/<method>`, and the renderer build at `/`. What `galley serve` and browser
 * mode run, and what the tests start on 127.0.0.1:0.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const tokens = options.tokens?.length ? options.tokens : [generateToken()];
  const auth = { tokens, readOnlyTokens: options.readOnlyTokens ?? [] };
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4800, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const origins = [
    `http://${urlHost}:${port}`,
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
    ...(options.allowedOrigins ?? []),
  ];

  // The hub is built inside openBackend, before the edition service and the index
  // refresher exist (changes made while opening go through the service, which notes them).
  const late: { refresher?: IndexRefresher; editions?: EditionService } = {};
  let hub!: Hub;
  let backend: Backend;
  // A hub on PostgreSQL joins the cluster of hubs on that database (a hub id per process).
  let bus: RoomBus | undefined;
  try {
    bus =
      options.bus ??
      (isPostgresSpec(options.dbPath)
        ? await PgRoomBus.open(options.dbPath, { log: options.hub?.log })
        : undefined);
  } catch (error) {
    server.close();
    throw error;
  }
  try {
    backend = await openBackend(options.dbPath, {
      nativeBinding: options.nativeBinding,
      host: (store) => {
        hub = new Hub({
          bus,
          store,
          auth,
          allowedOrigins: origins,
          ...options.hub,
          onRoomUpdate: (room) => {
            // First, and synchronously: the next preview or check must read this edit.
            late.editions?.roomChanged(room);
            late.refresher?.roomChanged(room);
          },
        });
        return hub;
      },
    });
  } catch (error) {
    server.close();
    if (!options.bus) await bus?.close();
    throw error;
  }
  late.editions = backend.editions;
  const refresher = new IndexRefresher(backend.editions, 1000, (id, error) =>
    process.stderr.write(
      `galley: could not refresh the index of edition ${id}: ${String(error)}\n`,
    ),
  );
  late.refresher = refresher;
  hub.attach(server);
  const peers = new PeerManager(
    hub,
    () => backend.editions.list({ includeDeleted: true }),
    (msg) => process.stderr.write(`galley: ${msg}\n`),
  );
  backend.context.peers = peers;
  if (options.peer) peers.join(options.peer);
  const session = new SessionHost({
    ...options.session,
    hub,
    serveApi: (req, res, policy) =>
      handleApiRequest(req, res, {
        ...policy,
        invoke: (method, input) => backend.invoke(method as never, input),
      }),
  });
  backend.context.session = session;
  backend.context.mail = options.mail;

  const checkToken = createTokenCheck(auth);
  const inFlight = new InFlight();
  let draining = false;
  const health = {
    ping: () => backend.store.ping(),
    busConnected: bus ? () => bus!.connected : undefined,
    draining: () => draining,
  };
  server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (serveHealth(path, res, health)) return;
    if (path.startsWith('/api/')) {
      const request = handleApiRequest(req, res, {
        checkToken,
        isOriginAllowed: (origin) => isOriginAllowed(origin, origins),
        invoke: (method, input) => backend.invoke(method as never, input),
      });
      inFlight.track(request).catch((error: unknown) => {
        process.stderr.write(
          `galley: API ${path} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ok: false,
            error: { code: 'internal', message: 'The server hit an unexpected error.' },
          }),
        );
      });
    } else if (path.startsWith('/media/')) {
      serveAsset(req, res, backend.editions.store, checkToken).catch((error: unknown) => {
        process.stderr.write(`galley: ${path} failed: ${String(error)}\n`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The server could not read that image.');
      });
    } else if (options.staticDir) {
      serveStatic(options.staticDir, req, res);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      // A drain: /readyz says so, no new connection is accepted, editors are sent away
      // with 1001 (they reconnect to another hub behind the same address), API requests
      // and writes still running finish, and only then does the database close.
      draining = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections?.();
      peers.stopAll();
      await session.stop();
      await hub.close();
      await inFlight.idle(DRAIN_TIMEOUT_MS);
      server.closeIdleConnections?.();
      // A client that keeps a socket open past the drain does not keep the process alive.
      const cutoff = setTimeout(() => server.closeAllConnections?.(), DRAIN_TIMEOUT_MS);
      await stopped;
      clearTimeout(cutoff);
      if (!options.bus) await bus?.close();
      await refresher.flush();
      await backend.close();
    })());

  return {
    url: `http://${urlHost}:${port}`,
    syncUrl: `ws://${urlHost}:${port}/sync`,
    port,
    token: tokens[0]!,
    backend,
    hub,
    peers,
    session,
    server,
    close,
  };
}
