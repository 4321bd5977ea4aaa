import { join } from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openBodySession } from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { startServer, type RunningServer } from './startServer.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

// Exactly the client the README documents for third parties.
function connect(server: RunningServer, room: string, token = server.token) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.syncUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Clients in one process would otherwise also talk over a shared BroadcastChannel.
    disableBc: true,
  });
  cleanups.push(() => provider.destroy());
  return { doc, provider };
}

async function api<T>(server: RunningServer, method: string, input: unknown) {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: true; value: T };
}

describe('the open document format, from a third-party y-websocket client', () => {
  it('reads and edits an edition and a section body as the README documents', async () => {
    const server = await startServer({
      dbPath: join(tempDir(), 'g.db'),
      port: 0,
      hub: { log: () => {} },
    });
    cleanups.push(() => server.close());
    const { value: created } = await api<{ id: string }>(server, 'editions.create', {
      title: 'Interop weekly',
    });

    const edition = connect(server, `edition:${created.id}`);
    await waitFor(() => edition.provider.synced, 'edition synced');
    const meta = edition.doc.getMap('edition');
    const order = edition.doc.getArray<string>('order');
    const sections = edition.doc.getMap<Y.Map<unknown>>('sections');
    expect(meta.get('title')).toBe('Interop weekly');
    expect(meta.get('status')).toBe('draft');
    expect(order.length).toBe(2);
    const [introId, storyId] = order.toArray();
    expect(sections.get(introId!)!.get('kind')).toBe('intro');
    expect(sections.get(storyId!)!.get('kind')).toBe('story');

    // Edit the meta and a section's fields with plain Yjs...
    edition.doc.transact(() => {
      meta.set('subject', 'Set by a script');
      sections.get(storyId!)!.set('title', 'Renamed by a script');
    });
    // ...and the body through @lexical/yjs, bound to doc.get('root', Y.XmlText).
    const body = connect(server, `section:${storyId}`);
    await waitFor(() => body.provider.synced, 'body synced');
    expect(body.doc.get('root', Y.XmlText)).toBeInstanceOf(Y.XmlText);
    const session = openBodySession(body.doc);
    cleanups.push(() => session.dispose());
    session.update(() =>
      $getRoot().append($createParagraphNode().append($createTextNode('Quokka sightings up 40%'))),
    );

    const read = async () =>
      (
        await api<{ edition: { subject: string; sections: Array<{ title: string }> } }>(
          server,
          'editions.get',
          { id: created.id },
        )
      ).value.edition;
    let got = await read();
    for (let i = 0; i < 50 && got.subject !== 'Set by a script'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      got = await read();
    }
    expect(got.subject).toBe('Set by a script');
    expect(got.sections[1]!.title).toBe('Renamed by a script');

    // The index follows live edits (refreshed off the edit path, within about a second).
    let hits: unknown[] = [];
    for (let i = 0; i < 60 && hits.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      hits = (await api<unknown[]>(server, 'editions.search', { query: 'quokka' })).value;
    }
    expect(hits).toEqual([expect.objectContaining({ editionId: created.id, sectionId: storyId })]);
  });

  it('is refused without the token, and a read-only token cannot change anything', async () => {
    const server = await startServer({
      dbPath: join(tempDir(), 'g.db'),
      port: 0,
      readOnlyTokens: ['reviewer'],
      hub: { log: () => {} },
    });
    cleanups.push(() => server.close());
    const { value: created } = await api<{ id: string }>(server, 'editions.create', {
      title: 'Read me',
    });
    const reviewer = connect(server, `edition:${created.id}`, 'reviewer');
    await waitFor(() => reviewer.provider.synced, 'reviewer synced');
    expect(reviewer.doc.getMap('edition').get('title')).toBe('Read me');
    reviewer.doc.getMap('edition').set('title', 'Vandalised');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { value } = await api<{ edition: { title: string } }>(server, 'editions.get', {
      id: created.id,
    });
    expect(value.edition.title).toBe('Read me');

    const stranger = connect(server, `edition:${created.id}`, 'guess');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stranger.provider.synced).toBe(false);
    expect(stranger.doc.getMap('edition').get('title')).toBeUndefined();
  });
});
