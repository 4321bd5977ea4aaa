import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { usePostgres } from '../../../test/helpers/postgres.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { ClusterLink, type ClusterRoom } from './ClusterLink.ts';
import { PgRoomBus } from './PgRoomBus.ts';
import { RemotePresence } from './RemotePresence.ts';
import { RoomFollower } from './RoomFollower.ts';

const postgres = usePostgres();
/** A fresh database of this file's server. */
let dbUrl: string;
const closers: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  dbUrl = await postgres().createDatabase();
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A hub reduced to what the link touches: one room's awareness and a follower that counts reads. */
async function hubWithRoom(hubId: string, room: string) {
  const bus = await PgRoomBus.open(dbUrl, { hubId, awarenessIntervalMs: 10 });
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const reads: number[] = [];
  const follower = new RoomFollower(0, {
    read: async (after) => {
      reads.push(after);
      return [];
    },
    apply: () => {},
    onError: () => {},
  });
  const open: ClusterRoom = { name: room, follower, presence: new RemotePresence(awareness) };
  const link = new ClusterLink(
    bus,
    { get: (name) => (name === room ? open : undefined), all: () => [open] },
    () => {},
  );
  closers.push(
    () => link.stop(),
    () => bus.close(),
  );
  return { bus, awareness, reads, link };
}

describe('ClusterLink', () => {
  it('brings another hub’s editors into the room’s awareness and takes them out on its goodbye', async () => {
    const a = await hubWithRoom('hub-a', 'section:x');
    const b = await hubWithRoom('hub-b', 'section:x');
    // An editor of hub a, seen through its own Awareness (as a client would send it).
    const editor = new Awareness(new Y.Doc());
    editor.setLocalState({ user: { name: 'Ann' } });
    a.link.localAwareness('section:x', encodeAwarenessUpdate(editor, [editor.clientID]));
    await waitFor(() => b.awareness.getStates().has(editor.clientID), 'Ann at hub b');
    expect(b.awareness.getStates().get(editor.clientID)).toEqual({ user: { name: 'Ann' } });
    await a.bus.close();
    await waitFor(() => !b.awareness.getStates().has(editor.clientID), 'Ann withdrawn');
  });

  it('reads the log when another hub announces a higher seq, and after a gap', async () => {
    const a = await hubWithRoom('hub-a', 'section:x');
    const b = await hubWithRoom('hub-b', 'section:x');
    a.link.committed('section:x', 5);
    a.link.committed('section:other', 9); // not open at hub b: ignored
    await waitFor(() => b.reads.length === 1, 'hub b to read');
    expect(b.reads).toEqual([0]);
    // b's connection is cut: once back, it reads again without being told of any seq.
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: dbUrl });
    await client.connect();
    await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'galley bus hub-b'`,
    );
    await client.end();
    await waitFor(() => b.reads.length === 2, 'hub b to catch up after the gap');
    expect(a.reads).toEqual([]);
  });
});
