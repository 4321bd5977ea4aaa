import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { isRecord } from '../../core/model/isRecord.ts';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from '../hub/protocol.ts';
import {
  editionRoom,
  editionTypes,
  isValidId,
  parseRoom,
  readOrder,
  sectionRoom,
  type EditionSummary,
  type PeerStatus,
} from '../../core/index.ts';
import { LinkPresence, encodeAwarenessMessage } from './LinkPresence.ts';

/** What the link needs from the local hub: live docs that stay loaded while linked. */
export interface PeerHost {
  pin(room: string): Promise<Y.Doc>;
  unpin(room: string): void;
  /** The presence of a loaded (pinned) room, relayed over the link; null when not loaded. */
  awareness(room: string): Awareness | null;
}

export interface PeerOptions {
  /** The remote hub's sync endpoint, `ws://HOST:PORT/sync`. */
  url: string;
  token: string;
  /** Which editions to keep in sync: every edition on either side, or these ids. */
  share: 'all' | string[];
  /** How often to look for editions created on either side (ms). */
  discoverEveryMs?: number;
  /** Longest wait between reconnection attempts (ms); attempts back off up to it. */
  maxBackoffMs?: number;
}

export type { PeerStatus };
type PeerState = PeerStatus['state'];

interface RoomLink {
  /** Null while the hub loads the room (the pin is counted from the start). */
  provider: WebsocketProvider | null;
  stopObserving?: () => void;
  /** Relays the room's presence over the provider's socket, both ways. */
  presence?: LinkPresence;
}

/**
 * Links the local hub to a remote hub as an ordinary y-websocket client, one provider
 * per shared room, bound straight to the hub's live doc: remote updates are stored and
 * relayed locally like an editor's, local updates flow out, and edits made while apart
 * merge by CRDT when the connection returns (the provider reconnects with backoff).
 */
export class PeerLink {
  private readonly rooms = new Map<string, RoomLink>();
  private readonly editions = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly host: PeerHost,
    private readonly localEditions: () => Promise<EditionSummary[]>,
    private readonly options: PeerOptions,
    private readonly log: (msg: string) => void = () => {},
  ) {
    this.timer = setInterval(() => void this.discover(), options.discoverEveryMs ?? 5000);
    this.timer.unref();
    void this.discover();
  }

  /** Looks for editions to share on both sides and links the new ones. */
  async discover(): Promise<void> {
    if (this.stopped) return;
    const wanted = new Set<string>();
    if (this.options.share === 'all') {
      for (const e of await this.localEditions()) wanted.add(e.id);
      for (const id of await this.remoteEditionIds()) wanted.add(id);
    } else {
      for (const id of this.options.share) wanted.add(id);
    }
    if (this.stopped) return;
    for (const id of wanted) this.linkEdition(id);
  }

  /** Starts syncing one edition (its doc, and every section doc it lists, now or later). */
  linkEdition(editionId: string): void {
    if (this.editions.has(editionId) || this.stopped) return;
    this.editions.add(editionId);
    const room = editionRoom(editionId);
    this.linkRoom(room, (link, doc) => this.followSections(link, doc));
  }

  /** Links every section doc the edition doc lists, now and whenever the list changes. */
  private followSections(link: RoomLink, doc: Y.Doc): void {
    const syncSections = () => {
      for (const sectionId of readOrder(doc)) this.linkRoom(sectionRoom(sectionId));
    };
    const { order, sections } = editionTypes(doc);
    order.observe(syncSections);
    sections.observe(syncSections);
    link.stopObserving = () => {
      order.unobserve(syncSections);
      sections.unobserve(syncSections);
    };
    syncSections();
  }

  /** The link's state as the UI and `galley serve` report it. */
  status(): PeerStatus {
    const links = [...this.rooms.values()];
    const connectedRooms = links.filter((l) => l.provider?.wsconnected).length;
    const state: PeerState =
      links.length > 0 && connectedRooms === links.length
        ? 'connected'
        : links.some((l) => l.provider === null || l.provider.wsconnecting)
          ? 'connecting'
          : 'offline';
    return {
      url: this.options.url,
      state,
      rooms: links.length,
      connectedRooms,
      editions: [...this.editions],
    };
  }

  /** Disconnects every room; the local replicas stay as they are. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const [room, link] of this.rooms) {
      link.stopObserving?.();
      link.presence?.stop();
      link.provider?.destroy();
      this.host.unpin(room);
    }
    this.rooms.clear();
  }

  /**
   * Pins the room in the hub and binds a provider to its live doc once it is loaded;
   * `then` runs with the link and the doc at that moment (not for a room linked already).
   */
  private linkRoom(room: string, then?: (link: RoomLink, doc: Y.Doc) => void): void {
    if (this.rooms.has(room) || this.stopped) return;
    const link: RoomLink = { provider: null };
    this.rooms.set(room, link);
    this.host.pin(room).then(
      (doc) => {
        // Stopped (or unlinked) while it loaded: stop() has unpinned it already.
        if (this.rooms.get(room) !== link) return;
        this.bind(room, link, doc);
        then?.(link, doc);
      },
      (error: unknown) => {
        if (this.rooms.get(room) !== link) return;
        this.rooms.delete(room);
        this.host.unpin(room);
        this.log(`peer ${room}: could not load the room: ${String(error)}`);
      },
    );
  }

  private bind(room: string, link: RoomLink, doc: Y.Doc): void {
    // Each y-websocket provider adds a process 'exit' listener; a hub links many rooms.
    process.setMaxListeners(Math.max(process.getMaxListeners(), this.rooms.size + 32));
    // A private awareness the provider never fills: presence goes through LinkPresence,
    // which relays the room's editors but not the hub itself, and never echoes.
    const awareness = new Awareness(doc);
    awareness.setLocalState(null);
    const provider = new WebsocketProvider(this.options.url, room, doc, {
      params: { token: this.options.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      awareness,
      disableBc: true,
      maxBackoffTime: this.options.maxBackoffMs ?? 10_000,
    });
    provider.on('connection-error', () =>
      this.log(`peer ${room}: cannot reach ${this.options.url}`),
    );
    link.provider = provider;
    link.presence = this.relayPresence(room, doc, provider);
    // The hub replaces a room's doc if storing ever fails; follow it to the new one.
    doc.once('destroy', () => {
      if (this.stopped || this.rooms.get(room) !== link) return;
      link.stopObserving?.();
      link.presence?.stop();
      provider.destroy();
      this.rooms.delete(room);
      this.host.unpin(room);
      const parsed = parseRoom(room);
      if (parsed?.kind === 'edition') {
        this.editions.delete(parsed.id);
        this.linkEdition(parsed.id);
      } else {
        this.linkRoom(room);
      }
    });
  }

  /**
   * Takes over the provider's awareness messages: what arrives goes to the room's presence
   * (checked first), and the room's presence goes out, coalesced (see LinkPresence).
   */
  private relayPresence(
    room: string,
    doc: Y.Doc,
    provider: WebsocketProvider,
  ): LinkPresence | undefined {
    const awareness = this.host.awareness(room);
    if (awareness === null || awareness.doc !== doc) {
      this.log(`peer ${room}: no presence to relay (the room is not loaded)`);
      return undefined;
    }
    const presence = new LinkPresence({
      room,
      awareness,
      send: (update) => {
        const ws = provider.ws;
        if (!provider.wsconnected || ws === null || ws.readyState !== ws.OPEN) return false;
        ws.send(encodeAwarenessMessage(update));
        return true;
      },
      log: this.log,
    });
    // Handlers get the frame's decoder positioned after the message type.
    provider.messageHandlers[MESSAGE_AWARENESS] = (_encoder, decoder) =>
      presence.receiveMessage(decoder.arr.subarray(decoder.pos));
    provider.messageHandlers[MESSAGE_QUERY_AWARENESS] = () => presence.connected();
    provider.on('status', ({ status }) => {
      if (status === 'connected') presence.connected();
      else if (status === 'disconnected') presence.disconnected();
    });
    return presence;
  }

  // The remote hub's editions, from its API; none while it is unreachable.
  private async remoteEditionIds(): Promise<string[]> {
    const api = this.options.url
      .replace(/^ws(s?):/, 'http$1:')
      .replace(/\/sync\/?$/, '/api/editions.list');
    try {
      const response = await fetch(api, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.options.token}`,
          'content-type': 'application/json',
        },
        body: '{"includeDeleted":true}',
        signal: AbortSignal.timeout(5000),
      });
      // Received data: take only well-formed ids, whatever else the answer holds.
      const result: unknown = await response.json();
      if (!isRecord(result) || result.ok !== true || !Array.isArray(result.value)) return [];
      return result.value.flatMap((e: unknown) => (isRecord(e) && isValidId(e.id) ? [e.id] : []));
    } catch {
      return [];
    }
  }
}
