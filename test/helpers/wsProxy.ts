import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  decodeAwarenessEntries,
  type AwarenessEntry,
} from '../../src/backend/cluster/awarenessEntries.ts';

/** Which way a frame went through the proxy: to the hub behind it, or back to the linking side. */
export type ProxyDirection = 'toHub' | 'toLinker';

/** One awareness message that went through the proxy, decoded. */
export interface SeenAwareness {
  direction: ProxyDirection;
  room: string;
  entries: AwarenessEntry[];
}

/** A WebSocket proxy on 127.0.0.1 standing for a hub's sync endpoint: it sees every frame. */
export interface WsProxy {
  /** `ws://127.0.0.1:PORT/sync`: link to this instead of the hub. */
  url: string;
  /** Every well-formed awareness message forwarded so far, in order. */
  awareness: SeenAwareness[];
  /** While true, new connections are refused (the hub looks unreachable). */
  refusing: boolean;
  /** Sends `frame` on every open connection, as if the hub (toLinker) or the linker (toHub) had. */
  inject(direction: ProxyDirection, frame: Uint8Array): void;
  /** Cuts every open connection (both sides see the socket close). */
  dropAll(): void;
  close(): Promise<void>;
}

interface Pair {
  room: string;
  linker: WebSocket;
  hub: WebSocket;
}

/**
 * Forwards y-websocket connections to the hub at `target` (`ws://HOST:PORT/sync`), frame
 * by frame, decoding the awareness ones on the way: a test counts what crosses a link,
 * cuts it, or slips in a frame a well-behaved hub would never send.
 */
export async function startWsProxy(target: string): Promise<WsProxy> {
  const pairs = new Set<Pair>();
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_req, res) => res.writeHead(404).end());
  const proxy: WsProxy = {
    url: '',
    awareness: [],
    refusing: false,
    inject(direction, frame) {
      for (const pair of pairs) {
        const ws = direction === 'toHub' ? pair.hub : pair.linker;
        if (ws.readyState === ws.OPEN) ws.send(frame);
      }
    },
    dropAll() {
      for (const pair of pairs) {
        pair.linker.terminate();
        pair.hub.terminate();
      }
      pairs.clear();
    },
    async close() {
      proxy.dropAll();
      wss.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (proxy.refusing) return socket.destroy();
    const path = req.url ?? '/';
    const room = decodeURIComponent(path.split('?')[0]!.replace(/^\/sync\//, ''));
    wss.handleUpgrade(req, socket, head, (linker) => {
      const hub = new WebSocket(target + path.replace(/^\/sync/, ''));
      const pair: Pair = { room, linker, hub };
      pairs.add(pair);
      const early: Uint8Array[] = [];
      const forward = (direction: ProxyDirection, to: WebSocket) => (data: RawData) => {
        const frame = toBytes(data);
        const seen = decodeAwareness(frame);
        if (seen !== null) proxy.awareness.push({ direction, room, entries: seen });
        if (to.readyState === to.OPEN) to.send(frame);
        else if (to === hub) early.push(frame);
      };
      linker.on('message', forward('toHub', hub));
      hub.on('message', forward('toLinker', linker));
      hub.once('open', () => {
        for (const frame of early.splice(0)) hub.send(frame);
      });
      const closeBoth = () => {
        pairs.delete(pair);
        linker.terminate();
        hub.terminate();
      };
      linker.on('close', closeBoth);
      hub.on('close', closeBoth);
      linker.on('error', closeBoth);
      hub.on('error', closeBoth);
    });
  };
  server.on('upgrade', accept);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sync`;
  return proxy;
}

/** The entries of an awareness frame, or null for any other (or a malformed) frame. */
function decodeAwareness(frame: Uint8Array): AwarenessEntry[] | null {
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== 1) return null;
    return decodeAwarenessEntries(decoding.readVarUint8Array(decoder));
  } catch {
    return null;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
