import type { Provider } from '@lexical/yjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { EditorIdentity, SyncManager } from '../sync/SyncManager.ts';

type ProviderFactory = (id: string, yjsDocMap: Map<string, Y.Doc>) => Provider;

function destroyProvider(provider: Provider): void {
  // SyncManager's providers are WebsocketProviders; destroy() also drops them from its set.
  const destroy = (provider as { destroy?: unknown }).destroy;
  if (typeof destroy === 'function') destroy.call(provider);
  else provider.disconnect();
}

/**
 * The `providerFactory` and `awarenessData` for one SectionEditor's CollaborationPlugin,
 * both stable across renders (a new factory would make the plugin open a new provider).
 * The plugin only disconnects its provider on unmount; this destroys it, a tick later so
 * that React's StrictMode remount, which reuses the provider, does not lose it. Who the
 * editor is travels as `awarenessData.user`; SyncManager reads it there and keeps it
 * current when the name or colour changes.
 */
export function useCollabProvider(
  sync: SyncManager,
  me: EditorIdentity,
): {
  providerFactory: ProviderFactory;
  awarenessData: { user: EditorIdentity };
  /** True once the doc has synced with the hub (until then the body is not known). */
  synced: boolean;
} {
  const [synced, setSynced] = useState(false);
  const opened = useRef(new Set<Provider>());
  const { id, name, color } = me;

  const providerFactory = useCallback<ProviderFactory>(
    (roomId, yjsDocMap) => {
      const provider = sync.providerFactory(roomId, yjsDocMap);
      provider.on('sync', (isSynced) => {
        if (isSynced) setSynced(true);
      });
      opened.current.add(provider);
      return provider;
    },
    [sync],
  );

  // A ref, not a variable of the effect: StrictMode's second setup is a new closure.
  const mounted = useRef(false);
  useEffect(() => {
    const providers = opened.current;
    mounted.current = true;
    return () => {
      mounted.current = false;
      window.setTimeout(() => {
        if (mounted.current) return;
        for (const provider of providers) destroyProvider(provider);
        providers.clear();
      }, 0);
    };
  }, []);

  const awarenessData = useMemo(() => ({ user: { id, name, color } }), [id, name, color]);
  return { providerFactory, awarenessData, synced };
}
