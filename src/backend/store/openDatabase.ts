import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';
import { StoreError, toStoreError } from './StoreError.ts';
import { vetDatabaseFile } from './vetDatabaseFile.ts';

/**
 * Opens the one SQLite file behind a Store: vets it read-only, then opens it for writing,
 * switches it to WAL and brings the schema up to date.
 */

/**
 * `NORMAL`: in WAL mode a commit is in the WAL (the OS page cache) when it returns and
 * survives a crash of the process; only a power loss or OS crash can roll back the last
 * commits. `FULL` also fsyncs the WAL on every commit, surviving power loss at the cost
 * of one fsync per transaction.
 */
export type Synchronous = 'NORMAL' | 'FULL';

/** How long a statement waits for another process's lock before failing with `locked`. */
export const BUSY_TIMEOUT_MS = 5000;

/** After a checkpoint, a WAL file larger than this is truncated back to it. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating when missing or empty) the database at the absolute path `file`;
 * `nativeBinding` is the better-sqlite3 addon to load (default: node_modules' own).
 */
export function openDatabase(
  file: string,
  synchronous: Synchronous,
  nativeBinding?: string,
): Database.Database {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw toStoreError(error, `create the folder for ${file}`);
  }
  vetDatabaseFile(file, nativeBinding);

  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS, nativeBinding });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode: unknown = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') {
      // Some network file systems cannot share the WAL index; without WAL, readers would
      // block the writer, so refuse rather than run slowly and surprise the user later.
      throw new StoreError(
        'io',
        `Galley cannot open ${file}: the folder does not support SQLite's WAL mode (got ${String(mode)}); keep the database on a local disk`,
      );
    }
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    migrate(db, file);
    return db;
  } catch (error) {
    db?.close();
    throw toStoreError(error, `open ${file}`);
  }
}
