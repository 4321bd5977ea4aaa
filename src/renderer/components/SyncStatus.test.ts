import { describe, expect, it } from 'vitest';
import type { PeerStatus } from '../../core/index.ts';
import { describeSync } from './SyncStatus.tsx';

const grace = { id: 'g', name: 'Grace', color: '#1971c2' };
const ada = { id: 'a', name: 'Ada', color: '#d9480f' };
const peer = (state: PeerStatus['state']): PeerStatus => ({
  url: 'ws://team:4800/sync',
  state,
  rooms: 3,
  connectedRooms: state === 'connected' ? 3 : 0,
  editions: [],
});

describe('the sync state in words', () => {
  it('says local only when nobody else is here and no hub is linked', () => {
    expect(describeSync({ state: 'connected', others: [] }, [])).toEqual({
      tone: 'local',
      text: 'Local only',
    });
  });

  it('counts the people connected, in the singular and the plural', () => {
    expect(describeSync({ state: 'connected', others: [grace] }, []).text).toBe(
      'Connected to 1 person',
    );
    expect(describeSync({ state: 'connected', others: [grace, ada] }, []).text).toBe(
      'Connected to 2 people',
    );
  });

  it('tells a linked team hub apart from one that cannot be reached', () => {
    expect(describeSync({ state: 'connected', others: [] }, [peer('connected')]).text).toBe(
      'Synced with team hub',
    );
    expect(describeSync({ state: 'connected', others: [] }, [peer('offline')]).text).toBe(
      'Local only · team hub unreachable',
    );
  });

  it('says reconnecting, then offline, and that edits are kept', () => {
    expect(describeSync({ state: 'reconnecting', others: [grace] }, []).text).toBe('Reconnecting…');
    expect(describeSync({ state: 'offline', others: [] }, []).text).toBe(
      'Offline · edits saved here',
    );
  });
});
