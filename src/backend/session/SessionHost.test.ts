import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { editionRoom, parseInvite, type HostedSession } from '../../core/index.ts';
import { handshakeStatus } from '../../../test/helpers/hubClients.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { startServer, type RunningServer } from '../web/startServer.ts';
import { pickLanAddress } from './lanAddress.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function server(name: string): Promise<RunningServer> {
  const running = await startServer({
    dbPath: join(tempDir(), `${name}.db`),
    port: 0,
    // In tests the "network" listener stays on loopback.
    session: { bindHost: '127.0.0.1' },
  });
  cleanups.push(() => running.close());
  return running;
}

async function host(running: RunningServer, access: 'write' | 'read'): Promise<HostedSession> {
  const result = await running.backend.invoke('session.host', { access });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function guest(session: HostedSession, room: string): Promise<WebsocketProvider> {
  const invite = parseInvite(session.inviteLink);
  if (!invite.ok) throw new Error(invite.error.message);
  return connect(invite.value.url, room, invite.value.token);
}

function connect(url: string, room: string, token: string): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(url, room, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  cleanups.push(() => provider.destroy());
  return new Promise((resolve) => provider.once('sync', () => resolve(provider)));
}

async function api(session: HostedSession, method: string, headers: Record<string, string> = {}) {
  const invite = parseInvite(session.inviteLink);
  if (!invite.ok) throw new Error(invite.error.message);
  const base = invite.value.url.replace(/^ws:/, 'http:').replace(/\/sync$/, '');
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${invite.value.token}`, ...headers },
    body: method === 'store.backup' ? JSON.stringify({ dest: join(tempDir(), 'x.db') }) : '{}',
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean } };
}

const title = (doc: Y.Doc) => doc.getMap('edition').get('title');

describe('SessionHost', () => {
  it('lets a guest with a read-write share token edit, and revokes it when stopped', async () => {
    const running = await server('host');
    const [edition] = await running.backend.editions.list({});
    const room = editionRoom(edition!.id);
    const session = await host(running, 'write');
    expect(session).toMatchObject({ access: 'write', connections: 0 });
    expect(session.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/sync$/);
    expect(session.url).not.toBe(running.syncUrl);
    expect(parseInvite(session.inviteLink)).toMatchObject({
      ok: true,
      value: { url: session.url },
    });

    const provider = await guest(session, room);
    expect(title(provider.doc)).toBe(edition!.title);
    provider.doc.getMap('edition').set('title', 'Edited by a guest');
    await waitFor(
      async () => title(await running.hub.read(room)) === 'Edited by a guest',
      'the guest edit',
    );
    expect((await running.backend.invoke('session.status', {})).ok).toBe(true);
    expect(running.session.status()?.connections).toBe(1);

    expect(await running.backend.invoke('session.stop', {})).toEqual({
      ok: true,
      value: { stopped: true },
    });
    await waitFor(() => !provider.wsconnected, 'the guest to be dropped');
    expect(running.session.status()).toBeNull();
    await expect(handshakeStatus(`${session.url}/${room}?token=x`)).rejects.toThrow();
    // The share token is gone from the hub too, not only the listener.
    const token = parseInvite(session.inviteLink);
    if (!token.ok) throw new Error('unreachable');
    expect(await handshakeStatus(`${running.syncUrl}/${room}?token=${token.value.token}`)).toBe(
      401,
    );
  });

  it('gives a read-only share token everything and lets it change nothing', async () => {
    const running = await server('host');
    const [edition] = await running.backend.editions.list({});
    const room = editionRoom(edition!.id);
    const session = await host(running, 'read');
    const provider = await guest(session, room);
    expect(title(provider.doc)).toBe(edition!.title);

    // The hub handles one socket's messages in order: once an observer sees the awareness
    // the guest sent after its edit, the hub has dealt with the edit.
    const observer = await connect(running.syncUrl, room, running.token);
    provider.doc.getMap('edition').set('title', 'Vandalised');
    provider.awareness.setLocalStateField('user', { name: 'Reviewer' });
    await waitFor(
      () => [...observer.awareness.getStates().values()].some((s) => s.user?.name === 'Reviewer'),
      "the guest's awareness",
    );
    await running.hub.change(room, (doc) =>
      doc.getMap('edition').set('subject', 'Host still writes'),
    );
    await waitFor(
      () => provider.doc.getMap('edition').get('subject') === 'Host still writes',
      'the host edit to reach the guest',
    );
    expect(title(await running.hub.read(room))).toBe(edition!.title);
    expect(title(observer.doc)).toBe(edition!.title);
    expect(title(await running.backend.store.loadDoc(room))).toBe(edition!.title);
  });

  it('replaces the session on a second host, so the first link stops working', async () => {
    const running = await server('host');
    const room = editionRoom((await running.backend.editions.list({}))[0]!.id);
    const first = await host(running, 'write');
    const second = await host(running, 'read');
    expect(second.inviteLink).not.toBe(first.inviteLink);
    await expect(handshakeStatus(`${first.url}/${room}?token=x`)).rejects.toThrow();
    const invite = parseInvite(first.inviteLink);
    if (!invite.ok) throw new Error('unreachable');
    expect(await handshakeStatus(`${second.url}/${room}?token=${invite.value.token}`)).toBe(401);
    expect(running.session.status()?.access).toBe('read');
  });

  it('serves guests only the read-only API, only to clients without an Origin', async () => {
    const running = await server('host');
    const session = await host(running, 'write');
    expect(await api(session, 'editions.list')).toMatchObject({ status: 200, body: { ok: true } });
    // A write token still cannot reach methods that touch the host's disk or its session.
    for (const method of ['store.backup', 'session.status', 'peer.join', 'editions.create']) {
      expect(await api(session, method)).toMatchObject({ status: 403, body: { ok: false } });
    }
    expect(await api(session, 'editions.list', { origin: 'https://evil.example' })).toMatchObject({
      status: 403,
    });
    expect(
      await api(session, 'editions.list', { authorization: `Bearer ${running.token}` }),
    ).toMatchObject({ status: 401 });
  });

  it('links a guest hub to the host through peer.join with the invite', async () => {
    const hostServer = await server('host');
    const guestServer = await server('guest');
    const created = await hostServer.backend.invoke('editions.create', { title: 'Shared issue' });
    if (!created.ok) throw new Error(created.error.message);
    const session = await host(hostServer, 'write');
    const invite = parseInvite(session.inviteLink);
    if (!invite.ok) throw new Error(invite.error.message);

    const joined = await guestServer.backend.invoke('peer.join', invite.value);
    expect(joined.ok).toBe(true);
    const room = editionRoom(created.value.id);
    await waitFor(
      async () => title(await guestServer.hub.read(room)) === 'Shared issue',
      'the hosted edition to reach the guest',
    );
    expect((await guestServer.backend.invoke('peer.leave', { url: session.url })).ok).toBe(true);
    // Leaving keeps the local replica.
    expect(title(await guestServer.backend.store.loadDoc(room))).toBe('Shared issue');
  });
});

describe('pickLanAddress', () => {
  const v4 = (address: string, internal = false) => ({
    address,
    family: 'IPv4' as const,
    internal,
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: null,
  });

  it('prefers a private address and skips loopback and link-local', () => {
    expect(
      pickLanAddress({
        lo: [v4('127.0.0.1', true)],
        tailscale0: [v4('100.101.102.103')],
        eth1: [v4('169.254.10.2')],
        eth0: [v4('192.168.1.20')],
      }),
    ).toBe('192.168.1.20');
    expect(pickLanAddress({ tun0: [v4('100.101.102.103')] })).toBe('100.101.102.103');
    expect(pickLanAddress({ lo: [v4('127.0.0.1', true)] })).toBeNull();
  });
});
