import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { editionRoom, readOrder, sectionRoom } from '../../core/index.ts';
import { startServeProcess, type ServeProcess } from '../../../test/helpers/serveProcess.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';

const tempDir = useTempDir();
const processes: ServeProcess[] = [];
const providers: WebsocketProvider[] = [];
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  for (const s of processes.splice(0)) {
    s.child.kill('SIGKILL');
    await s.exited;
  }
});

async function serve(args: string[]) {
  const s = await startServeProcess(args);
  processes.push(s);
  return s;
}

function open(s: ServeProcess, room: string) {
  const provider = new WebsocketProvider(s.syncUrl, room, new Y.Doc(), {
    params: { token: s.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  providers.push(provider);
  return provider;
}

async function api<T>(s: ServeProcess, method: string, body: unknown): Promise<T> {
  const response = await fetch(`${s.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { ok: boolean; value: T };
  expect(result.ok).toBe(true);
  return result.value;
}

describe('two galley serve processes peered to a team server', () => {
  it('converge after a partition in which both kept editing', async () => {
    const dir = tempDir();
    const team = await serve(['--db', join(dir, 'team.db'), '--port', '0', '--token', 'team']);
    const peerArgs = ['--peer', team.syncUrl, '--peer-token', 'team'];
    const ada = await serve([
      '--db',
      join(dir, 'ada.db'),
      '--port',
      '0',
      '--token',
      'ada',
      ...peerArgs,
    ]);
    const bo = await serve([
      '--db',
      join(dir, 'bo.db'),
      '--port',
      '0',
      '--token',
      'bo',
      ...peerArgs,
    ]);

    // An edition created on the team server reaches both editors' machines.
    const { id } = await api<{ id: string }>(team, 'editions.create', { title: 'Issue 7' });
    const adaEdition = open(ada, editionRoom(id));
    const boEdition = open(bo, editionRoom(id));
    await waitFor(
      () => readOrder(adaEdition.doc).length === 2 && readOrder(boEdition.doc).length === 2,
      'edition shared',
      20_000,
    );
    const storyRoom = sectionRoom(readOrder(adaEdition.doc)[1]!);
    const adaStory = open(ada, storyRoom);
    const boStory = open(bo, storyRoom);
    await waitFor(() => adaStory.synced && boStory.synced, 'story synced');

    // Partition: the team server goes away; both editors keep working on their own hubs.
    team.child.kill('SIGTERM');
    expect(await team.exited).toBe(0);
    adaStory.doc.getText('notes').insert(0, 'Ada offline. ');
    boStory.doc.getText('notes').insert(0, 'Bo offline. ');
    adaEdition.doc.getMap('edition').set('subject', 'Written apart');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(boStory.doc.getText('notes').toString()).toBe('Bo offline. ');

    // The team server returns on the same address; the links reconnect and everything merges.
    await serve(['--db', join(dir, 'team.db'), '--port', String(team.port), '--token', 'team']);
    const merged = (doc: Y.Doc) => doc.getText('notes').toString();
    await waitFor(
      () => merged(adaStory.doc).length === 25 && merged(adaStory.doc) === merged(boStory.doc),
      'story merged on both machines',
      30_000,
    );
    await waitFor(
      () => boEdition.doc.getMap('edition').get('subject') === 'Written apart',
      'meta merged',
      30_000,
    );
    expect(merged(adaStory.doc)).toMatch(
      /^(Ada offline\. Bo offline\. |Bo offline\. Ada offline\. )$/,
    );
  }, 90_000);
});
