import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GalleyBridge, ShellCommand } from '../core/api/bridge.ts';
import { CHANNELS } from './channels.ts';

// The real module would need the Electron runtime; the preload only touches these two.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  commandListener: null as null | ((event: unknown, command: ShellCommand) => void),
  invoke: vi.fn(async (..._args: unknown[]) => 'answer'),
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (event: unknown, command: ShellCommand) => void) => {
      if (channel === CHANNELS.command) electron.commandListener = listener;
    },
  },
}));

async function loadBridge(): Promise<GalleyBridge> {
  vi.resetModules();
  electron.exposed.clear();
  await import('./index.ts');
  const bridge = electron.exposed.get('galley');
  if (typeof bridge !== 'object' || bridge === null) throw new Error('nothing exposed');
  return bridge as GalleyBridge;
}

describe('the preload bridge', () => {
  beforeEach(() => electron.invoke.mockClear());

  it('exposes exactly the GalleyBridge, as window.galley, and nothing else', async () => {
    const bridge = await loadBridge();
    expect([...electron.exposed.keys()]).toEqual(['galley']);
    expect(Object.keys(bridge).sort()).toEqual([
      'connection',
      'defaultEditorName',
      'invoke',
      'onCommand',
    ]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends a method name and its input, and refuses a method that is not a string', async () => {
    const bridge = await loadBridge();
    expect(await bridge.invoke('editions.list', {})).toBe('answer');
    expect(electron.invoke).toHaveBeenCalledWith(CHANNELS.invoke, 'editions.list', {});
    await expect(bridge.invoke({ toString: () => 'x' } as never, {} as never)).rejects.toThrow(
      /string/,
    );
    expect(electron.invoke).toHaveBeenCalledTimes(1);
    await bridge.connection();
    await bridge.defaultEditorName();
    expect(electron.invoke.mock.calls.map((call) => call[0])).toEqual([
      CHANNELS.invoke,
      CHANNELS.connection,
      CHANNELS.editorName,
    ]);
  });

  it('holds early commands for the first subscriber and passes on only the command', async () => {
    const bridge = await loadBridge();
    const deliver = (command: ShellCommand) =>
      electron.commandListener!({ sender: 'ipc' }, command);
    deliver({ type: 'join-session', link: 'galley://join?url=x&token=y' });
    const received: unknown[][] = [];
    const stop = bridge.onCommand((...args: unknown[]) => received.push(args));
    deliver({ type: 'find' });
    expect(received).toEqual([
      [{ type: 'join-session', link: 'galley://join?url=x&token=y' }],
      [{ type: 'find' }],
    ]);
    stop();
    deliver({ type: 'export' });
    expect(received).toHaveLength(2);
    expect(() => bridge.onCommand('not a function' as never)).toThrow();
  });
});
