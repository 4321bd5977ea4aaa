import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServeProcess, type ServeProcess } from '../../../test/helpers/serveProcess.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { Store } from '../store/Store.ts';

const tempDir = useTempDir();
const running: ServeProcess[] = [];
const providers: WebsocketProvider[] = [];

afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  for (const s of running.splice(0)) {
    s.child.kill('SIGKILL');
    await s.exited;
  }
});

async function serve(args: string[]) {
  const s = await startServeProcess(args);
  running.push(s);
  return s;
}

function connect(syncUrl: string, room: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  providers.push(provider);
  return provider;
}

async function api(s: ServeProcess, method: string, body: unknown, token: string | null = s.token) {
  const response = await fetch(`${s.url}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } },
  };
}

describe('galley serve', () => {
  it('prints one line with URL, port and a generated token, serves the API, and stops cleanly on SIGTERM', async () => {
    const db = join(tempDir(), 'g.db');
    const s = await serve(['--db', db, '--port', '0']);
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
    expect(s.token.length).toBeGreaterThanOrEqual(32);

    const list = await api(s, 'editions.list', {});
    expect(list.status).toBe(200);
    expect(list.body.ok).toBe(true);
    expect((await api(s, 'editions.list', {}, null)).status).toBe(401);
    expect((await api(s, 'editions.list', {}, 'wrong')).status).toBe(401);
    expect((await api(s, 'editions.get', { id: 'nope' })).status).toBe(404);
    expect((await api(s, 'no.such', {})).status).toBe(404);

    const provider = connect(s.syncUrl, 'section:served', s.token);
    await waitFor(() => provider.synced, 'sync');
    provider.doc.getText('t').insert(0, 'stored before exit');
    await new Promise((resolve) => setTimeout(resolve, 200));
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const store = Store.open(db);
    expect(store.loadDoc('section:served').getText('t').toString()).toBe('stored before exit');
    store.close();
  });

  it('reads its token from a file and gives reviewers a read-only token', async () => {
    const dir = tempDir();
    const tokenFile = join(dir, 'token');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(tokenFile, 'secret-from-file\n');
    const s = await serve([
      '--db',
      join(dir, 'g.db'),
      '--port',
      '0',
      '--token-file',
      tokenFile,
      '--read-token',
      'reviewer',
    ]);
    expect(s.token).toBe('secret-from-file');
    expect((await api(s, 'editions.list', {}, 'reviewer')).status).toBe(200);
    expect((await api(s, 'editions.create', { title: 'x' }, 'reviewer')).status).toBe(403);
    expect((await api(s, 'editions.create', { title: 'x' })).status).toBe(200);
  });

  it('loses nothing a client received when killed mid-burst, and gets everything typed after reconnecting', async () => {
    const db = join(tempDir(), 'g.db');
    const first = await serve(['--db', db, '--port', '0', '--token', 'crash']);
    const room = 'section:crashroom';
    const a = connect(first.syncUrl, room, 'crash');
    const b = connect(first.syncUrl, room, 'crash');
    await waitFor(() => a.synced && b.synced, 'both clients synced');
    const ta = a.doc.getText('t');
    const tb = b.doc.getText('t');
    let typing = true;
    const typeLoop = async (text: Y.Text, letter: string) => {
      while (typing) {
        text.insert(text.length, letter);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    const loops = [typeLoop(ta, 'a'), typeLoop(tb, 'b')];
    await waitFor(
      () => tb.toString().includes('a') && ta.toString().includes('b'),
      'updates relayed both ways',
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    first.child.kill('SIGKILL');
    await first.exited;
    // What each client had received from the hub by now must all be on disk.
    const seenByB = Y.encodeStateVector(b.doc);
    const seenByA = Y.encodeStateVector(a.doc);
    await new Promise((resolve) => setTimeout(resolve, 100));
    typing = false;
    await Promise.all(loops);

    const store = Store.open(db);
    const stored = Y.decodeStateVector(Y.encodeStateVector(store.loadDoc(room)));
    store.close();
    const fromA = Y.decodeStateVector(seenByB).get(a.doc.clientID) ?? 0;
    const fromB = Y.decodeStateVector(seenByA).get(b.doc.clientID) ?? 0;
    expect(fromA).toBeGreaterThan(0);
    expect(fromB).toBeGreaterThan(0);
    expect(stored.get(a.doc.clientID) ?? 0).toBeGreaterThanOrEqual(fromA);
    expect(stored.get(b.doc.clientID) ?? 0).toBeGreaterThanOrEqual(fromB);

    // Restart on the same port: the clients reconnect on their own and send what was lost.
    const second = await serve(['--db', db, '--port', String(first.port), '--token', 'crash']);
    await waitFor(() => a.wsconnected && b.wsconnected, 'reconnect', 15_000);
    await waitFor(() => ta.toString() === tb.toString(), 'clients converged', 15_000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const after = Store.open(db);
    expect(after.loadDoc(room).getText('t').toString()).toBe(ta.toString());
    after.close();
  });
});
