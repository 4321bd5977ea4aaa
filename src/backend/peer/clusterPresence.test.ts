import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { editionRoom } from '../../core/index.ts';
import { CLUSTER_TOKEN, useClusterHarness } from '../../../test/helpers/clusterHubs.ts';
import { startPostgres, type TestPostgres } from '../../../test/helpers/postgres.ts';
import { startServeProcess, type ServeProcess } from '../../../test/helpers/serveProcess.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';

const cluster = useClusterHarness();
const tempDir = useTempDir();
const others: ServeProcess[] = [];
const providers: WebsocketProvider[] = [];
let db: TestPostgres;

beforeAll(async () => {
  db = await startPostgres();
}, 60_000);
afterAll(async () => {
  await db?.destroy();
});
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  for (const process of others.splice(0)) {
    process.child.kill('SIGKILL');
    await process.exited;
  }
});

function editor(syncUrl: string, token: string, room: string): WebsocketProvider {
  const provider = new WebsocketProvider(syncUrl, room, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  providers.push(provider);
  return provider;
}

const names = (provider: WebsocketProvider) =>
  [...provider.awareness.getStates().values()].map((state) => state.name);

describe('presence through a peer link into a PostgreSQL cluster', () => {
  it('editors of a hub one cluster node links to are shown on every node, and back', async () => {
    const remote = await startServeProcess([
      '--db',
      join(tempDir(), 'remote.db'),
      '--port',
      '0',
      '--token',
      'remote-token',
    ]);
    others.push(remote);
    const created = await fetch(`${remote.url}/api/editions.create`, {
      method: 'POST',
      headers: { authorization: 'Bearer remote-token', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Shared', from: 'blank' }),
    });
    const { value } = (await created.json()) as { value: { id: string } };
    const room = editionRoom(value.id);

    // Node one of the cluster links to the remote hub; node two only shares its database.
    const url = await db.createDatabase();
    const peer = ['--peer', remote.syncUrl, '--peer-token', 'remote-token', '--share', value.id];
    const one = await startServeProcess([
      '--store',
      url,
      '--port',
      '0',
      '--token',
      CLUSTER_TOKEN,
      ...peer,
    ]);
    others.push(one);
    const two = await cluster.hub(url);
    const bob = cluster.client(two.syncUrl, room);
    await waitFor(() => bob.synced, 'bob synced on node two');
    const rita = editor(remote.syncUrl, 'remote-token', room);
    await waitFor(() => rita.synced, 'rita synced on the remote hub');

    rita.awareness.setLocalStateField('name', 'Rita');
    bob.awareness.setLocalStateField('name', 'Bob');
    // Rita: remote hub -> link -> node one -> bus -> node two. Bob: the way back.
    await waitFor(() => names(bob).includes('Rita'), "rita's presence on node two", 15_000);
    await waitFor(() => names(rita).includes('Bob'), "bob's presence on the remote hub", 15_000);

    // Rita leaves: node one withdraws her, and the bus tells node two.
    rita.destroy();
    await waitFor(() => !names(bob).includes('Rita'), 'rita gone on node two', 15_000);
    expect(names(bob)).toContain('Bob');
  }, 90_000);
});
