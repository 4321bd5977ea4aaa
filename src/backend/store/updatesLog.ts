import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { LogReader, type RoomLog } from './logReader.ts';
import { sqliteCode, StoreError } from './StoreError.ts';

/**
 * The append-only Yjs update log, one row per update, numbered per room. Appends are the
 * hot path (one per keystroke), so they are a single cached statement in autocommit mode;
 * merging the log (compaction) happens when a room is loaded, or when the hub that holds
 * the room open asks for it (compactTo), never on append.
 */

export interface CompactResult {
  room: string;
  /** Rows merged into one; 0 when there was nothing to do. */
  rowsBefore: number;
  bytesBefore: number;
  bytesAfter: number;
}

/** A room's log loaded into a doc, and where the log stood when it was read. */
export interface LoadedLog {
  doc: Y.Doc;
  /** The highest seq whose update is in `doc` (every row up to it is); 0 for no log. */
  seq: number;
  /** Rows and bytes of the log as read (one row after a compaction at load). */
  rows: number;
  bytes: number;
}

/** The size of a room's log. */
export interface LogStats {
  rows: number;
  bytes: number;
}

export class UpdatesLog {
  private readonly insertNext: Database.Statement<{ room: string; data: Uint8Array }>;
  private readonly insertAt: Database.Statement<[string, number, Uint8Array]>;
  private readonly maxSeq: Database.Statement<[string]>;
  private readonly reader: LogReader;
  private readonly countRoom: Database.Statement<[string]>;
  private readonly countUpTo: Database.Statement<[string, number]>;
  private readonly statsUpTo: Database.Statement<[string, number]>;
  private readonly deleteUpTo: Database.Statement<[string, number]>;
  private readonly selectRooms: Database.Statement<{ prefix: string }>;
  private readonly selectLongRooms: Database.Statement<[number]>;
  private readonly selectSince: Database.Statement<[string, number]>;
  private readonly appendManyTx: Database.Transaction<
    (room: string, list: Uint8Array[]) => number[]
  >;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly compactThreshold: number,
  ) {
    // One statement picks the seq and inserts, so even a single append is atomic without
    // an explicit transaction.
    this.insertNext = db
      .prepare(
        `
      INSERT INTO updates (room, seq, data)
      VALUES (@room, (SELECT coalesce(max(seq), 0) + 1 FROM updates WHERE room = @room), @data)
      RETURNING seq`,
      )
      .pluck();
    this.insertAt = db.prepare('INSERT INTO updates (room, seq, data) VALUES (?, ?, ?)');
    this.maxSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM updates WHERE room = ?').pluck();
    this.reader = new LogReader(db, file);
    this.countRoom = db.prepare('SELECT count(*) FROM updates WHERE room = ?').pluck();
    this.countUpTo = db.prepare('SELECT count(*) FROM updates WHERE room = ? AND seq <= ?').pluck();
    this.statsUpTo = db
      .prepare(
        'SELECT count(*), coalesce(sum(length(data)), 0) FROM updates WHERE room = ? AND seq <= ?',
      )
      .raw();
    this.deleteUpTo = db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?');
    this.selectRooms = db
      .prepare(
        `
      SELECT DISTINCT room FROM updates
      WHERE room >= @prefix AND substr(room, 1, length(@prefix)) = @prefix ORDER BY room`,
      )
      .pluck();
    this.selectLongRooms = db
      .prepare('SELECT room FROM updates GROUP BY room HAVING count(*) >= ? ORDER BY room')
      .pluck();
    this.selectSince = db.prepare(
      'SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq',
    );
    this.appendManyTx = db.transaction((room: string, list: Uint8Array[]) => {
      let seq = this.number(this.maxSeq.get(room));
      return list.map((data) => {
        seq += 1;
        this.insertAt.run(room, seq, data);
        return seq;
      });
    });
  }

  /** Appends one update; it is committed when this returns. Returns its seq. */
  append(room: string, data: Uint8Array): number {
    checkRoom(room);
    checkUpdate(data);
    return this.number(this.insertNext.get({ room, data }));
  }

  /** Appends several updates in one transaction; returns their seqs in order. */
  appendMany(room: string, list: Uint8Array[]): number[] {
    checkRoom(room);
    list.forEach(checkUpdate);
    if (list.length === 0) return [];
    // IMMEDIATE: the transaction reads max(seq) before writing; a deferred one could fail
    // to upgrade its lock when another process wrote in between.
    return this.appendManyTx.immediate(room, list);
  }

  /** The room's whole log as one V1 update, or null when the room has no log. */
  load(room: string): Uint8Array | null {
    const log = this.reader.read(room);
    const [only] = log.updates;
    if (only === undefined) return null;
    if (log.updates.length === 1) return only;
    const state = Y.encodeStateAsUpdate(this.docFrom(room, log));
    this.compactIfLong(room, log, state);
    return state;
  }

  /** A new Y.Doc holding the room's log (empty when the room has no log). */
  loadDoc(room: string): Y.Doc {
    return this.loadLive(room).doc;
  }

  /** Like loadDoc, and says up to which seq the doc holds the log, for compactTo later. */
  loadLive(room: string): LoadedLog {
    const log = this.reader.read(room);
    const doc = this.docFrom(room, log);
    const seq = log.seqs.at(-1) ?? 0;
    if (log.updates.length > this.compactThreshold) {
      const state = Y.encodeStateAsUpdate(doc);
      if (this.compactIfLong(room, log, state)) {
        return { doc, seq, rows: 1, bytes: state.byteLength };
      }
    }
    return { doc, seq, rows: log.seqs.length, bytes: log.bytes };
  }

  /** Number of rows in the room's log. */
  /** Rows above `afterSeq`, in seq order: what a reader that has seen up to it missed. */
  since(room: string, afterSeq: number): { seq: number; data: Uint8Array }[] {
    checkRoom(room);
    return this.selectSince.all(room, afterSeq).map((row) => {
      const { seq, data } = row as { seq: unknown; data: unknown };
      if (!(data instanceof Uint8Array)) {
        throw this.corrupt(`row ${String(seq)} of ${room} holds no update`);
      }
      return { seq: this.number(seq), data: new Uint8Array(data) };
    });
  }

  length(room: string): number {
    return this.number(this.countRoom.get(room));
  }

  /** Rows and bytes of the room's log, read from the file (other writers included). */
  stats(room: string): LogStats {
    return this.statsAt(room, Number.MAX_SAFE_INTEGER);
  }

  /** Rooms that have a log, sorted, optionally only those starting with `prefix`. */
  rooms(prefix = ''): string[] {
    return this.selectRooms.all({ prefix }).map((room) => {
      if (typeof room !== 'string') throw this.corrupt('a room name is not text');
      return room;
    });
  }

  /** Merges the room's whole log into one row, in one transaction. */
  compact(room: string): CompactResult {
    return this.db
      .transaction(() => {
        const log = this.reader.read(room);
        const last = log.seqs.at(-1);
        if (last === undefined || log.seqs.length === 1) {
          return { room, rowsBefore: 0, bytesBefore: log.bytes, bytesAfter: log.bytes };
        }
        const state = Y.encodeStateAsUpdate(this.docFrom(room, log));
        this.replace(room, last, state);
        return {
          room,
          rowsBefore: log.seqs.length,
          bytesBefore: log.bytes,
          bytesAfter: state.byteLength,
        };
      })
      .immediate();
  }

  /**
   * Replaces the room's rows up to `seq` by `state`, in one transaction; rows above `seq`
   * (appended after the caller took its state) stay as they are. The caller vouches that
   * `state` holds every update up to `seq`: the hub passes its live doc, which holds
   * every update it appended, and only while no other writer appended to the room.
   */
  compactTo(room: string, seq: number, state: Uint8Array): CompactResult {
    checkRoom(room);
    checkUpdate(state);
    if (!Number.isSafeInteger(seq) || seq < 1) {
      throw new StoreError('invalid-input', `compactTo: ${seq} is not a seq`);
    }
    return this.db
      .transaction((): CompactResult => {
        const before = this.statsAt(room, seq);
        if (before.rows < 2) {
          return { room, rowsBefore: 0, bytesBefore: before.bytes, bytesAfter: before.bytes };
        }
        this.replace(room, seq, state);
        return {
          room,
          rowsBefore: before.rows,
          bytesBefore: before.bytes,
          bytesAfter: state.byteLength,
        };
      })
      .immediate();
  }

  /** Compacts every room whose log has at least `minRows` rows, one transaction each. */
  compactAll(minRows = this.compactThreshold + 1): CompactResult[] {
    const rooms = this.selectLongRooms
      .all(Math.max(2, minRows))
      .filter((room): room is string => typeof room === 'string');
    return rooms.map((room) => this.compact(room));
  }

  /**
   * Replaces the rows that were read with their merged state, unless another connection
   * changed them since (then it compacted them itself, and nothing is lost either way).
   */
  private compactIfLong(room: string, log: RoomLog, state: Uint8Array): boolean {
    const last = log.seqs.at(-1);
    if (last === undefined || log.seqs.length <= this.compactThreshold) return false;
    try {
      return this.db
        .transaction(() => {
          // Appends only ever add seqs above the current max and compaction only removes
          // rows, so an unchanged count up to `last` means the very same rows.
          if (this.number(this.countUpTo.get(room, last)) !== log.seqs.length) return false;
          this.replace(room, last, state);
          return true;
        })
        .immediate();
    } catch (error) {
      // The load itself succeeded; compaction only saves space and the next load retries
      // it. A busy writer elsewhere or a full disk must not make the room unloadable.
      const code = sqliteCode(error);
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_FULL')) throw error;
      return false;
    }
  }

  private statsAt(room: string, seq: number): LogStats {
    const row: unknown = this.statsUpTo.get(room, seq);
    const [rows, bytes]: unknown[] = Array.isArray(row) ? row : [];
    return { rows: this.number(rows), bytes: this.number(bytes) };
  }

  /** Keeps the last seq for the merged row, so seqs stay increasing for later appends. */
  private replace(room: string, lastSeq: number, state: Uint8Array): void {
    this.deleteUpTo.run(room, lastSeq);
    this.insertAt.run(room, lastSeq, state);
  }

  /**
   * Applies the updates one by one inside a single transaction; compaction then stores
   * `Y.encodeStateAsUpdate` of this doc. Not `Y.mergeUpdates`: it re-sorts all its
   * readers for every struct, which took over seven minutes for a 100,000-keystroke log,
   * and its output (which keeps deleted text) was 6x the size of the doc's own encoding.
   */
  private docFrom(room: string, log: RoomLog): Y.Doc {
    const doc = new Y.Doc();
    doc.transact(() => {
      log.updates.forEach((update, i) => {
        try {
          Y.applyUpdate(doc, update);
        } catch (error) {
          const seq = log.seqs[i] ?? '?';
          throw this.corrupt(`update ${seq} of room ${room} is not a valid Yjs update`, error);
        }
      });
    });
    return doc;
  }

  private number(value: unknown): number {
    if (typeof value !== 'number') throw this.corrupt('a count or seq is not a number');
    return value;
  }

  private corrupt(why: string, cause?: unknown): StoreError {
    return new StoreError('corrupt', `Galley cannot read ${this.file}: ${why}`, { cause });
  }
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
