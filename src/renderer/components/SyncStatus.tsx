import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PeerStatus } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { SyncManager, SyncSnapshot } from '../sync/SyncManager.ts';

/** The words of the sync state, from the hub connection, the co-editors and the peer links. */
export function describeSync(
  snapshot: SyncSnapshot,
  peers: PeerStatus[],
): { tone: string; text: string } {
  if (snapshot.state === 'offline') return { tone: 'offline', text: 'Offline · edits saved here' };
  if (snapshot.state === 'reconnecting') return { tone: 'reconnecting', text: 'Reconnecting…' };
  if (snapshot.state === 'connecting') return { tone: 'reconnecting', text: 'Connecting…' };
  const others = snapshot.others.length;
  if (others > 0)
    return {
      tone: 'connected',
      text: `Connected to ${others} ${others === 1 ? 'person' : 'people'}`,
    };
  if (peers.some((p) => p.state === 'connected'))
    return { tone: 'connected', text: 'Synced with team hub' };
  if (peers.some((p) => p.state !== 'connected'))
    return { tone: 'reconnecting', text: 'Local only · team hub unreachable' };
  return { tone: 'local', text: 'Local only' };
}

/** The always-visible sync pill in the top bar. */
export function SyncStatus({ api, sync }: { api: ApiClient; sync: SyncManager }) {
  const snapshot = useSyncExternalStore(sync.subscribe, sync.getSnapshot);
  const [peers, setPeers] = useState<PeerStatus[]>([]);
  useEffect(() => {
    let stop = false;
    const poll = () =>
      api.call('peer.status', {}).then(
        (list) => !stop && setPeers(list),
        () => undefined, // the hub state already says offline
      );
    void poll();
    const timer = setInterval(poll, 5000);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [api]);
  const { tone, text } = describeSync(snapshot, peers);
  return (
    <div
      className={`sync-status sync-${tone}`}
      role="status"
      aria-live="polite"
      data-testid="sync-status"
    >
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </div>
  );
}
