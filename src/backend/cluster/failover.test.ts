import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { holds, useClusterHarness } from '../../../test/helpers/clusterHubs.ts';
import { startPostgres, type TestPostgres } from '../../../test/helpers/postgres.ts';
import { seededRandom } from '../../../test/helpers/random.ts';
import { startFailoverProxy, type FailoverProxy } from '../../../test/helpers/tcpFailover.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import type { ServeProcess } from '../../../test/helpers/serveProcess.ts';
import { PgStore } from '../store/pg/PgStore.ts';

const cluster = useClusterHarness();
let db: TestPostgres;
let proxy: FailoverProxy | null = null;

beforeAll(async () => {
  db = await startPostgres();
}, 60_000);

afterAll(async () => {
  await db?.destroy();
});

afterEach(async () => {
  await proxy?.close();
  proxy = null;
});

const ROUNDS = 10;

describe('a hub killed in the middle of typing', () => {
  it(`moves its clients to the other hub and loses nothing acknowledged (${ROUNDS} rounds)`, async () => {
    const url = await db.createDatabase();
    const random = seededRandom(15);
    // `victim` is where the proxy sends new connections first; `survivor` takes over.
    let victim: ServeProcess = await cluster.hub(url);
    let survivor: ServeProcess = await cluster.hub(url);
    const live = () =>
      [victim, survivor].filter((h) => h.child.exitCode === null && h.child.signalCode === null);
    const front = await startFailoverProxy(() => live().map((h) => h.port));
    proxy = front;
    const store = await PgStore.open(url);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const room = `section:failover${round}`;
        // The writer reaches the cluster through the one address; the observer sits on
        // the survivor, so what it sees was committed by the victim and read back.
        const writer = cluster.client(`ws://127.0.0.1:${front.port}/sync`, room);
        const observer = cluster.client(survivor.syncUrl, room);
        await waitFor(() => writer.synced && observer.synced, `round ${round}: synced`);
        const before = front.forwarded.get(survivor.port) ?? 0;
        const text = writer.doc.getText('t');
        let typing = true;
        const typed = (async () => {
          for (let i = 0; typing; i++) {
            text.insert(text.length, String.fromCharCode(97 + (i % 26)));
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        })();
        await waitFor(
          () => observer.doc.getText('t').length > 20,
          `round ${round}: the observer sees typing`,
        );
        await new Promise((resolve) => setTimeout(resolve, random.int(0, 150)));
        victim.child.kill('SIGKILL');
        // Acknowledged: what reached a client of the other hub before the kill.
        const acknowledged = Y.encodeStateVector(observer.doc);
        // Checked before the writer may reconnect and send it all again.
        front.refusing = true;
        await victim.exited;
        const atKill = await store.loadDoc(room);
        expect(holds(atKill, acknowledged), `round ${round}: acknowledged updates stored`).toBe(
          true,
        );
        front.refusing = false;
        await waitFor(
          () =>
            writer.wsconnected &&
            writer.synced &&
            (front.forwarded.get(survivor.port) ?? 0) > before,
          `round ${round}: the writer reconnects to the survivor`,
          15_000,
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        typing = false;
        await typed;
        await waitFor(
          () => observer.doc.getText('t').toString() === text.toString(),
          `round ${round}: writer and observer converge`,
          15_000,
        );
        const stored = await store.loadDoc(room);
        expect(stored.getText('t').toString()).toBe(text.toString());
        writer.destroy();
        observer.destroy();
        // A new hub takes the dead one's place; the survivor is the next victim.
        const fresh = await cluster.hub(url);
        victim = survivor;
        survivor = fresh;
      }
    } finally {
      await store.close();
    }
  }, 300_000);
});
