import * as Y from 'yjs';
import type { LogRow } from '../GalleyStore.ts';
import { StoreError } from '../StoreError.ts';
import type { CompactResult, LoadedLog, LogStats } from '../updatesLog.ts';
import { LOG_LOCK } from './pgMigrations.ts';
import { toBytes, toSeq, type PgPool, type Query } from './pgPool.ts';

/**
 * The update log on PostgreSQL. Several hubs append to the same room, and a hub that
 * hears "room R has new rows" reads `seq > lastSeq`: that read must never skip a row that
 * commits later with a lower seq. So a room's seqs are assigned under a per-room,
 * transaction-scoped advisory lock held until commit: the next writer of the room reads
 * max(seq) only after the previous one has committed, hence per room seq order is commit
 * order. Compaction takes the same lock, so it never races an append.
 */

interface RoomLog {
  seqs: number[];
  updates: Uint8Array[];
  bytes: number;
}

export class PgLog {
  constructor(
    private readonly db: PgPool,
    private readonly location: string,
    private readonly compactThreshold: number,
  ) {}

  /** Appends updates in one transaction; resolves with their seqs once committed. */
  async append(room: string, list: Uint8Array[]): Promise<number[]> {
    checkRoom(room);
    list.forEach(checkUpdate);
    if (list.length === 0) return [];
    // One statement, one round trip, one implicit transaction: galley_append (see
    // pgMigrations.ts) takes the room's lock, then reads max(seq) with a fresh snapshot
    // and inserts; the lock is held until the commit.
    const rows = await this.db.query<{ seq: string }>(
      'SELECT galley_append($1, $2::bytea[]) AS seq',
      [room, list.map((data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength))],
    );
    return rows.map((row) => toSeq(row.seq)).sort((a, b) => a - b);
  }

  /** The room's log as one V1 update (compacting a long log), or null. */
  async load(room: string): Promise<Uint8Array | null> {
    const log = await this.read(this.db.query, room);
    const [only] = log.updates;
    if (only === undefined) return null;
    if (log.updates.length === 1) return only;
    const state = Y.encodeStateAsUpdate(this.docFrom(room, log));
    await this.compactIfLong(room, log, state);
    return state;
  }

  /** The room's doc and the seq it holds the log up to (compacting a long log). */
  async loadLive(room: string): Promise<LoadedLog> {
    const log = await this.read(this.db.query, room);
    const doc = this.docFrom(room, log);
    const seq = log.seqs.at(-1) ?? 0;
    if (log.updates.length > this.compactThreshold) {
      const state = Y.encodeStateAsUpdate(doc);
      if (await this.compactIfLong(room, log, state)) {
        return { doc, seq, rows: 1, bytes: state.byteLength };
      }
    }
    return { doc, seq, rows: log.seqs.length, bytes: log.bytes };
  }

  /** Rows above `afterSeq`, in seq order. */
  async since(room: string, afterSeq: number): Promise<LogRow[]> {
    checkRoom(room);
    const rows = await this.db.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE room = $1 AND seq > $2 ORDER BY seq',
      [room, afterSeq],
    );
    return rows.map((row) => ({ seq: toSeq(row.seq), data: toBytes(row.data) }));
  }

  async stats(room: string, upTo = Number.MAX_SAFE_INTEGER, query = this.db.query) {
    const [row] = await query<{ rows: number; bytes: string }>(
      `SELECT count(*)::int AS rows, coalesce(sum(length(data)), 0)::bigint AS bytes
       FROM updates WHERE room = $1 AND seq <= $2`,
      [room, upTo],
    );
    return { rows: row?.rows ?? 0, bytes: toSeq(row?.bytes ?? 0) } satisfies LogStats;
  }

  /** Rooms that have a log, sorted bytewise, optionally only those starting with `prefix`. */
  async rooms(prefix = ''): Promise<string[]> {
    const rows = await this.db.query<{ room: string }>(
      'SELECT DISTINCT room FROM updates WHERE starts_with(room, $1) ORDER BY room',
      [prefix],
    );
    return rows.map((row) => row.room);
  }

  /** Merges the room's whole log into one row at its highest seq, under the room lock. */
  async compact(room: string): Promise<CompactResult> {
    checkRoom(room);
    return this.db.transaction(async (query) => {
      await lockRoom(query, room);
      const log = await this.read(query, room);
      const last = log.seqs.at(-1);
      if (last === undefined || log.seqs.length === 1) {
        return { room, rowsBefore: 0, bytesBefore: log.bytes, bytesAfter: log.bytes };
      }
      const state = Y.encodeStateAsUpdate(this.docFrom(room, log));
      await replace(query, room, last, state);
      return {
        room,
        rowsBefore: log.seqs.length,
        bytesBefore: log.bytes,
        bytesAfter: state.byteLength,
      };
    });
  }

  /** Replaces rows up to `seq` by `state` (which holds them all); rows above stay. */
  async compactTo(room: string, seq: number, state: Uint8Array): Promise<CompactResult> {
    checkRoom(room);
    checkUpdate(state);
    if (!Number.isSafeInteger(seq) || seq < 1) {
      throw new StoreError('invalid-input', `compactTo: ${seq} is not a seq`);
    }
    return this.db.transaction(async (query) => {
      await lockRoom(query, room);
      const before = await this.stats(room, seq, query);
      if (before.rows < 2) {
        return { room, rowsBefore: 0, bytesBefore: before.bytes, bytesAfter: before.bytes };
      }
      await replace(query, room, seq, state);
      return {
        room,
        rowsBefore: before.rows,
        bytesBefore: before.bytes,
        bytesAfter: state.byteLength,
      };
    });
  }

  /** Compacts every room with at least `minRows` rows, one transaction each. */
  async compactAll(minRows = this.compactThreshold + 1): Promise<CompactResult[]> {
    const rows = await this.db.query<{ room: string }>(
      'SELECT room FROM updates GROUP BY room HAVING count(*) >= $1 ORDER BY room',
      [Math.max(2, Math.min(minRows, 2 ** 31 - 1))],
    );
    const results: CompactResult[] = [];
    for (const { room } of rows) results.push(await this.compact(room));
    return results;
  }

  /** Replaces the rows read with their merged state, unless another hub changed them since. */
  private async compactIfLong(room: string, log: RoomLog, state: Uint8Array): Promise<boolean> {
    const last = log.seqs.at(-1);
    if (last === undefined || log.seqs.length <= this.compactThreshold) return false;
    return this.db.transaction(async (query) => {
      await lockRoom(query, room);
      // Appends only add seqs above the max and compaction only removes rows, so an
      // unchanged count up to `last` means the very same rows.
      const { rows } = await this.stats(room, last, query);
      if (rows !== log.seqs.length) return false;
      await replace(query, room, last, state);
      return true;
    });
  }

  private async read(query: Query, room: string): Promise<RoomLog> {
    checkRoom(room);
    const rows = await query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE room = $1 ORDER BY seq',
      [room],
    );
    const log: RoomLog = { seqs: [], updates: [], bytes: 0 };
    for (const row of rows) {
      const data = toBytes(row.data);
      log.seqs.push(toSeq(row.seq));
      log.updates.push(data);
      log.bytes += data.byteLength;
    }
    return log;
  }

  /** One transaction applies every update (see updatesLog.ts for why not mergeUpdates). */
  private docFrom(room: string, log: RoomLog): Y.Doc {
    const doc = new Y.Doc();
    doc.transact(() => {
      log.updates.forEach((update, i) => {
        try {
          Y.applyUpdate(doc, update);
        } catch (error) {
          throw new StoreError(
            'corrupt',
            `Galley cannot read ${this.location}: update ${log.seqs[i] ?? '?'} of room ${room} is not a valid Yjs update`,
            { cause: error },
          );
        }
      });
    });
    return doc;
  }
}

/** Takes the room's append lock until the transaction ends. */
async function lockRoom(query: Query, room: string): Promise<void> {
  await query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOG_LOCK, room]);
}

/** Keeps the last seq for the merged row, so readers' positions and later seqs stay valid. */
async function replace(query: Query, room: string, lastSeq: number, state: Uint8Array) {
  await query('DELETE FROM updates WHERE room = $1 AND seq <= $2', [room, lastSeq]);
  await query('INSERT INTO updates (room, seq, data) VALUES ($1, $2, $3)', [
    room,
    lastSeq,
    Buffer.from(state.buffer, state.byteOffset, state.byteLength),
  ]);
}

function checkRoom(room: string): void {
  if (typeof room !== 'string' || room.length === 0) {
    throw new StoreError('invalid-input', 'A room name must be a non-empty string');
  }
}

function checkUpdate(data: Uint8Array): void {
  if (!(data instanceof Uint8Array) || data.byteLength === 0) {
    throw new StoreError('invalid-input', 'An update must be a non-empty Uint8Array');
  }
}
