import type * as Y from 'yjs';
import type { GalleyStore } from '../store/GalleyStore.ts';
import type { DocHost } from './DocHost.ts';

/** A DocHost over the store alone: each change is appended to the room's log in one batch. */
export class StoreDocHost implements DocHost {
  constructor(private readonly store: Pick<GalleyStore, 'loadDoc' | 'appendUpdates'>) {}

  read(room: string): Promise<Y.Doc> {
    return this.store.loadDoc(room);
  }

  async peek<T>(room: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const doc = await this.store.loadDoc(room);
    try {
      return fn(doc);
    } finally {
      doc.destroy();
    }
  }

  async change(room: string, fn: (doc: Y.Doc) => void): Promise<void> {
    const doc = await this.store.loadDoc(room);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    try {
      fn(doc);
      if (updates.length > 0) await this.store.appendUpdates(room, updates);
    } finally {
      doc.destroy();
    }
  }
}
