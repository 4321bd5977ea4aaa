import type { Provider } from '@lexical/yjs';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { parseRoom, recordClient, recordEditor, type HubConnection } from '../../core/index.ts';

/** The sync state the top bar shows. */
export type SyncState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Who an editor is, as other editors see them in awareness. */
export interface EditorIdentity {
  /** Stable per browser profile, so one person in many rooms counts once. */
  id: string;
  name: string;
  color: string;
}

export interface SyncSnapshot {
  state: SyncState;
  /** Other editors seen in any open room, by identity id. */
  others: EditorIdentity[];
}

/** How long a dropped connection is "reconnecting" before the bar says "offline". */
const RECONNECTING_GRACE_MS = 8000;

/**
 * Opens every room of the workbench on the local hub (one WebsocketProvider each) and
 * folds their states into one sync state and one list of other editors. Edits never wait
 * on it: a provider that is down keeps its doc, and Yjs sends what was typed on reconnect.
 */
export class SyncManager {
  private readonly providers = new Set<WebsocketProvider>();
  private readonly listeners = new Set<() => void>();
  private snapshot: SyncSnapshot = { state: 'connecting', others: [] };
  private lastConnectedAt = 0;
  private everConnected = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  private readonly updateListeners = new Set<(room: string) => void>();
  /** The edition doc open now, where who edits is recorded (see recordAuthor). */
  private editionDoc: Y.Doc | null = null;
  /** Docs whose client this session has already recorded in the edition doc. */
  private readonly recorded = new WeakSet<Y.Doc>();

  constructor(
    readonly connection: HubConnection,
    private me: EditorIdentity,
  ) {}

  /** Changes the name or colour co-editors see, in every open room. */
  setIdentity(me: EditorIdentity): void {
    this.me = me;
    if (this.editionDoc && this.recorded.has(this.editionDoc)) recordEditor(this.editionDoc, me);
    for (const provider of this.providers) {
      const state = provider.awareness.getLocalState();
      if (!state) continue;
      // Lexical's cursor labels read name and color from the top level.
      provider.awareness.setLocalState({ ...state, user: me, name: me.name, color: me.color });
    }
  }

  /** Calls `listener(room)` after any change to any open doc, local or remote. */
  onUpdate(listener: (room: string) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  /** Opens a room with a new or given doc; `close()` the provider when done with it. */
  open(room: string, doc: Y.Doc = new Y.Doc(), connect = true): WebsocketProvider {
    const provider = new WebsocketProvider(this.connection.syncUrl, room, doc, {
      connect,
      params: { token: this.connection.token },
      // Tabs must not sync behind the hub's back: every edit goes through the hub.
      disableBc: true,
      maxBackoffTime: 2500,
    });
    provider.awareness.setLocalStateField('user', this.me);
    this.providers.add(provider);
    if (parseRoom(room)?.kind === 'edition') this.editionDoc = doc;
    const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
      // Anything not applied by the provider was made here: a local edit.
      if (origin !== provider) this.recordAuthor(doc);
      for (const listener of this.updateListeners) listener(room);
    };
    doc.on('update', onDocUpdate);
    const update = () => this.recompute();
    provider.on('status', update);
    provider.awareness.on('change', update);
    const destroy = provider.destroy.bind(provider);
    provider.destroy = () => {
      this.providers.delete(provider);
      if (this.editionDoc === doc) this.editionDoc = null;
      doc.off('update', onDocUpdate);
      destroy();
      this.recompute();
    };
    this.recompute();
    return provider;
  }

  /** A `providerFactory` for Lexical's CollaborationPlugin: room id in, provider out. */
  readonly providerFactory = (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
    let doc = yjsDocMap.get(id);
    if (!doc) {
      doc = new Y.Doc();
      yjsDocMap.set(id, doc);
    }
    // The plugin connects it once its binding exists.
    const provider = this.open(id, doc, false);
    return provider as unknown as Provider;
  };

  getSnapshot = (): SyncSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Closes every room (leaving the workbench). */
  destroy(): void {
    for (const provider of [...this.providers]) provider.destroy();
    if (this.timer) clearTimeout(this.timer);
  }

  /**
   * On the first local edit of a doc in this session, records in the edition doc that
   * the doc's Yjs client is me (and who I am), so a compare or "what changed" can credit
   * the text to me. Only edits count: opening a doc records nothing.
   */
  private recordAuthor(doc: Y.Doc): void {
    const edition = this.editionDoc;
    if (edition === null || this.recorded.has(doc)) return;
    // Marked first: the write below is itself a local edit of the edition doc.
    this.recorded.add(doc);
    const me = this.me;
    edition.transact(() => {
      recordEditor(edition, me);
      recordClient(edition, doc.clientID, me.id);
      if (doc !== edition && !this.recorded.has(edition)) {
        this.recorded.add(edition);
        recordClient(edition, edition.clientID, me.id);
      }
    });
  }

  private recompute(): void {
    const now = Date.now();
    let connected = false;
    const others = new Map<string, EditorIdentity>();
    for (const provider of this.providers) {
      if (provider.wsconnected) connected = true;
      provider.awareness.getStates().forEach((state, clientId) => {
        if (clientId === provider.awareness.clientID) return;
        const user = identityOf(state['user']) ?? identityOf(nested(state['awarenessData']));
        if (user && user.id !== this.me.id) others.set(user.id, user);
      });
    }
    let state: SyncState;
    if (connected) {
      state = 'connected';
      this.everConnected = true;
      this.lastConnectedAt = now;
    } else if (!this.everConnected) {
      state = this.providers.size === 0 ? 'connected' : 'connecting';
    } else if (now - this.lastConnectedAt < RECONNECTING_GRACE_MS) {
      state = 'reconnecting';
      // Check again when the grace period runs out.
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.recompute(), RECONNECTING_GRACE_MS);
    } else {
      state = 'offline';
    }
    const next: SyncSnapshot = {
      state,
      others: [...others.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
    if (
      next.state === this.snapshot.state &&
      JSON.stringify(next.others) === JSON.stringify(this.snapshot.others)
    )
      return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** Reads an identity from another client's awareness state, which may hold anything. */
export function identityOf(value: unknown): EditorIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name, color } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string') return null;
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return null;
  return { id: id.slice(0, 64), name: name.slice(0, 60), color };
}

/** Lexical's CollaborationPlugin nests `awarenessData` under its own key. */
function nested(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'user' in value ? value.user : null;
}
