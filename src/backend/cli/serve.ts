import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveStoreSpec } from '../paths.ts';
import { mailAccessFromEnvironment } from '../send/mailAccess.ts';
import { BusError } from '../cluster/PgRoomBus.ts';
import { StoreError } from '../store/StoreError.ts';
import { startServer, type RunningServer } from '../web/startServer.ts';

export const SERVE_USAGE = `galley serve [--store PATH|postgres://… | --db PATH] [--host 127.0.0.1] [--port 4800] [--token T | --token-file F]
             [--read-token T] [--static DIR] [--allow-origin URL] [--peer ws://HOST:PORT/sync --peer-token T [--share all|ID,ID]]`;

const SERVE_HELP = `Run the sync hub and the HTTP API (and the workbench, once built) until stopped.

Usage: ${SERVE_USAGE}

  --store SPEC     the store: a SQLite file path, or postgres://USER[:PASS]@HOST:PORT/DB
                   (default: GALLEY_STORE, else GALLEY_DB, else galley.db in the user-data folder)
  --db PATH        the SQLite database file (the same as --store PATH)
  --host H         address to listen on (default 127.0.0.1: only this machine)
  --port N         port (default 4800; 0 picks a free one)
  --token T        the token clients must present (default: a new random one, printed)
  --token-file F   read the token from the first line of a file
  --read-token T   an extra read-only token, for reviewers
  --static DIR     serve this renderer build at / (default: out/renderer when built)
  --allow-origin U a browser origin allowed besides the server's own (e.g. the
                   https://… address of a proxy in front of it); repeatable
  --peer URL       keep shared editions in sync with another hub (ws://HOST:PORT/sync)
  --peer-token T   the token of that hub
  --share WHAT     which editions to share with the peer: all (default) or a comma list of ids

Environment (a flag wins over its variable): GALLEY_DB, GALLEY_TOKEN, GALLEY_TOKEN_FILE,
GALLEY_HOST, GALLEY_PORT.`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** `galley serve`: starts the server and resolves with the exit code once it has stopped. */
export async function runServe(
  args: string[],
  io: Io,
  signals: NodeJS.EventEmitter = process,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        store: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        token: { type: 'string' },
        'token-file': { type: 'string' },
        'read-token': { type: 'string', multiple: true },
        static: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        peer: { type: 'string' },
        'peer-token': { type: 'string' },
        share: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.err(`galley serve: ${(error as Error).message}\nUsage: ${SERVE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(SERVE_HELP);
    return 0;
  }
  // A service manager or a container sets these; a flag given as well wins.
  const fromEnv = (name: string) => (io.env[name] === '' ? undefined : io.env[name]);
  values.host ??= fromEnv('GALLEY_HOST');
  values.port ??= fromEnv('GALLEY_PORT');
  if (values.token === undefined && values['token-file'] === undefined) {
    values.token = fromEnv('GALLEY_TOKEN');
    if (values.token === undefined) values['token-file'] = fromEnv('GALLEY_TOKEN_FILE');
  }
  const port = values.port === undefined ? 4800 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`galley serve: --port must be a number from 0 to 65535, not "${values.port}"`);
    return 2;
  }
  if (values.token !== undefined && values['token-file'] !== undefined) {
    io.err('galley serve: give --token or --token-file, not both');
    return 2;
  }
  for (const origin of values['allow-origin'] ?? []) {
    if (!isOrigin(origin)) {
      io.err(
        `galley serve: --allow-origin takes an origin like https://galley.example.com, not "${origin}"`,
      );
      return 2;
    }
  }
  if ((values.peer === undefined) !== (values['peer-token'] === undefined)) {
    io.err('galley serve: --peer and --peer-token go together');
    return 2;
  }
  let token = values.token;
  if (values['token-file'] !== undefined) {
    try {
      token = readFileSync(values['token-file'], 'utf8').split(/\r?\n/)[0]?.trim();
    } catch (error) {
      io.err(`galley serve: cannot read the token file: ${(error as Error).message}`);
      return 1;
    }
    if (!token) {
      io.err(`galley serve: the token file ${values['token-file']} is empty`);
      return 1;
    }
  }
  let dbPath: string;
  try {
    dbPath = resolveStoreSpec({ store: values.store, db: values.db }, io.env);
  } catch (error) {
    io.err(`galley serve: ${(error as Error).message}\nUsage: ${SERVE_USAGE}`);
    return 2;
  }
  const builtRenderer = join(import.meta.dirname, '../../../out/renderer');
  const staticDir =
    values.static ?? (existsSync(join(builtRenderer, 'index.html')) ? builtRenderer : undefined);

  let running: RunningServer;
  try {
    running = await startServer({
      dbPath,
      host: values.host ?? '127.0.0.1',
      port,
      tokens: token ? [token] : [],
      readOnlyTokens: values['read-token'] ?? [],
      staticDir,
      allowedOrigins: values['allow-origin'] ?? [],
      mail: mailAccessFromEnvironment(io.env),
      peer: values.peer
        ? { url: values.peer, token: values['peer-token']!, share: parseShare(values.share) }
        : undefined,
    });
  } catch (error) {
    if (error instanceof StoreError || error instanceof BusError) {
      io.err(`galley: ${error.message}`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      io.err(`galley serve: cannot listen on ${values.host ?? '127.0.0.1'}:${port} (${code})`);
      return 1;
    }
    throw error;
  }
  const open = `${running.url}/?token=${encodeURIComponent(running.token)}`;
  io.out(
    `Galley is serving ${running.url} (port ${running.port}) · sync ${running.syncUrl} · token ${running.token}` +
      (staticDir ? ` · open ${open}` : ''),
  );

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      signals.off('SIGINT', onInt);
      signals.off('SIGTERM', onTerm);
      io.err(`galley serve: ${signal}, closing (every update is stored before exit)`);
      running.close().then(
        () => resolve(0),
        (error: unknown) => {
          io.err(`galley serve: error while closing: ${String(error)}`);
          resolve(1);
        },
      );
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    signals.on('SIGINT', onInt);
    signals.on('SIGTERM', onTerm);
  });
}

/** True for `scheme://host[:port]` with nothing after it, as browsers send in Origin. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

function parseShare(value: string | undefined): 'all' | string[] {
  if (value === undefined || value === 'all') return 'all';
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
