import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy on 127.0.0.1 that stands for "the same address" in front of several hubs. */
export interface FailoverProxy {
  port: number;
  /** Connections forwarded so far, by target port. */
  forwarded: Map<number, number>;
  /** While true, new connections are dropped at once (as if no hub were up). */
  refusing: boolean;
  close(): Promise<void>;
}

/**
 * Forwards each new connection to the first target that accepts it, in order: while the
 * first hub lives everyone lands there, and once it is dead (connection refused) new
 * connections go to the next. Established connections are piped as they are; when a
 * hub dies its sockets close and the clients reconnect through the proxy.
 */
export async function startFailoverProxy(targets: () => number[]): Promise<FailoverProxy> {
  const sockets = new Set<Socket>();
  const forwarded = new Map<number, number>();
  const server: Server = createServer((client) => {
    if (proxy.refusing) return client.destroy();
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryTarget = (list: number[]) => {
      const [port, ...rest] = list;
      if (port === undefined) return client.destroy();
      const upstream = connect({ host: '127.0.0.1', port });
      const refused = () => {
        upstream.destroy();
        tryTarget(rest);
      };
      upstream.once('error', refused);
      upstream.once('connect', () => {
        upstream.off('error', refused);
        forwarded.set(port, (forwarded.get(port) ?? 0) + 1);
        sockets.add(upstream);
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        upstream.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryTarget(targets());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const proxy: FailoverProxy = {
    port,
    forwarded,
    refusing: false,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
