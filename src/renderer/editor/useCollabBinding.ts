import { syncCursorPositions, type Binding, type SyncCursorPositionsFn } from '@lexical/yjs';
import { useCallback, useState } from 'react';

/**
 * The collaboration binding of this editor, captured from CollaborationPlugin's
 * `syncCursorPositionsFn` (which still draws the cursors as usual): the only public way
 * to map between Yjs positions and Lexical nodes, which comment anchors and "what
 * changed" highlights both need.
 */
export function useCollabBinding(): {
  binding: Binding | null;
  syncCursorPositionsFn: SyncCursorPositionsFn;
} {
  const [binding, setBinding] = useState<Binding | null>(null);
  const syncCursorPositionsFn = useCallback<SyncCursorPositionsFn>((next, provider, options) => {
    // Only the classic binding (the one CollaborationPlugin makes) has the collab node map.
    if ('collabNodeMap' in next) setBinding((current) => (current === next ? current : next));
    syncCursorPositions(next, provider, options);
  }, []);
  return { binding, syncCursorPositionsFn };
}
