import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServeProcess, type ServeProcess } from './serveProcess.ts';

/** The token of every hub a cluster test starts. */
export const CLUSTER_TOKEN = 'cluster-test-token';

/**
 * `galley serve` processes on one PostgreSQL database and y-websocket clients, for one
 * test file; after each test the clients are destroyed and the processes killed.
 */
export function useClusterHarness() {
  const hubs: ServeProcess[] = [];
  const providers: WebsocketProvider[] = [];
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    for (const hub of hubs.splice(0)) {
      hub.child.kill('SIGKILL');
      await hub.exited;
    }
  });
  return {
    /** Starts a hub on the database at `url` (a free port on 127.0.0.1). */
    async hub(url: string): Promise<ServeProcess> {
      const hub = await startServeProcess([
        '--store',
        url,
        '--port',
        '0',
        '--token',
        CLUSTER_TOKEN,
      ]);
      hubs.push(hub);
      return hub;
    },
    /** A client of `room` at a sync URL (`ws://HOST:PORT/sync`), reconnecting quickly. */
    client(syncUrl: string, room: string): WebsocketProvider {
      const provider = new WebsocketProvider(syncUrl, room, new Y.Doc(), {
        params: { token: CLUSTER_TOKEN },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 200,
      });
      providers.push(provider);
      return provider;
    },
  };
}

/** Fetches `/readyz` of a hub: its status code, or 0 when the hub does not answer. */
export async function readyStatus(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/readyz`)).status;
  } catch {
    return 0;
  }
}

/** True when `doc` holds everything `vector` (a state vector) describes. */
export function holds(doc: Y.Doc, vector: Uint8Array): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.decodeStateVector(vector)) {
    if ((have.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/** Polls an async `check` until it resolves true, or fails after `timeoutMs` naming `what`. */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
