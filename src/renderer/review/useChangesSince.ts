import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { EditorIdentity, SyncManager } from '../sync/SyncManager.ts';
import { ChangesSince } from './ChangesSince.ts';

const NONE: ReadonlySet<string> = new Set();

/**
 * Creates the "what changed since I last looked" tracker for one edition and editor,
 * follows the edition's sections (null until the edition is read) and destroys it on
 * leaving.
 */
export function useChangesSince(
  sync: SyncManager,
  editionDoc: Y.Doc,
  editionId: string,
  me: EditorIdentity,
  sectionIds: readonly string[] | null,
): ChangesSince | null {
  const [changes, setChanges] = useState<ChangesSince | null>(null);
  const meRef = useRef(me);
  useEffect(() => {
    meRef.current = me;
  }, [me]);
  const myId = me.id;
  useEffect(() => {
    const tracker = new ChangesSince(sync, editionDoc, editionId, { ...meRef.current, id: myId });
    setChanges(tracker);
    return () => tracker.destroy();
  }, [sync, editionDoc, editionId, myId]);
  const key = sectionIds?.join(',') ?? null;
  useEffect(() => {
    if (changes && key !== null) changes.setSections(key.split(',').filter(Boolean));
  }, [changes, key]);
  return changes;
}

/** The sections with text new to this editor, re-rendering when it changes. */
export function useChangedSections(changes: ChangesSince | null): ReadonlySet<string> {
  return useSyncExternalStore(
    changes?.subscribe ?? noSubscribe,
    changes?.getChanged ?? (() => NONE),
  );
}

const noSubscribe = () => () => {};
