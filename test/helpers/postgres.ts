import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/**
 * A real PostgreSQL server for tests: `initdb` into a temp folder, `postgres` on
 * 127.0.0.1 with a free port, a fresh database per test or file. PostgreSQL refuses to
 * run as root, so as root the folder belongs to the `postgres` user and both programs run
 * through `runuser`. Nothing listens anywhere but 127.0.0.1.
 */

const INSTALL_HINT =
  'PostgreSQL was not found (no initdb in PATH, in `pg_config --bindir` or in /usr/lib/postgresql/*/bin): install it with `apt-get install -y postgresql` on Debian/Ubuntu or `brew install postgresql@15` on macOS.';

const USER = 'galley';

/** Where to look for PostgreSQL (tests of the helper point it at empty places). */
export interface PostgresSearch {
  pgConfig: string;
  debianRoot: string;
  path: string;
}

const DEFAULT_SEARCH: PostgresSearch = {
  pgConfig: 'pg_config',
  debianRoot: '/usr/lib/postgresql',
  path: process.env.PATH ?? '',
};

/** The folder holding initdb and postgres; throws the install sentence when there is none. */
export function findPostgresBin(where: PostgresSearch = DEFAULT_SEARCH): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync(where.pgConfig, ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // No pg_config: look in the Debian folders and PATH instead.
  }
  if (existsSync(where.debianRoot)) {
    const versions = readdirSync(where.debianRoot).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(where.debianRoot, v, 'bin')));
  }
  candidates.push(...where.path.split(':').filter(Boolean));
  const found = candidates.find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')),
  );
  if (found === undefined) throw new Error(INSTALL_HINT);
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A running (or stopped) test server. */
export interface TestPostgres {
  readonly port: number;
  /** The URL of a database on this server (password included: tests only). */
  url(dbName: string): string;
  /** Creates a fresh, empty database and returns its URL. */
  createDatabase(): Promise<string>;
  /** Drops a database made by createDatabase (its files go, so a stop has less to flush). */
  dropDatabase(url: string): Promise<void>;
  /** Stops the server cleanly (fast shutdown); the data folder stays for `start()`. */
  stop(): Promise<void>;
  /** Starts it again on the same folder and port. */
  start(): Promise<void>;
  /** SIGKILLs the server (a crash); `start()` brings it back with crash recovery. */
  kill(): Promise<void>;
  /** Stops it and removes the data folder. */
  destroy(): Promise<void>;
}

/** Starts a PostgreSQL server in a temp folder; fails (never skips) when it is not installed. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  const root = mkdtempSync(join(tmpdir(), 'galley-pg-'));
  const data = join(root, 'data');
  const password = 'galley-test';
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses root: hand the folder to the postgres user and run as it.
  const command = (program: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
      : [join(bin, program), args];
  const pwfile = join(root, 'pwfile');
  writeFileSync(pwfile, `${password}\n`);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const [initProgram, initArgs] = command('initdb', [
    '-D',
    data,
    '-U',
    USER,
    '--pwfile',
    pwfile,
    '--auth',
    'scram-sha-256',
    '--encoding',
    'UTF8',
    '--locale',
    'C',
  ]);
  try {
    execFileSync(initProgram, initArgs, { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${stderr || String(error)}`);
  }
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';

  const url = (dbName: string): string =>
    `postgres://${USER}:${password}@127.0.0.1:${port}/${dbName}`;

  async function waitReady(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const client = new pg.Client({ connectionString: url('postgres') });
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (child === null || child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`PostgreSQL did not start: ${String(error)}\n${output}`);
        }
        await sleep(100);
      }
    }
  }

  async function start(): Promise<void> {
    if (child !== null) return;
    output = '';
    const [program, args] = command('postgres', [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${root}`,
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=32MB',
    ]);
    const started = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.once('exit', () => {
      if (child === started) child = null;
    });
    child = started;
    await waitReady();
  }

  async function signal(sig: NodeJS.Signals): Promise<void> {
    const running = child;
    if (running === null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    // As root the child is runuser, not the postmaster: signal the postmaster itself (its
    // pid file), since runuser does not pass SIGKILL on; runuser exits once it has gone.
    const pidFile = join(data, 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, sig);
    else running.kill(sig);
    await exited;
    child = null;
  }

  let created = 0;
  const server: TestPostgres = {
    port,
    url,
    async createDatabase() {
      created += 1;
      const name = `galley_test_${process.pid}_${created}`;
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async dropDatabase(dbUrl: string) {
      const name = new URL(dbUrl).pathname.slice(1);
      if (!/^galley_test_\d+_\d+$/.test(name)) throw new Error(`not a test database: ${name}`);
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
    start,
    // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, data is flushed.
    stop: () => signal('SIGINT'),
    kill: () => signal('SIGKILL'),
    async destroy() {
      await signal('SIGINT');
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await start();
  } catch (error) {
    await server.destroy();
    throw error;
  }
  return server;
}

/**
 * One PostgreSQL server for this test file, started before its tests and removed after.
 * Returns a getter, valid inside tests and hooks.
 */
export function usePostgres(): () => TestPostgres {
  let server: TestPostgres | null = null;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.destroy();
  }, 60_000);
  return () => {
    if (server === null) throw new Error('usePostgres: the server is not started yet');
    return server;
  };
}
