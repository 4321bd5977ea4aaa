/**
 * The store's one error type. Callers branch on `code`; the message is for people and
 * always names the database file, because a user with two libraries needs to know which.
 */

export type StoreErrorCode =
  /** The file is not an SQLite database at all. */
  | 'not-sqlite'
  /** An SQLite database, but some other program's. */
  | 'not-galley'
  /** SQLite reports damage (malformed pages, failed quick_check). */
  | 'corrupt'
  /** Written by a newer Galley: this code must not guess at a schema it does not know. */
  | 'newer-schema'
  /** Another process holds a lock longer than the busy timeout. */
  | 'locked'
  /** The file system refused: permissions, missing folder, disk full. */
  | 'io'
  /** A method was called after `close()`. */
  | 'closed'
  /** The caller passed something the store cannot keep. */
  | 'invalid-input'
  /** A referenced row does not exist. */
  | 'not-found'
  /** The database server cannot be reached (down, restarting, refused the login). */
  | 'unavailable';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` is a StoreError, optionally with the given code. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** The SQLite result code of an error thrown by better-sqlite3 (`SQLITE_BUSY`...), or ''. */
export function sqliteCode(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('code' in error)) return '';
  return typeof error.code === 'string' ? error.code : '';
}

/**
 * Wraps anything thrown while working on `file` into a StoreError. `action` completes the
 * sentence "Galley cannot ..." (e.g. `open /x/y.db`).
 */
export function toStoreError(error: unknown, action: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const fail = (kind: StoreErrorCode, why: string): StoreError =>
    new StoreError(kind, `Galley cannot ${action}: ${why}`, { cause: error });
  // Extended codes (SQLITE_IOERR_LOCK, SQLITE_BUSY_SNAPSHOT...) share the primary prefix.
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return fail('corrupt', `the database is damaged (${detail})`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return fail('locked', `another program is holding the database locked (${detail})`);
  }
  if (code.startsWith('SQLITE_FULL')) return fail('io', `the disk is full (${detail})`);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return fail('io', `the file is read-only (${detail})`);
  }
  if (code.startsWith('SQLITE_CONSTRAINT_FOREIGNKEY')) {
    return fail('not-found', `it refers to a row that does not exist (${detail})`);
  }
  if (code.startsWith('SQLITE_CONSTRAINT') || code.startsWith('SQLITE_TOOBIG')) {
    return fail('invalid-input', detail);
  }
  return fail('io', detail);
}
