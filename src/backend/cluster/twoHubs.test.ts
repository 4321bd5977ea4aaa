import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { startPostgres, type TestPostgres } from '../../../test/helpers/postgres.ts';
import { useClusterHarness } from '../../../test/helpers/clusterHubs.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { PgStore } from '../store/pg/PgStore.ts';

const cluster = useClusterHarness();
let db: TestPostgres;

beforeAll(async () => {
  db = await startPostgres();
}, 60_000);

afterAll(async () => {
  await db?.destroy();
});

describe('two hubs on one PostgreSQL database', () => {
  it('relays edits made on either hub to clients of the other, and the log holds them all', async () => {
    const url = await db.createDatabase();
    const one = await cluster.hub(url);
    const two = await cluster.hub(url);
    const room = 'section:shared';
    const ann = cluster.client(one.syncUrl, room);
    const bob = cluster.client(two.syncUrl, room);
    await waitFor(() => ann.synced && bob.synced, 'both clients synced');
    const annText = ann.doc.getText('t');
    const bobText = bob.doc.getText('t');
    // Both type at once, a character at a time, into the same text.
    for (let i = 0; i < 60; i++) {
      annText.insert(annText.length, 'a');
      bobText.insert(0, 'b');
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(
      () => annText.length === 120 && annText.toString() === bobText.toString(),
      'the two clients converge',
      15_000,
    );
    expect(annText.toString().replaceAll('b', '')).toBe('a'.repeat(60));
    const store = await PgStore.open(url);
    try {
      const stored = await store.loadDoc(room);
      expect(stored.getText('t').toString()).toBe(annText.toString());
    } finally {
      await store.close();
    }
  });

  it('shows each hub’s editors to the other’s, and withdraws them when their hub shuts down', async () => {
    const url = await db.createDatabase();
    const one = await cluster.hub(url);
    const two = await cluster.hub(url);
    const room = 'section:presence';
    const ann = cluster.client(one.syncUrl, room);
    const bob = cluster.client(two.syncUrl, room);
    await waitFor(() => ann.synced && bob.synced, 'both clients synced');
    ann.awareness.setLocalStateField('user', { name: 'Ann' });
    bob.awareness.setLocalStateField('user', { name: 'Bob' });
    const names = (doc: Y.Doc, states: Map<number, Record<string, unknown>>) =>
      [...states.entries()]
        .filter(([id]) => id !== doc.clientID)
        .map(([, state]) => (state.user as { name?: string } | undefined)?.name);
    await waitFor(
      () => names(bob.doc, bob.awareness.getStates()).includes('Ann'),
      'Bob to see Ann',
    );
    await waitFor(
      () => names(ann.doc, ann.awareness.getStates()).includes('Bob'),
      'Ann to see Bob',
    );
    // Ann moves her cursor: Bob sees the new state, not only the first one.
    ann.awareness.setLocalStateField('cursor', 42);
    await waitFor(
      () => bob.awareness.getStates().get(ann.doc.clientID)?.cursor === 42,
      'Bob to see Ann’s cursor move',
    );
    // Ann's hub drains: Bob's view of the room drops her long before any timeout.
    one.child.kill('SIGTERM');
    await one.exited;
    await waitFor(
      () => !bob.awareness.getStates().has(ann.doc.clientID),
      'Ann’s presence withdrawn',
      5_000,
    );
  });
});
