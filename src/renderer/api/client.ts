import type {
  ApiInput,
  ApiMethod,
  ApiOutputs,
  GalleyBridge,
  HubConnection,
  Result,
  ShellCommand,
} from '../../core/index.ts';

/** A failure the backend reported (or the network did), with words for the editor. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** The renderer's one door to the backend: the typed API, the hub, and shell commands. */
export interface ApiClient {
  /** 'desktop' inside Electron (IPC), 'browser' when served by `galley serve` (HTTP). */
  readonly mode: 'desktop' | 'browser';
  readonly connection: HubConnection;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
  /** The URL an `asset:<hash>` image is shown from in the workbench. */
  assetUrl(hash: string): string;
  defaultEditorName(): Promise<string>;
  onCommand(listener: (command: ShellCommand) => void): () => void;
}

declare global {
  interface Window {
    galley?: GalleyBridge;
  }
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(result.error.code, result.error.message);
}

/**
 * Picks the transport once, at start: the preload's bridge inside Electron, else HTTP to
 * the server that served this page, with the token from `?token=` (kept for the tab in
 * sessionStorage and removed from the address bar, so it is not shared by a copied URL).
 */
export async function createApiClient(): Promise<ApiClient> {
  const bridge = window.galley;
  if (bridge) {
    const connection = await bridge.connection();
    return {
      mode: 'desktop',
      connection,
      call: async (method, input) => unwrap(await bridge.invoke(method, input)),
      assetUrl: (hash) => assetUrlOf(connection, hash),
      defaultEditorName: () => bridge.defaultEditorName(),
      onCommand: (listener) => bridge.onCommand(listener),
    };
  }
  const connection = browserConnection();
  return {
    mode: 'browser',
    connection,
    call: (method, input) => httpCall(connection, method, input),
    assetUrl: (hash) => assetUrlOf(connection, hash),
    defaultEditorName: () => Promise.resolve(''),
    onCommand: () => () => undefined,
  };
}

function assetUrlOf(connection: HubConnection, hash: string): string {
  return `${connection.httpUrl}/media/${hash}?token=${encodeURIComponent(connection.token)}`;
}

const TOKEN_KEY = 'galley.token';

function browserConnection(): HubConnection {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  const wsProtocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { syncUrl: `${wsProtocol}//${url.host}/sync`, httpUrl: url.origin, token };
}

async function httpCall<M extends ApiMethod>(
  connection: HubConnection,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutputs[M]> {
  let response: Response;
  try {
    response = await fetch(`${connection.httpUrl}/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${connection.token}`,
      },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiCallError(
      'offline',
      'Galley’s server cannot be reached. Is `galley serve` running?',
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiCallError('internal', `The server answered ${response.status} without a result.`);
  }
  if (isResult(body)) return unwrap(body as Result<ApiOutputs[M]>);
  throw new ApiCallError(
    'internal',
    `The server answered ${response.status} with an unknown shape.`,
  );
}

function isResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return (
    'error' in value &&
    typeof value.error === 'object' &&
    value.error !== null &&
    'message' in value.error
  );
}
