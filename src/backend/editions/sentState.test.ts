import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { editionRoom, type Result } from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { runCli } from '../cli/runCli.ts';
import { openBackend, type Backend } from '../openBackend.ts';
import { startServer } from '../web/startServer.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const NOW = new Date('2026-12-06T09:30:00.000Z');

async function open(file = join(tempDir(), 'g.db')): Promise<Backend> {
  const backend = await openBackend(file, { now: () => NOW });
  cleanups.push(() => backend.close());
  return backend;
}

const sentVersions = async (backend: Backend, id: string) =>
  (await backend.store.listVersions(id)).filter((v) => v.label.startsWith('Sent '));

describe('sent is a state', () => {
  it('markSent records sentAt and freezes exactly one "Sent <date>" version', async () => {
    const backend = await open();
    const { id } = value(await backend.invoke('editions.create', { title: 'Issue 12' }));
    const first = value(await backend.invoke('editions.markSent', { id }));
    expect(first.summary).toMatchObject({ status: 'sent', sentAt: NOW.toISOString() });
    expect(first.versionId).toEqual(expect.any(String));
    const { edition, summary } = value(await backend.invoke('editions.get', { id }));
    expect(edition.sentAt).toBe(NOW.toISOString());
    expect(summary.sentAt).toBe(NOW.toISOString());
    expect(
      (await backend.editions.host.read(editionRoom(id))).getMap('edition').get('sentAt'),
    ).toBe(NOW.toISOString());

    // Again, and refreshes as the hub's refresher runs them: nothing more.
    const second = value(
      await backend.invoke('editions.markSent', { id, at: '2026-12-01T08:00:00Z' }),
    );
    expect(second).toEqual({
      summary: expect.objectContaining({ sentAt: NOW.toISOString() }),
      versionId: null,
    });
    await backend.editions.refreshIndex(id);
    await backend.editions.refreshIndex(id);
    // A linked hub stamped its own time for the same sending and won the merge: still one.
    await backend.editions.host.change(editionRoom(id), (doc) =>
      doc.getMap('edition').set('sentAt', '2026-12-06T09:30:01.000Z'),
    );
    expect((await backend.editions.refreshIndex(id)).sentAt).toBe('2026-12-06T09:30:01.000Z');
    const versions = await sentVersions(backend, id);
    expect(versions.map((v) => [v.id, v.label])).toEqual([[first.versionId, 'Sent 2026-12-06']]);

    // The version holds the edition as sent.
    const frozen = value(
      await backend.invoke('versions.get', { editionId: id, versionId: first.versionId! }),
    );
    expect(frozen.edition).toMatchObject({ status: 'sent', sentAt: NOW.toISOString() });

    // The library lists it; so does `galley list`.
    const listed = value(await backend.invoke('editions.list', {})).find((e) => e.id === id);
    expect(listed?.sentAt).toBe('2026-12-06T09:30:01.000Z');
    const db = backend.store.location;
    await backend.close();
    const out: string[] = [];
    const code = await runCli(['list', '--db', db], {
      out: (t) => out.push(t),
      err: () => {},
      env: {},
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/SENT[\s\S]*sent 2026-12-06 09:30 UTC\s+.*Issue 12/);
  });

  it('takes the time it was sent, refuses one in the future, and re-sending after a draft is a new sending', async () => {
    const backend = await open();
    const { id } = value(await backend.invoke('editions.create', { title: 'Back-dated' }));
    const future = await backend.invoke('editions.markSent', { id, at: '2027-01-01T00:00:00Z' });
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/in the future/) },
    });
    const bad = await backend.invoke('editions.markSent', { id, at: 'yesterday' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(value(await backend.invoke('editions.get', { id })).summary.status).toBe('draft');

    const marked = value(
      await backend.invoke('editions.markSent', { id, at: '2026-11-30T07:00:00Z' }),
    );
    expect(marked.summary.sentAt).toBe('2026-11-30T07:00:00.000Z');
    expect((await sentVersions(backend, id)).map((v) => v.label)).toEqual(['Sent 2026-11-30']);

    // Back to draft: no longer sent, so no time; sending again is a second sending.
    await backend.editions.host.change(editionRoom(id), (doc) =>
      doc.getMap('edition').set('status', 'draft'),
    );
    expect(await backend.editions.refreshIndex(id)).toMatchObject({
      status: 'draft',
      sentAt: null,
    });
    expect((await backend.editions.get(id)).sentAt).toBeUndefined();
    value(await backend.invoke('editions.markSent', { id }));
    expect((await sentVersions(backend, id)).map((v) => v.label)).toEqual([
      'Sent 2026-12-06',
      'Sent 2026-11-30',
    ]);
  });

  it('records a status set to sent by an editor through the Yjs doc, once', async () => {
    const server = await startServer({
      dbPath: join(tempDir(), 'g.db'),
      port: 0,
      hub: { log: () => {} },
    });
    cleanups.push(() => server.close());
    const backend = server.backend;
    const { id } = value(await backend.invoke('editions.create', { title: 'Edited' }));
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.syncUrl, editionRoom(id), doc, {
      params: { token: server.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    cleanups.push(() => provider.destroy());
    await waitFor(() => provider.synced, 'editor synced');

    const meta = doc.getMap('edition');
    meta.set('status', 'sent');
    // The hub's index refresher (about a second later) stamps the time into the doc...
    await waitFor(() => typeof meta.get('sentAt') === 'string', 'sentAt at the editor', 15_000);
    const sentAt = meta.get('sentAt') as string;
    expect(Date.parse(sentAt)).not.toBeNaN();
    await waitFor(
      async () => (await backend.editions.requireSummary(id)).sentAt === sentAt,
      'sentAt in the index',
    );
    // ...which is itself a change that schedules another refresh: it must add nothing.
    meta.set('subject', 'A later edit');
    await waitFor(
      async () => (await backend.editions.requireSummary(id)).subject === 'A later edit',
      'the later edit indexed',
    );
    expect(await sentVersions(backend, id)).toHaveLength(1);
    expect((await sentVersions(backend, id))[0]!.label).toBe(`Sent ${sentAt.slice(0, 10)}`);
    expect(meta.get('sentAt')).toBe(sentAt);
  });
});
