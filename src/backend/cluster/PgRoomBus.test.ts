import pg from 'pg';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { usePostgres } from '../../../test/helpers/postgres.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { decodeAwarenessEntries } from './awarenessEntries.ts';
import { PgRoomBus } from './PgRoomBus.ts';
import type { BusEvent } from './RoomBus.ts';

const postgres = usePostgres();
/** A fresh database of this file's server. */
let dbUrl: string;
const buses: PgRoomBus[] = [];

beforeAll(async () => {
  dbUrl = await postgres().createDatabase();
});

afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
});

async function open(hubId: string, options: Parameters<typeof PgRoomBus.open>[1] = {}) {
  const bus = await PgRoomBus.open(dbUrl, { hubId, reconnectMinMs: 50, ...options });
  buses.push(bus);
  const events: BusEvent[] = [];
  bus.subscribe((event) => events.push(event));
  return { bus, events };
}

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

function presence(name: string): { awareness: Awareness; update: () => Uint8Array } {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name } });
  return {
    awareness,
    update: () => encodeAwarenessUpdate(awareness, [awareness.clientID]),
  };
}

describe('PgRoomBus', () => {
  it('tells the other hubs which seq a room reached, never the sender itself', async () => {
    const a = await open('hub-a');
    const b = await open('hub-b');
    a.bus.publishSeq('section:one', 7);
    b.bus.publishSeq('section:two', 3);
    await waitFor(() => b.events.some((e) => e.kind === 'seq'), 'hub b to hear hub a');
    await waitFor(() => a.events.some((e) => e.kind === 'seq'), 'hub a to hear hub b');
    expect(b.events.filter((e) => e.kind === 'seq')).toEqual([
      { kind: 'seq', hub: 'hub-a', room: 'section:one', seq: 7 },
    ]);
    expect(a.events.filter((e) => e.kind === 'seq')).toEqual([
      { kind: 'seq', hub: 'hub-b', room: 'section:two', seq: 3 },
    ]);
  });

  it('coalesces a burst of awareness per room into the newest state of each client', async () => {
    const a = await open('hub-a', { awarenessIntervalMs: 200 });
    const b = await open('hub-b');
    const ann = presence('Ann');
    const bob = presence('Bob');
    for (let i = 0; i < 20; i++) {
      ann.awareness.setLocalStateField('cursor', i);
      a.bus.publishAwareness('section:one', ann.update());
    }
    a.bus.publishAwareness('section:one', bob.update());
    await waitFor(() => b.events.some((e) => e.kind === 'awareness'), 'awareness');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const received = b.events.flatMap((e) =>
      e.kind === 'awareness' ? decodeAwarenessEntries(e.update) : [],
    );
    // One notification with both clients, Ann at her last cursor, not twenty-one of them.
    expect(b.events.filter((e) => e.kind === 'awareness')).toHaveLength(1);
    expect(received.map((e) => JSON.parse(e.state) as unknown)).toEqual([
      { user: { name: 'Ann' }, cursor: 19 },
      { user: { name: 'Bob' } },
    ]);
  });

  it('sends big awareness in pieces under the NOTIFY limit and leaves out a state too big for one', async () => {
    const a = await open('hub-a');
    const b = await open('hub-b');
    const many = Array.from({ length: 6 }, (_, i) => presence(`editor ${i}`));
    for (const p of many) p.awareness.setLocalStateField('note', 'x'.repeat(2000));
    const huge = presence('huge');
    huge.awareness.setLocalStateField('note', 'y'.repeat(9000));
    for (const p of [...many, huge]) a.bus.publishAwareness('section:one', p.update());
    const clients = () =>
      b.events.flatMap((e) => (e.kind === 'awareness' ? decodeAwarenessEntries(e.update) : []));
    await waitFor(() => clients().length === 6, 'six presences');
    expect(
      clients()
        .map((e) => e.clientId)
        .sort(),
    ).toEqual(many.map((p) => p.awareness.clientID).sort());
    expect(b.events.filter((e) => e.kind === 'awareness').length).toBeGreaterThan(1);
  });

  it('ignores malformed notifications on its channel', async () => {
    const a = await open('hub-a');
    const b = await open('hub-b');
    await sql('SELECT pg_notify($1, $2)', ['galley_rooms', '{"v":1,"t":"s","h":"x"}']);
    await sql('SELECT pg_notify($1, $2)', ['galley_rooms', 'not json']);
    a.bus.publishSeq('section:one', 1);
    await waitFor(() => b.events.some((e) => e.kind === 'seq'), 'the good message');
    expect(b.events.filter((e) => e.kind !== 'state')).toEqual([
      { kind: 'seq', hub: 'hub-a', room: 'section:one', seq: 1 },
    ]);
  });

  it('says goodbye when a hub closes', async () => {
    const a = await open('hub-a');
    const b = await open('hub-b');
    await a.bus.close();
    await waitFor(() => b.events.some((e) => e.kind === 'bye'), 'bye');
    expect(b.events.find((e) => e.kind === 'bye')).toEqual({ kind: 'bye', hub: 'hub-a' });
  });

  it('reconnects after its connection is killed and reports a gap, then hears again', async () => {
    const a = await open('hub-a');
    const b = await open('hub-b');
    expect(b.bus.connected).toBe(true);
    await sql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
      ['galley bus hub-b'],
    );
    await waitFor(() => b.events.some((e) => e.kind === 'gap'), 'a gap after reconnecting');
    expect(b.bus.connected).toBe(true);
    const states = b.events.filter((e) => e.kind === 'state');
    expect(states).toEqual([
      { kind: 'state', connected: false },
      { kind: 'state', connected: true },
    ]);
    a.bus.publishSeq('section:one', 42);
    await waitFor(() => b.events.some((e) => e.kind === 'seq'), 'a seq after the gap');
    expect(a.events.some((e) => e.kind === 'gap')).toBe(false);
  });

  it('is not connected while the database is down, and comes back with a gap when it restarts', async () => {
    const a = await open('hub-a');
    const b = await open('hub-b');
    await postgres().stop();
    await waitFor(() => !a.bus.connected && !b.bus.connected, 'both to notice');
    a.bus.publishSeq('section:lost', 1); // dropped: nobody can hear it now
    await postgres().start();
    await waitFor(
      () => a.events.some((e) => e.kind === 'gap') && b.events.some((e) => e.kind === 'gap'),
      'both to reconnect',
      20_000,
    );
    a.bus.publishSeq('section:one', 2);
    await waitFor(() => b.events.some((e) => e.kind === 'seq'), 'a seq after the restart');
    expect(b.events.filter((e) => e.kind === 'seq')).toEqual([
      { kind: 'seq', hub: 'hub-a', room: 'section:one', seq: 2 },
    ]);
  });

  it('refuses to open when the database is not there', async () => {
    await expect(
      PgRoomBus.open('postgres://postgres@127.0.0.1:1/postgres', { hubId: 'x' }),
    ).rejects.toMatchObject({ name: 'BusError', code: 'bus-unavailable' });
  });
});
