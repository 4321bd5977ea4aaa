import pg from 'pg';

/**
 * The connection pool and its two ways in: one statement on any connection, or a
 * transaction on one connection. bigint and numeric columns arrive as strings from the
 * driver; the SQL casts counts to int, and `toSeq` reads seqs (bigint) safely.
 */

/** Runs one statement; resolves with its rows. */
export type Query = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;

export class PgPool {
  readonly pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 10,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'galley',
    });
    // An idle connection that dies (the server restarts) is dropped by the pool; without
    // a listener its 'error' event would crash the process.
    this.pool.on('error', () => undefined);
  }

  /** One statement on any pooled connection (autocommit). */
  query: Query = async <R>(sql: string, params: unknown[] = []): Promise<R[]> => {
    const result = await this.pool.query(sql, params);
    return result.rows as R[];
  };

  /** Runs `work` in one transaction on one connection: committed, or rolled back on throw. */
  async transaction<T>(work: (query: Query) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const query: Query = async <R>(sql: string, params: unknown[] = []) =>
        (await client.query(sql, params)).rows as R[];
      const result = await work(query);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        // The connection itself failed: do not return it to the pool.
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async end(): Promise<void> {
    await this.pool.end();
  }
}

/** A bigint column (string from the driver) or an int as a JS number. */
export function toSeq(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new TypeError(`not an integer: ${String(value)}`);
  }
  return n;
}

/** A bytea column as a plain Uint8Array view (the driver gives a Buffer). */
export function toBytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError('not a bytea value');
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
