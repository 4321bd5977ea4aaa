import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { GalleyError, encodeInvite, type HostedSession } from '../../core/index.ts';
import { createTokenCheck, generateToken, type Access } from '../hub/auth.ts';
import type { Hub } from '../hub/Hub.ts';
import { isWildcardHost, pickLanAddress, type Interfaces } from './lanAddress.ts';

/** Who may call the API through a session: the session decides, the handler obeys. */
export interface GuestPolicy {
  checkToken: (token: string | null) => Access | null;
  isOriginAllowed: (origin: string | undefined) => boolean;
}

/**
 * Serves one `/api/` request from a guest under the session's policy. Handed in by
 * whoever hosts the backend, so the session does not depend on the web layer.
 */
export type GuestApiHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  policy: GuestPolicy,
) => Promise<void>;

/** How a SessionHost listens and what it can reach. */
export interface SessionHostOptions {
  hub: Pick<Hub, 'attach' | 'detach' | 'grant'>;
  /** Serves guests' API requests; the policy lets read-only methods through only. */
  serveApi: GuestApiHandler;
  /** Address the session listens on. Default `0.0.0.0`: every network of this computer. */
  bindHost?: string;
  /** Address the invite link names. Default: this computer's LAN address. */
  advertiseHost?: string;
  /** Default 0: a free port, new for each session. */
  port?: number;
  /** Where the network addresses come from (tests pass a fixed machine). */
  interfaces?: () => Interfaces;
  now?: () => Date;
}

interface Running {
  server: Server;
  session: Omit<HostedSession, 'connections'>;
  sockets: Set<Socket>;
  upgraded: Set<Socket>;
  revoke: () => void;
}

/**
 * Hosting a co-editing session: a second listener, on the network, in front of the same
 * hub, with a fresh share token that is read-write or read-only. Guests get the sync
 * endpoint and the read-only part of the API (a peer link lists editions through it);
 * everything that changes state travels as Yjs updates, which the hub gates by the
 * token's access. The app's own per-launch token never leaves the loopback listener,
 * and stopping revokes the share token and drops every guest at once.
 */
export class SessionHost {
  private running: Running | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SessionHostOptions) {}

  /** Starts a session (stopping any earlier one: its link stops working). */
  host(access: Access): Promise<HostedSession> {
    return this.serially(async () => {
      await this.shutdown();
      return this.start(access);
    });
  }

  /** The session being hosted, or null. */
  status(): HostedSession | null {
    const running = this.running;
    if (running === null) return null;
    return { ...running.session, connections: running.upgraded.size };
  }

  /** Ends the session: the share token stops working and guests are disconnected. */
  stop(): Promise<boolean> {
    return this.serially(() => this.shutdown());
  }

  // host and stop may be called again before the last one finished (two clicks).
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.pending.then(task, task);
    this.pending = next.catch(() => undefined);
    return next;
  }

  private async start(access: Access): Promise<HostedSession> {
    const bindHost = this.options.bindHost ?? '0.0.0.0';
    const advertise =
      this.options.advertiseHost ??
      (isWildcardHost(bindHost)
        ? pickLanAddress((this.options.interfaces ?? networkInterfaces)())
        : bindHost);
    if (advertise === null) {
      throw new GalleyError(
        'unavailable',
        'This computer is not on a network others can reach; connect to one and host again.',
      );
    }
    const token = generateToken();
    const server = createServer();
    await listen(server, this.options.port ?? 0, bindHost);
    const { port } = server.address() as AddressInfo;
    const host = advertise.includes(':') ? `[${advertise}]` : advertise;
    const url = `ws://${host}:${port}/sync`;
    const link = encodeInvite({ url, token });
    if (!link.ok) {
      server.close();
      throw new GalleyError(
        'unavailable',
        `Cannot make an invite for ${url}: ${link.error.message}`,
      );
    }

    const sockets = new Set<Socket>();
    const upgraded = new Set<Socket>();
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    server.on('upgrade', (_req, socket: Socket) => {
      upgraded.add(socket);
      socket.once('close', () => upgraded.delete(socket));
    });
    const isShareToken = createTokenCheck({ tokens: [token] });
    server.on('request', (req, res) => {
      if (!(req.url ?? '').startsWith('/api/')) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      void this.options
        .serveApi(req, res, {
          // Guests read through the API and write through sync, whatever their token's
          // access: methods such as store.backup take a path on this computer.
          checkToken: (presented) => (isShareToken(presented) ? 'read' : null),
          // Guests are peer links (Node, no Origin); no web page has business here.
          isOriginAllowed: (origin) => origin === undefined,
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(500);
          res.end();
        });
    });

    const revoke = this.options.hub.grant(token, access);
    this.options.hub.attach(server);
    const startedAt = (this.options.now ?? (() => new Date()))().toISOString();
    this.running = {
      server,
      session: { url, inviteLink: link.value, access, startedAt },
      sockets,
      upgraded,
      revoke,
    };
    return { ...this.running.session, connections: 0 };
  }

  private async shutdown(): Promise<boolean> {
    const running = this.running;
    if (running === null) return false;
    this.running = null;
    running.revoke();
    this.options.hub.detach(running.server);
    const closed = new Promise<void>((resolve) => running.server.close(() => resolve()));
    // Upgraded sockets are no longer the HTTP server's to close: destroy every socket.
    for (const socket of running.sockets) socket.destroy();
    await closed;
    return true;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        new GalleyError(
          'unavailable',
          `Cannot open a session on ${host}:${port} (${error.code ?? error.message}).`,
        ),
      );
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}
