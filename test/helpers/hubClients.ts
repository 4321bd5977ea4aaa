import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Hub } from '../../src/backend/hub/Hub.ts';
import type { HubLogEntry, HubOptions, HubStore } from '../../src/backend/hub/options.ts';
import { SqliteStore } from '../../src/backend/store/SqliteStore.ts';

/** The writable token every test hub accepts. */
export const WRITE_TOKEN = 'hub-test-write-token';
/** The read-only token every test hub accepts. */
export const READ_TOKEN = 'hub-test-read-token';

/** A hub on a real HTTP server at 127.0.0.1, over a real SqliteStore on a temp file. */
export interface HubFixture {
  hub: Hub;
  store: SqliteStore;
  server: Server;
  dbPath: string;
  /** `ws://127.0.0.1:PORT/sync`, the serverUrl a WebsocketProvider takes. */
  url: string;
  /** Everything the hub logged, in order. */
  logs: HubLogEntry[];
  /** Closes the hub, then the server, then the store (idempotent). */
  stop(): Promise<void>;
}

type HubSetup = Partial<Omit<HubOptions, 'store' | 'log'>> & {
  /** Puts something between the hub and the real store (to make it fail, say). */
  wrapStore?: (store: SqliteStore) => HubStore;
};

/**
 * Hubs, providers and raw sockets for one test file; everything opened through it is
 * closed after each test (clients first, then hubs, then their temp folders).
 */
export function useHubHarness() {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  return {
    /** Starts a hub with the test tokens (overridable) on a fresh database. */
    async start({ wrapStore, ...setup }: HubSetup = {}): Promise<HubFixture> {
      const dir = mkdtempSync(join(tmpdir(), 'galley-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const dbPath = join(dir, 'hub.db');
      const store = SqliteStore.open(dbPath);
      const logs: HubLogEntry[] = [];
      const hub = new Hub({
        auth: { tokens: [WRITE_TOKEN], readOnlyTokens: [READ_TOKEN] },
        ...setup,
        store: wrapStore?.(store) ?? store,
        log: (entry) => logs.push(entry),
      });
      const server = createServer((_req, res) => res.writeHead(404).end());
      hub.attach(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = portOf(server.address());
      let stopped: Promise<void> | undefined;
      const stop = () =>
        (stopped ??= (async () => {
          await hub.close();
          server.closeAllConnections();
          await new Promise((resolve) => server.close(resolve));
          await store.close();
        })());
      cleanups.push(stop);
      return { hub, store, server, dbPath, url: `ws://127.0.0.1:${port}/sync`, logs, stop };
    },

    /** Opens the store of a stopped fixture again (closed after the test). */
    reopenStore(fixture: HubFixture): SqliteStore {
      const store = SqliteStore.open(fixture.dbPath);
      cleanups.push(() => store.close());
      return store;
    },

    /** A y-websocket client on `room`, resolved once it has synced with the hub. */
    async connect(
      fixture: HubFixture,
      room: string,
      { token = WRITE_TOKEN, doc = new Y.Doc() }: { token?: string; doc?: Y.Doc } = {},
    ): Promise<WebsocketProvider> {
      const provider = new WebsocketProvider(fixture.url, room, doc, {
        params: { token },
        // ws implements the part of the DOM WebSocket that y-websocket uses (on* handlers,
        // send, close) but not EventTarget's dispatchEvent, so the types differ.
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        // Providers in one process would otherwise reach each other over BroadcastChannel
        // and bypass the hub entirely.
        disableBc: true,
      });
      cleanups.push(() => provider.destroy());
      await new Promise<void>((resolve) => {
        if (provider.synced) return resolve();
        provider.once('sync', () => resolve());
      });
      return provider;
    },

    /** A bare `ws` socket on `/sync/<room>`, resolved once open. */
    async raw(
      fixture: HubFixture,
      room: string,
      options: { token?: string; autoPong?: boolean } = {},
    ): Promise<WebSocket> {
      const query = new URLSearchParams({ token: options.token ?? WRITE_TOKEN });
      const ws = new WebSocket(`${fixture.url}/${room}?${query}`, {
        autoPong: options.autoPong ?? true,
      });
      cleanups.push(() => ws.terminate());
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      return ws;
    },
  };
}

/**
 * The HTTP status a handshake gets: 101 when the hub upgrades it, otherwise the error
 * status it answered with on the raw socket.
 */
export function handshakeStatus(
  url: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      resolve(101);
      ws.terminate();
    });
    ws.once('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.once('error', reject);
  });
}

/** The close code and reason a socket gets, however it ends. */
export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve({ code: 1006, reason: '' });
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

function portOf(address: AddressInfo | string | null): number {
  if (address === null || typeof address === 'string') throw new Error('hub server: no TCP port');
  return address.port;
}

/** Resolves once `condition` holds (it may be async), polling; rejects after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 5000, what = 'condition' }: { timeoutMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waitFor: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
