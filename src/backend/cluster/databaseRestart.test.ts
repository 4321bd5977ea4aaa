import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  eventually,
  holds,
  readyStatus,
  useClusterHarness,
} from '../../../test/helpers/clusterHubs.ts';
import { startPostgres, type TestPostgres } from '../../../test/helpers/postgres.ts';
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

describe('the database restarts under running hubs', () => {
  it('reports not ready, reconnects, catches up and loses nothing acknowledged', async () => {
    const url = await db.createDatabase();
    const one = await cluster.hub(url);
    const two = await cluster.hub(url);
    const room = 'section:restart';
    const writer = cluster.client(one.syncUrl, room);
    const observer = cluster.client(two.syncUrl, room);
    await waitFor(() => writer.synced && observer.synced, 'both clients synced');
    expect(await readyStatus(one.url)).toBe(200);
    const text = writer.doc.getText('t');
    let typing = true;
    const typed = (async () => {
      for (let i = 0; typing; i++) {
        text.insert(text.length, String.fromCharCode(97 + (i % 26)));
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    await waitFor(() => observer.doc.getText('t').length > 20, 'the observer sees typing');

    await db.stop();
    // Acknowledged: what a client of the other hub had received when the database went.
    const acknowledged = Y.encodeStateVector(observer.doc);
    await eventually(
      async () => (await readyStatus(one.url)) === 503 && (await readyStatus(two.url)) === 503,
      'both hubs to report not ready',
    );
    const during = await fetch(`${one.url}/readyz`);
    expect(((await during.json()) as { ok: boolean }).ok).toBe(false);
    // Typing goes on while the database is away; the hub cannot store it, so it waits.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await db.start();
    await eventually(
      async () => (await readyStatus(one.url)) === 200 && (await readyStatus(two.url)) === 200,
      'both hubs ready again',
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    typing = false;
    await typed;
    // The observer's hub missed notifications while the database was down: it catches up.
    await waitFor(
      () => writer.synced && observer.doc.getText('t').toString() === text.toString(),
      'writer and observer converge',
      20_000,
    );
    const store = await PgStore.open(url);
    try {
      const stored = await store.loadDoc(room);
      expect(holds(stored, acknowledged)).toBe(true);
      expect(stored.getText('t').toString()).toBe(text.toString());
    } finally {
      await store.close();
    }
  });
});
