import type { IpcMain } from 'electron';
import {
  fail,
  type ApiMethod,
  type HubConnection,
  type Result,
  type ShellCommand,
} from '../core/index.ts';
import { isApiMethod } from '../backend/api/invoke.ts';
import { isAppUrl, type AppLocation } from './guards.ts';

/** The IPC channels, one per bridge function (the preload spells the same names). */
export const IPC_CHANNELS = {
  invoke: 'galley:invoke',
  connection: 'galley:connection',
  editorName: 'galley:editor-name',
  command: 'galley:command',
} as const;

/** What the sender check needs of a frame (Electron's WebFrameMain has both). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * True only for the app's own top-level page. Any other frame (the email preview, a
 * page the window was somehow navigated to, a frame gone since it sent) is refused:
 * the checklist's "validate the sender of every IPC message".
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, app: AppLocation): boolean {
  return frame != null && frame.parent === null && isAppUrl(frame.url, app);
}

/**
 * Methods that take a path on this computer. Over IPC the renderer never names the path:
 * main asks the editor with a native dialog and puts their choice in `dest`, so a
 * compromised page cannot write a file anywhere it likes.
 */
export const PATH_METHODS = {
  'export.bundle': 'folder',
  'export.site': 'folder',
  'store.backup': 'file',
} as const satisfies Partial<Record<ApiMethod, 'folder' | 'file'>>;
export type PathMethod = keyof typeof PATH_METHODS;

const isPathMethod = (method: ApiMethod): method is PathMethod =>
  Object.hasOwn(PATH_METHODS, method);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What main answers the renderer with. */
export interface IpcDeps {
  app: AppLocation;
  invoke(method: ApiMethod, input: unknown): Promise<Result<unknown>>;
  connection(): HubConnection;
  editorName(): string;
  /** Asks the editor where to write, with a native dialog; null when they cancel. */
  choosePath(method: PathMethod, input: Record<string, unknown>): Promise<string | null>;
  /** Told of every successful call (notifications, the recent-editions menu). */
  afterCall?(method: ApiMethod, value: unknown): void;
  log(message: string): void;
}

/** One `invoke` from the renderer: sender check, method check, path dialog, the backend. */
export async function handleInvoke(
  frame: SenderFrame | null | undefined,
  method: unknown,
  input: unknown,
  deps: IpcDeps,
): Promise<Result<unknown>> {
  if (!isTrustedSender(frame, deps.app)) {
    deps.log(`refused an API call from ${frame?.url ?? 'a closed frame'}`);
    return fail('forbidden', 'Only the Galley workbench may use the Galley API.');
  }
  if (typeof method !== 'string' || !isApiMethod(method)) {
    return fail('not-found', `Unknown API method ${JSON.stringify(method)}.`);
  }
  let effective = input;
  if (isPathMethod(method)) {
    const fields = isRecord(input) ? input : {};
    const dest = await deps.choosePath(method, fields);
    if (dest === null) return fail('cancelled', 'Nothing was saved.');
    effective = { ...fields, dest };
  }
  try {
    const result = await deps.invoke(method, effective);
    if (result.ok) deps.afterCall?.(method, result.value);
    return result;
  } catch (error) {
    deps.log(`API ${method} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return fail('internal', 'Galley hit an unexpected error; it is in the log.');
  }
}

/** Registers the bridge's handlers; returns a function that removes them. */
export function registerIpc(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: IpcDeps) {
  const guarded =
    <T>(answer: () => T) =>
    (event: { senderFrame: SenderFrame | null }) => {
      if (!isTrustedSender(event.senderFrame, deps.app)) {
        deps.log(`refused an IPC call from ${event.senderFrame?.url ?? 'a closed frame'}`);
        throw new Error('Only the Galley workbench may ask this.');
      }
      return answer();
    };
  ipc.handle(IPC_CHANNELS.invoke, (event, method: unknown, input: unknown) =>
    handleInvoke(event.senderFrame, method, input, deps),
  );
  ipc.handle(IPC_CHANNELS.connection, guarded(deps.connection));
  ipc.handle(IPC_CHANNELS.editorName, guarded(deps.editorName));
  return () => {
    for (const channel of [IPC_CHANNELS.invoke, IPC_CHANNELS.connection, IPC_CHANNELS.editorName])
      ipc.removeHandler(channel);
  };
}

/**
 * Menu commands for the workbench. Those sent before the page has loaded (a deep link
 * on the first launch) wait here; the preload holds them until the app subscribes.
 */
export class CommandChannel {
  private queue: ShellCommand[] = [];
  private target: ((command: ShellCommand) => void) | null = null;

  /** Starts delivering (the page has loaded), first whatever waited. */
  attach(send: (command: ShellCommand) => void): void {
    this.target = send;
    for (const command of this.queue.splice(0)) send(command);
  }

  /** Stops delivering (the page is reloading or gone); commands wait again. */
  detach(): void {
    this.target = null;
  }

  send(command: ShellCommand): void {
    if (this.target) this.target(command);
    else if (this.queue.length < 20) this.queue.push(command);
  }
}
