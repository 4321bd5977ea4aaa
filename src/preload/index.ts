// The sandboxed preload: the only bridge between the workbench and the shell. It exposes
// exactly the GalleyBridge of src/core/api/bridge.ts as `window.galley`: the typed API (a
// contract method and its input), the local hub's address and token, the editor's
// default name, and menu commands. No ipcRenderer, no Node, nothing else. It must stay
// CommonJS (electron.vite.config.ts builds out/preload/index.cjs) and import types only.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { GalleyBridge, ShellCommand } from '../core/api/bridge.ts';
import { CHANNELS } from './channels.ts';

const listeners = new Set<(command: ShellCommand) => void>();
// Commands that arrive before the workbench subscribes (a galley:// link on the first
// launch) wait here for the first listener, instead of being lost.
const early: ShellCommand[] = [];

ipcRenderer.on(CHANNELS.command, (_event: IpcRendererEvent, command: ShellCommand) => {
  if (listeners.size === 0) {
    if (early.length < 20) early.push(command);
    return;
  }
  for (const listener of listeners) listener(command);
});

const bridge = {
  invoke(method, input) {
    // The renderer is typed, but a page bug (or an injected script) may pass anything.
    if (typeof method !== 'string') {
      return Promise.reject(new TypeError('galley.invoke: the method must be a string'));
    }
    return ipcRenderer.invoke(CHANNELS.invoke, method, input);
  },
  connection: () => ipcRenderer.invoke(CHANNELS.connection),
  defaultEditorName: () => ipcRenderer.invoke(CHANNELS.editorName),
  onCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('galley.onCommand: not a function');
    // Wrapped, so the page never receives the IPC event (which carries ipcRenderer).
    const deliver = (command: ShellCommand) => listener(command);
    listeners.add(deliver);
    for (const command of early.splice(0)) deliver(command);
    return () => {
      listeners.delete(deliver);
    };
  },
} satisfies GalleyBridge;

contextBridge.exposeInMainWorld('galley', bridge);
