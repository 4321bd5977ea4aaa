import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readThreads, type Result } from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { startServer } from './startServer.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const MARKDOWN = `# Weekly 7

## First story

The quokka census grew by forty percent this year.
`;

const ana = { name: 'Ana Lima', color: '#2563eb' };

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function codeOf(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('comments through the hub', () => {
  it('reach an editor connected to the edition as the API adds them', async () => {
    const server = await startServer({
      dbPath: join(tempDir(), 'g.db'),
      port: 0,
      hub: { log: () => {} },
    });
    cleanups.push(() => server.close());
    const { summary } = value(
      await server.backend.invoke('editions.import', { markdown: MARKDOWN }),
    );
    const { edition } = value(await server.backend.invoke('editions.get', { id: summary.id }));

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.syncUrl, `edition:${summary.id}`, doc, {
      params: { token: server.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    cleanups.push(() => provider.destroy());
    await waitFor(() => provider.synced, 'edition synced');

    const added = value(
      await server.backend.invoke('comments.add', {
        editionId: summary.id,
        sectionId: edition.sections[0]!.id,
        quote: 'quokka census',
        text: 'Live from the API',
        author: ana,
      }),
    );
    await waitFor(() => readThreads(doc).length === 1, 'the thread on the editor’s doc');
    expect(readThreads(doc)[0]).toMatchObject({
      id: added.id,
      quote: 'quokka census',
      messages: [{ text: 'Live from the API' }],
    });
  });

  it('over HTTP: a read-only token lists threads and may not add one', async () => {
    const server = await startServer({
      dbPath: join(tempDir(), 'g.db'),
      port: 0,
      readOnlyTokens: ['reviewer-token'],
      hub: { log: () => {} },
    });
    cleanups.push(() => server.close());
    const post = async (method: string, input: unknown, token: string) => {
      const res = await fetch(`${server.url}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Result<{ id?: string; threads?: unknown[] }>;
    };
    const { summary } = value(
      await server.backend.invoke('editions.import', { markdown: MARKDOWN }),
    );
    const { edition } = value(await server.backend.invoke('editions.get', { id: summary.id }));
    const input = {
      editionId: summary.id,
      sectionId: edition.sections[0]!.id,
      quote: 'quokka',
      text: 'From a script',
      author: { name: 'Script' },
    };
    expect(codeOf(await post('comments.add', input, 'reviewer-token'))).toBe('forbidden');
    expect(codeOf(await post('comments.add', input, server.token))).toBe('ok');
    const listed = await post('comments.list', { editionId: summary.id }, 'reviewer-token');
    expect(value(listed).threads).toHaveLength(1);
  });
});
