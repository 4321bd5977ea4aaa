import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  bodyRoot,
  editorOfClient,
  newTextSince,
  sectionRoom,
  stateVectorFromBase64,
  stateVectorToBase64,
  type NewText,
  type ReviewPerson,
} from '../../core/index.ts';
import type { EditorIdentity, SyncManager } from '../sync/SyncManager.ts';
import { loadSeen, saveSeen, seenKey, type SeenRecord } from './seenStorage.ts';

interface Watched {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: boolean;
}

/**
 * "What changed since I last looked" for one editor in one edition. It keeps a doc of
 * every section (its own, so sections off screen count too) and compares each with the
 * state vector the editor had when they last marked it seen (seenStorage.ts). Text that
 * others inserted since is "new"; the editor's own text never is (their Yjs clients are
 * in the edition's client map, see SyncManager). The first time an editor opens an
 * edition, what is there is taken as seen.
 */
export class ChangesSince {
  private readonly key: string;
  private record: SeenRecord | null;
  private readonly watched = new Map<string, Watched>();
  private readonly listeners = new Set<() => void>();
  private changed: ReadonlySet<string> = new Set();
  private scheduled = false;

  constructor(
    private readonly sync: SyncManager,
    readonly editionDoc: Y.Doc,
    editionId: string,
    private readonly me: EditorIdentity,
  ) {
    this.key = seenKey(editionId, me.id);
    this.record = loadSeen(this.key);
  }

  /** Follows the edition's sections (call with the current ids whenever they change). */
  setSections(sectionIds: readonly string[]): void {
    if (this.record === null) {
      // First visit: everything here now is what the editor has seen.
      this.record = { sections: [...sectionIds], rooms: {} };
      saveSeen(this.key, this.record);
    }
    for (const id of sectionIds) if (!this.watched.has(id)) this.watch(id);
    for (const [id, watched] of this.watched)
      if (!sectionIds.includes(id)) {
        watched.provider.destroy();
        this.watched.delete(id);
      }
    this.schedule();
  }

  /** The state vector a section's body was last seen at (empty: everything is new). */
  seenFor(sectionId: string): Map<number, number> {
    const stored = this.record?.rooms[sectionRoom(sectionId)];
    return stored === undefined ? new Map() : stateVectorFromBase64(stored);
  }

  /** True for a Yjs client of mine (this session's or one the edition credits to me). */
  isMine = (clientId: number): boolean =>
    editorOfClient(this.editionDoc, clientId)?.id === this.me.id;

  /** The new text of a body doc (the section's own doc or an editor's replica of it). */
  newText(sectionId: string, doc: Y.Doc): NewText[] {
    if (!this.isTracked(sectionId)) return [];
    const local = doc.clientID;
    return newTextSince(
      bodyRoot(doc),
      this.seenFor(sectionId),
      (client) => client === local || this.isMine(client),
    );
  }

  /** Who wrote a section's new text, by name (unknown clients left out). */
  authorsOf(texts: readonly NewText[]): ReviewPerson[] {
    const people = new Map<string, ReviewPerson>();
    for (const text of texts) {
      const person = editorOfClient(this.editionDoc, text.client);
      if (person) people.set(person.id, person);
    }
    return [...people.values()];
  }

  /** Section ids with new text, for the outline. */
  getChanged = (): ReadonlySet<string> => this.changed;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Marks one section as seen as it is now. */
  markSeen(sectionId: string): void {
    const watched = this.watched.get(sectionId);
    if (!watched?.synced || this.record === null) return;
    this.record.rooms[sectionRoom(sectionId)] = stateVectorToBase64(watched.doc);
    if (!this.record.sections.includes(sectionId)) this.record.sections.push(sectionId);
    saveSeen(this.key, this.record);
    this.recompute(true);
  }

  /** Marks every section as seen as it is now. */
  markAllSeen(): void {
    if (this.record === null) return;
    for (const [id, watched] of this.watched) {
      if (!watched.synced) continue;
      this.record.rooms[sectionRoom(id)] = stateVectorToBase64(watched.doc);
      if (!this.record.sections.includes(id)) this.record.sections.push(id);
    }
    saveSeen(this.key, this.record);
    this.recompute(true);
  }

  destroy(): void {
    for (const watched of this.watched.values()) watched.provider.destroy();
    this.watched.clear();
    this.listeners.clear();
  }

  /** A section counts once its doc has synced and it has a record (or is new since). */
  private isTracked(sectionId: string): boolean {
    return this.record !== null && this.watched.get(sectionId)?.synced === true;
  }

  private watch(sectionId: string): void {
    const doc = new Y.Doc();
    const provider = this.sync.open(sectionRoom(sectionId), doc);
    // A reader's second copy of the section: no cursor, no presence.
    provider.awareness.setLocalState(null);
    const watched: Watched = { doc, provider, synced: false };
    this.watched.set(sectionId, watched);
    provider.on('sync', (isSynced: boolean) => {
      if (!isSynced || watched.synced) return;
      watched.synced = true;
      const record = this.record;
      const room = sectionRoom(sectionId);
      // A section the editor knew but never had on screen: take it as seen now.
      if (record && record.rooms[room] === undefined && record.sections.includes(sectionId)) {
        record.rooms[room] = stateVectorToBase64(doc);
        saveSeen(this.key, record);
      }
      this.schedule();
    });
    doc.on('update', () => this.schedule());
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.recompute(false);
    }, 100);
  }

  private recompute(force: boolean): void {
    const next = new Set<string>();
    for (const [id, watched] of this.watched)
      if (this.newText(id, watched.doc).length > 0) next.add(id);
    const same = next.size === this.changed.size && [...next].every((id) => this.changed.has(id));
    if (same && !force) return;
    this.changed = next;
    for (const listener of this.listeners) listener();
  }
}
