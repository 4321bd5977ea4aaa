import { describe, expect, it, vi } from 'vitest';
import { ok, type ShellCommand } from '../core/index.ts';
import { CHANNELS } from '../preload/channels.ts';
import { APP_ENTRY_URL } from './appProtocol.ts';
import { appLocation } from './guards.ts';
import {
  CommandChannel,
  IPC_CHANNELS,
  handleInvoke,
  isTrustedSender,
  registerIpc,
  type IpcDeps,
} from './ipc.ts';

const app = appLocation(APP_ENTRY_URL);
const top = { url: APP_ENTRY_URL, parent: null };

function deps(overrides: Partial<IpcDeps> = {}) {
  return {
    app,
    invoke: vi.fn(async () => ok('value')),
    connection: () => ({
      syncUrl: 'ws://127.0.0.1:1/sync',
      httpUrl: 'http://127.0.0.1:1',
      token: 't',
    }),
    editorName: () => 'ada',
    choosePath: vi.fn(async () => '/chosen/by/the/editor'),
    log: vi.fn<(message: string) => void>(),
    ...overrides,
  } satisfies IpcDeps;
}

describe('IPC sender validation', () => {
  it('trusts only the app’s own top-level page', () => {
    expect(isTrustedSender(top, app)).toBe(true);
    expect(isTrustedSender({ url: 'galley-app://workbench/edition/x', parent: null }, app)).toBe(
      true,
    );
    // The email preview iframe, even on the app's own origin.
    expect(isTrustedSender({ url: 'about:srcdoc', parent: top }, app)).toBe(false);
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: top }, app)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, app)).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null }, app)).toBe(false);
    expect(isTrustedSender(null, app)).toBe(false);
  });

  it('refuses an API call from any other frame without calling the backend', async () => {
    const d = deps();
    const result = await handleInvoke(
      { url: 'https://evil.example/', parent: null },
      'editions.list',
      {},
      d,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(d.invoke).not.toHaveBeenCalled();
    expect(d.log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
    expect(
      await handleInvoke({ url: 'about:srcdoc', parent: top }, 'editions.list', {}, d),
    ).toMatchObject({
      ok: false,
    });
  });

  it('takes only methods of the contract', async () => {
    const d = deps();
    for (const method of [42, 'constructor', '__proto__', 'toString', 'editions.nope', null]) {
      expect(await handleInvoke(top, method, {}, d)).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    }
    expect(d.invoke).not.toHaveBeenCalled();
    expect(await handleInvoke(top, 'editions.list', {}, d)).toEqual(ok('value'));
    expect(d.invoke).toHaveBeenCalledWith('editions.list', {});
  });

  it('lets the editor, not the page, choose where files are written', async () => {
    const d = deps();
    await handleInvoke(top, 'store.backup', { dest: '/home/ada/.bashrc' }, d);
    expect(d.choosePath).toHaveBeenCalledWith('store.backup', { dest: '/home/ada/.bashrc' });
    expect(d.invoke).toHaveBeenCalledWith('store.backup', { dest: '/chosen/by/the/editor' });
    await handleInvoke(top, 'export.bundle', { id: 'e1', dest: '' }, d);
    expect(d.invoke).toHaveBeenLastCalledWith('export.bundle', {
      id: 'e1',
      dest: '/chosen/by/the/editor',
    });

    const cancelled = deps({ choosePath: async () => null });
    expect(await handleInvoke(top, 'store.backup', {}, cancelled)).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(cancelled.invoke).not.toHaveBeenCalled();
  });

  it('reports a success to afterCall and turns a crash into a result', async () => {
    const afterCall = vi.fn();
    await handleInvoke(top, 'editions.list', {}, deps({ afterCall }));
    expect(afterCall).toHaveBeenCalledWith('editions.list', 'value');
    const crash = deps({ invoke: async () => Promise.reject(new Error('boom')) });
    expect(await handleInvoke(top, 'editions.list', {}, crash)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(crash.log).toHaveBeenCalled();
  });
});

describe('registerIpc', () => {
  it('guards every channel the preload uses', async () => {
    const handlers = new Map<
      string,
      (event: { senderFrame: unknown }, ...args: unknown[]) => unknown
    >();
    const ipc = {
      handle: (channel: string, handler: never) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    };
    const remove = registerIpc(ipc as never, deps());
    expect([...handlers.keys()].sort()).toEqual(
      [IPC_CHANNELS.invoke, IPC_CHANNELS.connection, IPC_CHANNELS.editorName].sort(),
    );
    const call = (channel: string, senderFrame: unknown, ...args: unknown[]) =>
      handlers.get(channel)!({ senderFrame }, ...args);
    expect(call(IPC_CHANNELS.editorName, top)).toBe('ada');
    expect(call(IPC_CHANNELS.connection, top)).toMatchObject({ token: 't' });
    const stranger = { url: 'https://evil.example/', parent: null };
    expect(() => call(IPC_CHANNELS.connection, stranger)).toThrow(/Only the Galley workbench/);
    expect(() => call(IPC_CHANNELS.editorName, null)).toThrow();
    expect(await call(IPC_CHANNELS.invoke, stranger, 'editions.list', {})).toMatchObject({
      ok: false,
    });
    remove();
    expect(handlers.size).toBe(0);
  });

  it('uses the channel names the preload spells', () => {
    expect(CHANNELS).toEqual(IPC_CHANNELS);
  });
});

describe('CommandChannel', () => {
  it('holds commands until the page has loaded, then delivers them in order', () => {
    const channel = new CommandChannel();
    const received: ShellCommand[] = [];
    channel.send({ type: 'join-session', link: 'galley://join?url=x&token=y' });
    channel.send({ type: 'find' });
    channel.attach((command) => received.push(command));
    channel.send({ type: 'export' });
    expect(received.map((c) => c.type)).toEqual(['join-session', 'find', 'export']);
    channel.detach();
    channel.send({ type: 'new-edition' });
    expect(received).toHaveLength(3);
    for (let i = 0; i < 50; i++) channel.send({ type: 'find' });
    channel.attach((command) => received.push(command));
    expect(received).toHaveLength(3 + 20);
  });
});
