import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  editionRoom,
  openBodySession,
  sectionRoom,
  type BodySession,
} from '../../src/core/index.ts';
import { startServer, type RunningServer } from '../../src/backend/web/startServer.ts';
import { waitFor } from './waitFor.ts';

const TOKEN = 'review-replicas-token';

/** One editor's replica of an edition: its edition doc and section docs, each on a provider. */
export interface ReviewReplica {
  name: string;
  edition: Y.Doc;
  /** Section id -> body doc. */
  sections: Map<string, Y.Doc>;
  providers: WebsocketProvider[];
  /** A headless Lexical session on a section body, for typing (disposed after the test). */
  session(sectionId: string): BodySession;
  /** True while every provider has a live socket to the hub. */
  connected(): boolean;
}

/**
 * A real hub (`startServer` over a SQLite file) that can be stopped and started again on
 * the same store and port, and editors' replicas on it over real y-websocket providers.
 * Providers reconnect by themselves when the hub comes back. Everything is closed after
 * each test. Used by the offline review test; suggestions can be added on the same replicas.
 */
export function useReviewReplicas() {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  let current: RunningServer | null = null;
  let port = 0;
  let dbPath = '';

  return {
    /** Starts the hub (first on a free port, then again on the same one) over `path`. */
    async startHub(path = dbPath): Promise<RunningServer> {
      dbPath = path;
      const server = await startServer({ dbPath, port, tokens: [TOKEN], hub: { log: () => {} } });
      port = server.port;
      current = server;
      cleanups.push(() => server.close());
      return server;
    },

    /** Stops the hub; the replicas stay, offline, and keep accepting edits. */
    async stopHub(): Promise<void> {
      await current?.close();
      current = null;
    },

    /** A replica of the edition and the given sections, resolved once all have synced. */
    async replica(name: string, editionId: string, sectionIds: string[]): Promise<ReviewReplica> {
      if (current === null) throw new Error('replica: start the hub first');
      const url = current.syncUrl;
      const connect = (room: string, doc: Y.Doc) => {
        const provider = new WebsocketProvider(url, room, doc, {
          params: { token: TOKEN },
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          // Replicas in one process would otherwise reach each other over BroadcastChannel.
          disableBc: true,
          maxBackoffTime: 200,
        });
        cleanups.push(() => provider.destroy());
        return provider;
      };
      const edition = new Y.Doc();
      const sections = new Map(sectionIds.map((id) => [id, new Y.Doc()]));
      const providers = [
        connect(editionRoom(editionId), edition),
        ...[...sections].map(([id, doc]) => connect(sectionRoom(id), doc)),
      ];
      await waitFor(() => providers.every((p) => p.synced), `${name} synced`);
      return {
        name,
        edition,
        sections,
        providers,
        session(sectionId) {
          const doc = sections.get(sectionId);
          if (!doc) throw new Error(`${name} has no section ${sectionId}`);
          const session = openBodySession(doc);
          cleanups.push(() => session.dispose());
          return session;
        },
        connected: () => providers.every((p) => p.wsconnected),
      };
    },
  };
}
