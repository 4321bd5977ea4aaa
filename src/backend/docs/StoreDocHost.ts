import type * as Y from 'yjs';
import type { Store } from '../store/Store.ts';
import type { DocHost } from './DocHost.ts';

/** A DocHost over the store alone: each change is appended to the room's log in one batch. */
export class StoreDocHost implements DocHost {
  constructor(private readonly store: Store) {}

  read(room: string): Y.Doc {
    return this.store.loadDoc(room);
  }

  peek<T>(room: string, fn: (doc: Y.Doc) => T): T {
    const doc = this.store.loadDoc(room);
    try {
      return fn(doc);
    } finally {
      doc.destroy();
    }
  }

  change(room: string, fn: (doc: Y.Doc) => void): void {
    const doc = this.store.loadDoc(room);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    try {
      fn(doc);
      if (updates.length > 0) this.store.appendUpdates(room, updates);
    } finally {
      doc.destroy();
    }
  }
}
