import { homedir } from 'node:os';
import { join } from 'node:path';

/** The platform's user-data folder for Galley (the same folder Electron's `userData` uses). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Galley');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Galley');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Galley');
}

/** The database path: an explicit `--db`, else `GALLEY_DB`, else galley.db in the data folder. */
export function resolveDbPath(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return explicit || env.GALLEY_DB || join(defaultDataDir(env), 'galley.db');
}

/**
 * The store spec (a SQLite file path or a postgres:// URL): `--store`, else `--db`, else
 * `GALLEY_STORE`, else `GALLEY_DB`, else galley.db in the data folder. Throws when both
 * `--store` and `--db` are given: two answers to one question.
 */
export function resolveStoreSpec(
  flags: { store?: string; db?: string },
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (flags.store && flags.db) throw new Error('give --store or --db, not both');
  return flags.store || flags.db || env.GALLEY_STORE || resolveDbPath(undefined, env);
}
