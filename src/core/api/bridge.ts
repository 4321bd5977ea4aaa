import type { ApiInput, ApiMethod, ApiOutputs } from './contract.ts';
import type { Result } from './result.ts';

/** Where the renderer's sync hub and API are, and the token both want. */
export interface HubConnection {
  /** The hub's WebSocket base, e.g. `ws://127.0.0.1:4800/sync`; rooms are appended. */
  syncUrl: string;
  /** The HTTP base of the same server, e.g. `http://127.0.0.1:4800` (images come from /media/<hash>). */
  httpUrl: string;
  token: string;
}

/** Commands the desktop shell's menus send to the workbench. */
export type ShellCommand =
  | { type: 'new-edition' }
  | { type: 'open-edition'; id: string }
  | { type: 'show-library' }
  | { type: 'find' }
  | { type: 'export' }
  | { type: 'create-version' }
  | { type: 'toggle-preview' }
  | { type: 'host-session' }
  | { type: 'join-session'; link?: string }
  | { type: 'message'; level: 'info' | 'error'; text: string };

/**
 * What the desktop preload puts on `window.galley` through `contextBridge`: the typed API
 * (a method from the contract and its input), the local hub's address and token, the
 * editor's default name, and the shell's menu commands. Nothing else crosses over.
 */
export interface GalleyBridge {
  invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<Result<ApiOutputs[M]>>;
  connection(): Promise<HubConnection>;
  /** The name of the signed-in OS user, offered as the editor's name on first run. */
  defaultEditorName(): Promise<string>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}
