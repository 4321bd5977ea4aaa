import fs from 'node:fs';
import Database from 'better-sqlite3';
import { GALLEY_APPLICATION_ID, SCHEMA_VERSION } from './migrations.ts';
import { StoreError, toStoreError } from './StoreError.ts';

/**
 * Looks at a database file before Galley writes to it. A file Galley cannot use must come
 * out of a failed open exactly as it went in, so that the user (or a recovery tool) still
 * has every byte: no WAL switch, no migration, no stray -wal/-shm files.
 */

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** SQLite creates these beside a WAL-mode file, even for a read-only connection. */
const SIDECARS = ['-wal', '-shm'] as const;

export type FileState = 'new' | 'existing';

/**
 * Says whether `file` is a new database (missing or empty) or an existing Galley database
 * that is safe to open; throws one StoreError otherwise and leaves the file untouched.
 * `nativeBinding` is the better-sqlite3 addon to use, as in openDatabase.
 */
export function vetDatabaseFile(file: string, nativeBinding?: string): FileState {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return 'new';
    throw toStoreError(error, `open ${file}`);
  }
  if (stat.isDirectory()) {
    throw new StoreError('io', `Galley cannot open ${file}: it is a folder, not a database file`);
  }
  if (stat.size === 0) return 'new';

  // SQLite itself would only say "file is not a database"; reading the header first gives
  // a plain message and guarantees SQLite never touches a file that is not its own.
  if (!readHeader(file).equals(SQLITE_MAGIC)) {
    throw new StoreError(
      'not-sqlite',
      `Galley cannot open ${file}: it is not a Galley database (not an SQLite file)`,
    );
  }

  const existingSidecars = new Set(SIDECARS.filter((suffix) => fs.existsSync(file + suffix)));
  try {
    const db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      timeout: 5000,
      nativeBinding,
    });
    try {
      inspect(db, file);
    } finally {
      db.close();
    }
    return 'existing';
  } catch (error) {
    // A read-only connection to a WAL-mode file creates -wal and -shm and leaves them. No
    // other connection existed when they were missing, so nothing else relies on them.
    for (const suffix of SIDECARS) {
      if (!existingSidecars.has(suffix)) fs.rmSync(file + suffix, { force: true });
    }
    throw toStoreError(error, `open ${file}`);
  }
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(SQLITE_MAGIC.length);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw toStoreError(error, `open ${file}`);
  }
  return header;
}

/** Checks schema version, ownership and page integrity through a read-only connection. */
function inspect(db: Database.Database, file: string): void {
  const version = pragmaNumber(db, 'user_version');
  const applicationId = pragmaNumber(db, 'application_id');
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      'newer-schema',
      `Galley cannot open ${file}: it was written by a newer version of Galley (schema ${version}, this version knows up to ${SCHEMA_VERSION}); update Galley to open it`,
    );
  }
  const foreignId = applicationId !== 0 && applicationId !== GALLEY_APPLICATION_ID;
  // An unmarked file with tables in it belongs to someone else: migrating it would write
  // Galley's tables into another program's database.
  const foreignTables = version === 0 && applicationId === 0 && countTables(db) > 0;
  if (foreignId || foreignTables) {
    throw new StoreError(
      'not-galley',
      `Galley cannot open ${file}: it is not a Galley database (an SQLite database of another program)`,
    );
  }
  const problems = db
    .prepare('PRAGMA quick_check(5)')
    .pluck()
    .all()
    .map((line) => String(line).replace(/\s*\n\s*/g, ' '));
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new StoreError(
      'corrupt',
      `Galley cannot open ${file}: the database is damaged (${problems.join('; ')}); restore it from a backup`,
    );
  }
}

function pragmaNumber(db: Database.Database, name: string): number {
  const value: unknown = db.pragma(name, { simple: true });
  return typeof value === 'number' ? value : 0;
}

function countTables(db: Database.Database): number {
  const value: unknown = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
  return typeof value === 'number' ? value : 0;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
