import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editionRoom, readBody, readOrder, sectionRoom } from '../../core/index.ts';
import { Replica, randomStep } from '../../../test/helpers/fuzzReplica.ts';
import { startPostgres, type TestPostgres } from '../../../test/helpers/postgres.ts';
import { seededRandom } from '../../../test/helpers/random.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { startServer, type RunningServer } from '../web/startServer.ts';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void> | void> = [];
let db: TestPostgres;

beforeAll(async () => {
  db = await startPostgres();
}, 60_000);
afterAll(async () => {
  await db?.destroy();
});
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function start(dbPath: string, token: string): Promise<RunningServer> {
  const s = await startServer({ dbPath, port: 0, tokens: [token], hub: { log: () => {} } });
  cleanups.push(() => s.close());
  return s;
}

async function runSeed(seed: number, steps: number): Promise<void> {
  const r = seededRandom(seed);
  const url = await db.createDatabase();
  // Two hubs on one PostgreSQL database, and a desktop app's SQLite hub peered to one.
  const one = await start(url, 'token-one');
  const two = await start(url, 'token-two');
  const desk = await start(join(tempDir(), 'desk.db'), 'token-desk');
  const { id: editionId } = await one.backend.editions.create({ title: 'Fuzz', from: 'blank' });
  let linked = true;
  const link = () =>
    desk.peers.join({ url: one.syncUrl, token: one.token, share: [editionId], maxBackoffMs: 100 });
  link();
  const replicas = [
    new Replica('a', one, editionId),
    new Replica('b', one, editionId),
    new Replica('c', two, editionId),
    new Replica('d', two, editionId),
    new Replica('e', desk, editionId),
  ];
  cleanups.push(() => replicas.forEach((rep) => rep.destroy()));
  await waitFor(
    () => replicas.every((rep) => rep.synced()) && readOrder(replicas[4]!.edition).length === 2,
    'replicas synced',
    20_000,
  );
  for (let step = 0; step < steps; step++) {
    const replica = r.pick(replicas);
    const dice = r.next();
    if (dice < 0.04) replica.setOnline(!replica.online);
    else if (dice < 0.06) {
      if (linked) desk.peers.leave(one.syncUrl);
      else link();
      linked = !linked;
    } else randomStep(r, replica, step);
    if (step % 10 === 0) await new Promise((resolve) => setTimeout(resolve, r.int(0, 20)));
  }
  for (const replica of replicas) replica.setOnline(true);
  if (!linked) link();

  const rooms = () => [editionRoom(editionId), ...readOrder(replicas[0]!.edition).map(sectionRoom)];
  const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  const replicaViews = (room: string) =>
    replicas.map((rep) => rep.providers.get(room)?.doc ?? new Y.Doc());
  await waitFor(
    () =>
      replicas.every((rep) => rep.synced()) &&
      rooms().every((room) => new Set(replicaViews(room).map(vector)).size === 1),
    `seed ${seed}: every replica converges`,
    30_000,
  );
  for (const room of rooms()) {
    const expected = vector(replicas[0]!.open(room));
    for (const [name, server] of [
      ['hub one', one],
      ['hub two', two],
      ['desktop hub', desk],
    ] as const) {
      expect(vector(await server.hub.read(room)), `${room} at ${name}`).toBe(expected);
    }
    expect(vector(await one.backend.store.loadDoc(room)), `${room} in PostgreSQL`).toBe(expected);
    if (room.startsWith('section:')) {
      const bodies = replicaViews(room).map((doc) => readBody(doc));
      for (const body of bodies) expect(body).toEqual(bodies[0]);
    }
  }
  const order = readOrder(replicas[0]!.edition);
  for (const replica of replicas) expect(readOrder(replica.edition)).toEqual(order);
}

describe('convergence across two PostgreSQL hubs and a peered desktop hub', () => {
  it.each([1, 2])(
    'seed %i: 5 replicas on three hubs converge after 200 steps',
    async (seed) => {
      await runSeed(seed, 200);
    },
    120_000,
  );
});
