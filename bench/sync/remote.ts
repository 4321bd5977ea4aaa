import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeHubDir, type SyncServer } from './servers.ts';
import { withTimeout } from './util.ts';

/*
 * The parent's side of serverProcess.ts: a sync server in a child process of its own,
 * started per measurement and always killed afterwards. The parent keeps the clients.
 */

/** What the parent asks the server process. */
export type ServerRequest =
  | { op: 'start'; kind: 'hub'; dir: string; unlimited: boolean }
  | { op: 'start'; kind: 'reference' }
  | { op: 'seed'; rooms: string[]; update: Uint8Array }
  | { op: 'heap' }
  | { op: 'stats' }
  | { op: 'trouble' }
  | { op: 'log-sampling'; everyMs: number }
  | { op: 'log-length' }
  | { op: 'window-start' }
  | { op: 'window-end' }
  | { op: 'stop' };

/** One answer of the server process; id 0 is its "ready" at start-up. */
export type ServerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** What the server process measured of itself between window-start and window-end. */
export interface WindowReading {
  /** User + system CPU time of the whole server process. */
  cpuMs: number;
  loopDelayP99: number;
  loopDelayMax: number;
  gcPauseMax: number;
  gcPauseTotal: number;
}

/** The longest update log of any room seen by the sampler, and how often it looked. */
export interface LogLength {
  rows: number;
  room: string;
  samples: number;
}

/** A child process that serves one sync server at a time, started and stopped on request. */
export interface ServerProcess {
  request<T>(request: ServerRequest): Promise<T>;
  /** Starts a server in the process; the one before must have been stopped. */
  serve(kind: 'hub' | 'reference', options?: { unlimited?: boolean }): Promise<RemoteServer>;
  /** Ends the child (killing it if it does not leave) and removes every hub folder left. */
  dispose(): Promise<void>;
}

/** A sync server running in a ServerProcess. */
export interface RemoteServer extends SyncServer {
  kind: 'hub' | 'reference';
  /** The hub's database file, kept after stop() until remove(); '' for the reference. */
  dbPath: string;
  request<T>(request: ServerRequest): Promise<T>;
  /** Removes the hub's database folder (after stop()). */
  remove(): void;
}

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'serverProcess.ts');
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every child still alive, killed if the bench process exits with them running. */
const alive = new Set<ChildProcess>();
/** Every hub folder not yet removed, removed if the bench process exits first. */
const hubDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A child also leaves by itself when its IPC channel closes (see serverProcess.ts).
  process.on('exit', () => {
    for (const child of alive) child.kill('SIGKILL');
    for (const dir of hubDirs) rmSync(dir, { recursive: true, force: true });
  });
}

/**
 * Forks serverProcess.ts with tsx and --expose-gc (extra V8 flags, e.g. --cpu-prof, come
 * from GALLEY_SYNC_SERVER_FLAGS). Loading the server's modules through tsx takes seconds
 * on a busy machine, so a replay keeps one process per kind of server across its runs.
 */
export async function spawnServerProcess(): Promise<ServerProcess> {
  installExitHook();
  const extra = (process.env.GALLEY_SYNC_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child = fork(ENTRY, [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc', ...extra],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, GALLEY_LOG: 'silent' },
  });
  alive.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => alive.delete(child));

  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  child.on('message', (reply: ServerReply) => {
    if (reply.id === 0) return ready();
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else waiter?.reject(new Error(`server process: ${reply.error}`));
  });
  void exited.then(() => {
    for (const waiter of pending.values()) waiter.reject(new Error('server process exited'));
    pending.clear();
  });
  const request = <T>(message: ServerRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return reject(new Error('server process has exited'));
      }
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...message, id });
    });

  const dirs = new Set<string>();
  const removeDir = (dir: string) => {
    rmSync(dir, { recursive: true, force: true });
    dirs.delete(dir);
    hubDirs.delete(dir);
  };
  let disposing: Promise<void> | undefined;
  const dispose = () =>
    (disposing ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // The child stops its server and exits when the IPC channel closes.
        if (child.connected) child.disconnect();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      for (const dir of [...dirs]) removeDir(dir);
    })());
  try {
    await withTimeout(
      Promise.race([
        readyPromise,
        exited.then(() => {
          throw new Error('server process exited during start-up');
        }),
      ]),
      60_000,
      'the server process to start',
    );
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    request,
    dispose,
    async serve(kind, options = {}) {
      const dir = kind === 'hub' ? makeHubDir() : '';
      if (dir !== '') {
        dirs.add(dir);
        hubDirs.add(dir);
      }
      const url = await request<string>(
        kind === 'hub'
          ? { op: 'start', kind, dir, unlimited: options.unlimited ?? false }
          : { op: 'start', kind },
      );
      return {
        kind,
        url,
        dbPath: dir === '' ? '' : path.join(dir, 'bench.db'),
        request,
        stop: () => request<null>({ op: 'stop' }).then(() => {}),
        remove: () => {
          if (dir !== '') removeDir(dir);
        },
      };
    },
  };
}

/** Runs `fn` with a fresh server process serving `kind`; the process ends afterwards. */
export async function withRemoteServer<T>(
  kind: 'hub' | 'reference',
  fn: (server: RemoteServer) => Promise<T>,
): Promise<T> {
  const child = await spawnServerProcess();
  try {
    return await fn(await child.serve(kind));
  } finally {
    await child.dispose();
  }
}
