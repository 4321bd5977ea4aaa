import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { editionRoom, readEdition, type Edition } from '../../core/index.ts';
import { identityOf, type EditorIdentity, type SyncManager } from '../sync/SyncManager.ts';

export interface EditionDocState {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The edition's meta and section fields (bodies are read by the section editors); null until first sync. */
  edition: Edition | null;
  /** True once the hub has sent the doc, and it holds no edition (an unknown or purged id). */
  missing: boolean;
}

/**
 * Opens the edition doc on the hub and keeps a repaired model of it (through
 * `readEdition`, since any client may have written the doc) for the outline and fields.
 */
export function useEditionDoc(sync: SyncManager, editionId: string): EditionDocState {
  const [room] = useState(() => {
    const doc = new Y.Doc();
    return { doc, provider: sync.open(editionRoom(editionId), doc) };
  });
  const [edition, setEdition] = useState<Edition | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const { doc, provider } = room;
    const read = () => {
      if (doc.share.size === 0 && !provider.synced) return;
      const model = readEdition(editionId, doc, () => null);
      setMissing(
        provider.synced && doc.getArray('order').length === 0 && doc.getMap('edition').size === 0,
      );
      setEdition(model);
    };
    doc.on('update', read);
    provider.on('sync', read);
    read();
    return () => {
      doc.off('update', read);
      provider.off('sync', read);
      provider.destroy();
    };
  }, [room, editionId]);

  return { ...room, edition, missing };
}

/** Who else is in this edition, and in which section, from the edition doc's awareness. */
export function useEditionPresence(provider: WebsocketProvider): Map<string, EditorIdentity[]> {
  const [bySection, setBySection] = useState(() => new Map<string, EditorIdentity[]>());
  useEffect(() => {
    const { awareness } = provider;
    const read = () => {
      const next = new Map<string, EditorIdentity[]>();
      const mine = identityOf(awareness.getLocalState()?.['user']);
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        const user = identityOf(state['user']);
        const section = state['section'];
        if (!user || user.id === mine?.id || typeof section !== 'string') return;
        const list = next.get(section) ?? [];
        if (!list.some((u) => u.id === user.id)) list.push(user);
        next.set(section, list);
      });
      setBySection(next);
    };
    awareness.on('change', read);
    read();
    return () => awareness.off('change', read);
  }, [provider]);
  return bySection;
}
