import { join } from 'node:path';
import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { writeBody } from '../../src/core/index.ts';
import type { HubLogEntry } from '../../src/backend/hub/options.ts';
import { startServer, type RunningServer } from '../../src/backend/web/startServer.ts';
import { el, para, text } from './bodyNodes.ts';
import { useTempDir } from './tempDir.ts';
import { startWsProxy, type WsProxy } from './wsProxy.ts';

/** A `galley serve` backend in this process, with what its hub logged. */
export interface PresenceHub {
  name: string;
  server: RunningServer;
  logs: HubLogEntry[];
}

/** What a Lexical CollaborationPlugin puts in awareness: a caret as relative positions. */
export interface CursorState {
  name: string;
  color: string;
  anchorPos: unknown;
  focusPos: unknown;
  focusing: boolean;
}

/**
 * Backends, proxies and editors' providers for one test file (for the presence-over-links
 * tests); everything is closed after each test, editors first, hubs last.
 */
export function usePresenceHubs() {
  const tempDir = useTempDir();
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  return {
    /** A backend on 127.0.0.1:0 with its own database and token `token-<name>`. */
    async hub(name: string): Promise<PresenceHub> {
      const logs: HubLogEntry[] = [];
      const server = await startServer({
        dbPath: join(tempDir(), `${name}.db`),
        port: 0,
        tokens: [`token-${name}`],
        hub: { log: (entry) => logs.push(entry) },
      });
      cleanups.push(() => server.close());
      return { name, server, logs };
    },

    /** A proxy in front of `hub` that sees every frame of the links made through it. */
    async proxy(hub: PresenceHub): Promise<WsProxy> {
      const proxy = await startWsProxy(hub.server.syncUrl);
      cleanups.push(() => proxy.close());
      return proxy;
    },

    /** An editor's provider on `room` of `hub`. */
    editor(hub: PresenceHub, room: string): WebsocketProvider {
      const provider = new WebsocketProvider(hub.server.syncUrl, room, new Y.Doc(), {
        params: { token: hub.server.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 100,
      });
      cleanups.push(() => provider.destroy());
      return provider;
    },
  };
}

/** Links `from` to `to` (through `via`, a proxy in front of `to`) for one edition. */
export function link(from: PresenceHub, to: PresenceHub, via: WsProxy, editionId: string): void {
  from.server.peers.join({
    url: via.url,
    token: to.server.token,
    share: [editionId],
    maxBackoffMs: 100,
  });
}

/** The text the cursor tests put in a section: long enough for 100 distinct carets. */
export const CARET_TEXT = 'Galley keeps every edition on this machine. '.repeat(4);

/** Writes one paragraph of CARET_TEXT as the section's body. */
export function writeCaretText(doc: Y.Doc): void {
  const paragraph = para(text(CARET_TEXT));
  writeBody(doc, { root: { ...el('root', [paragraph]), type: 'root', children: [paragraph] } });
}

/** The first paragraph of a section body doc (a Y.XmlText inside the root), or null. */
export function firstParagraph(doc: Y.Doc): Y.XmlText | null {
  const delta: Array<{ insert?: unknown }> = doc.get('root', Y.XmlText).toDelta();
  const first = delta[0]?.insert;
  return first instanceof Y.XmlText ? first : null;
}

/** A collapsed caret at `offset` in the first paragraph, shaped as Lexical shares it. */
export function caretAt(doc: Y.Doc, offset: number, name: string): CursorState {
  const paragraph = firstParagraph(doc);
  if (paragraph === null) throw new Error('caretAt: the section has no paragraph');
  const position = Y.relativePositionToJSON(
    Y.createRelativePositionFromTypeIndex(paragraph, offset),
  );
  return { name, color: '#b4531f', anchorPos: position, focusPos: position, focusing: true };
}

/**
 * Where `client`'s caret is, as `viewer` resolves it in its own copy of the section:
 * the offset in its first paragraph, or null when the viewer sees no such caret.
 */
export function caretOf(viewer: WebsocketProvider, client: number): number | null {
  const state: unknown = viewer.awareness.getStates().get(client);
  if (typeof state !== 'object' || state === null || !('anchorPos' in state)) return null;
  const relative = Y.createRelativePositionFromJSON(state.anchorPos);
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, viewer.doc);
  if (absolute === null || absolute.type !== firstParagraph(viewer.doc)) return null;
  return absolute.index;
}

/** Resolves once the provider has synced with its hub. */
export function synced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.synced) return resolve();
    provider.once('sync', () => resolve());
  });
}
