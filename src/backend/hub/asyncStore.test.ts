import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useHubHarness, waitFor } from '../../../test/helpers/hubClients.ts';
import type { SqliteStore } from '../store/SqliteStore.ts';
import type { HubStore } from './options.ts';
import { encodeSyncUpdate } from './protocol.ts';

const ROOM = 'edition:e1';
const text = (doc: Y.Doc) => doc.getText('t').toString();

/** The real store behind a gate: loads and appends wait until `open()`, and are counted. */
function gated(store: SqliteStore) {
  let release!: () => void;
  let gate = new Promise<void>((resolve) => (release = resolve));
  const counts = { loads: 0, appends: 0 };
  const wrapped: HubStore = {
    loadDoc: (room) => store.loadDoc(room),
    readUpdatesSince: (room, after) => store.readUpdatesSince(room, after),
    loadLive: async (room) => {
      counts.loads += 1;
      await gate;
      return store.loadLive(room);
    },
    appendUpdate: async (room, update) => {
      counts.appends += 1;
      await gate;
      return store.appendUpdate(room, update);
    },
    appendUpdates: async (room, updates) => {
      counts.appends += 1;
      await gate;
      return store.appendUpdates(room, updates);
    },
    compactTo: (room, seq, state) => store.compactTo(room, seq, state),
    compactRoom: (room) => store.compactRoom(room),
    logStats: (room) => store.logStats(room),
  };
  return {
    wrapped,
    counts,
    open: () => release(),
    close: () => (gate = new Promise<void>((resolve) => (release = resolve))),
  };
}

describe('Hub on an async store', () => {
  const harness = useHubHarness();

  it('loads a room once for two connections, and handles what arrived meanwhile in order', async () => {
    let gate!: ReturnType<typeof gated>;
    const fixture = await harness.start({ wrapStore: (store) => (gate = gated(store)).wrapped });
    const first = harness.raw(fixture, ROOM);
    const second = harness.raw(fixture, ROOM);
    const [a] = await Promise.all([first, second]);
    // Typed while the room loads: two updates in order, the second depending on the first.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'ab');
    doc.getText('t').insert(2, 'cd');
    for (const update of updates) a.send(encodeSyncUpdate(update));
    await sleep(50);
    expect(fixture.hub.stats().rooms).toBe(0);
    gate.open();
    await waitFor(async () => text(await fixture.hub.read(ROOM)) === 'abcd');
    expect(gate.counts.loads).toBe(1);
    expect(text(await fixture.store.loadDoc(ROOM))).toBe('abcd');
  });

  it('relays an edit only once the store has it, and batches what came meanwhile', async () => {
    let gate!: ReturnType<typeof gated>;
    const fixture = await harness.start({ wrapStore: (store) => (gate = gated(store)).wrapped });
    gate.open();
    const a = await harness.connect(fixture, ROOM);
    const b = await harness.connect(fixture, ROOM);
    gate.close();
    const appendsBefore = gate.counts.appends;
    a.doc.getText('t').insert(0, 'one');
    await waitFor(() => gate.counts.appends === appendsBefore + 1, { what: 'the first append' });
    // While that write waits, more typing arrives: it must wait for the next batch.
    a.doc.getText('t').insert(3, ' two');
    a.doc.getText('t').insert(7, ' three');
    await sleep(100);
    expect(text(b.doc)).toBe('');
    expect(gate.counts.appends).toBe(appendsBefore + 1);
    gate.open();
    await waitFor(() => text(b.doc) === 'one two three', { what: 'the relay' });
    // The first batch, then one batch for everything that arrived during it.
    expect(gate.counts.appends).toBe(appendsBefore + 2);
    expect(text(await fixture.store.loadDoc(ROOM))).toBe('one two three');
  });
});
