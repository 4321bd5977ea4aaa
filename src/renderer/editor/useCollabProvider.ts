import type { Provider } from '@lexical/yjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { EditorIdentity, SyncManager } from '../sync/SyncManager.ts';

type ProviderFactory = (id: string, yjsDocMap: Map<string, Y.Doc>) => Provider;

function sameIdentity(value: unknown, me: EditorIdentity): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, color } = value as Record<string, unknown>;
  return id === me.id && name === me.name && color === me.color;
}

/**
 * Keeps `user` (the identity the sync manager counts people by) in the provider's local
 * awareness state. CollaborationPlugin replaces the whole local state when it connects
 * (initLocalState), nesting `awarenessData` under its own key, which drops the `user`
 * field that SyncManager.open put there.
 */
function keepIdentity(provider: Provider, me: () => EditorIdentity): () => void {
  const { awareness } = provider;
  const ensure = () => {
    const state = awareness.getLocalState();
    const identity = me();
    if (state !== null && !sameIdentity(state['user'], identity)) {
      awareness.setLocalStateField('user', { ...identity });
    }
  };
  awareness.on('update', ensure);
  ensure();
  return () => awareness.off('update', ensure);
}

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
 * that React's StrictMode remount, which reuses the provider, does not lose it.
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
  const meRef = useRef(me);
  const [synced, setSynced] = useState(false);
  const opened = useRef(new Map<Provider, () => void>());
  const { id, name, color } = me;

  useEffect(() => {
    meRef.current = { id, name, color };
    for (const provider of opened.current.keys()) {
      provider.awareness.setLocalStateField('user', { id, name, color });
    }
  }, [id, name, color]);

  const providerFactory = useCallback<ProviderFactory>(
    (roomId, yjsDocMap) => {
      const provider = sync.providerFactory(roomId, yjsDocMap);
      provider.on('sync', (isSynced) => {
        if (isSynced) setSynced(true);
      });
      opened.current.set(
        provider,
        keepIdentity(provider, () => meRef.current),
      );
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
        for (const [provider, stop] of providers) {
          stop();
          destroyProvider(provider);
        }
        providers.clear();
      }, 0);
    };
  }, []);

  const awarenessData = useMemo(() => ({ user: { id, name, color } }), [id, name, color]);
  return { providerFactory, awarenessData, synced };
}
