import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Stand-in until the shared test/helpers/postgres.ts (branch pg-store) is merged.
const BIN = '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL 15 on 127.0.0.1, run as the unprivileged `postgres` user. */
export interface TestPostgres {
  url: string;
  port: number;
  stop(): void;
  start(): void;
  /** Removes the data folder after a stop. */
  remove(): void;
}

function asPostgres(args: string[]): void {
  const run = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...args] : args;
  const result = spawnSync(run[0]!, run.slice(1), { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  }
}

async function freePort(): Promise<number> {
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

/** initdb into a temp folder and start the server; throws with a hint when PostgreSQL is missing. */
export async function startTestPostgres(): Promise<TestPostgres> {
  if (!existsSync(join(BIN, 'initdb'))) {
    throw new Error('PostgreSQL 15 is not installed: apt-get install postgresql-15');
  }
  const dir = mkdtempSync(join(tmpdir(), 'galley-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  asPostgres([join(BIN, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const port = await freePort();
  const ctl = (...args: string[]) => asPostgres([join(BIN, 'pg_ctl'), '-D', data, ...args]);
  const start = () =>
    ctl(
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`,
      'start',
    );
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop: () => ctl('-w', '-m', 'fast', 'stop'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
