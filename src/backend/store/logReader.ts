import type Database from 'better-sqlite3';
import { sqliteCode, StoreError } from './StoreError.ts';

/**
 * Reads a room's whole update log in one statement. A long log is tens of thousands of
 * tiny rows, and better-sqlite3 spends more time making one Buffer per row than SQLite
 * spends finding them, so SQLite concatenates the blobs into a single one and reports
 * the lengths and seqs as text; the updates are then views into that one buffer.
 */

/** A room's log in seq order. */
export interface RoomLog {
  seqs: number[];
  updates: Uint8Array[];
  /** Sum of the updates' sizes. */
  bytes: number;
}

export class LogReader {
  private readonly concatenated: Database.Statement<[string]>;
  private readonly perRow: Database.Statement<[string]>;

  constructor(
    db: Database.Database,
    private readonly file: string,
  ) {
    // No ORDER BY inside group_concat: it would sort through a temporary b-tree (4x
    // slower); the scan of the primary key already yields seq order, and `read` checks
    // that it did before trusting it.
    this.concatenated = db
      .prepare(
        `SELECT count(*), CAST(group_concat(data, '') AS BLOB), group_concat(length(data), ','),
          group_concat(seq, ',')
        FROM updates WHERE room = ?`,
      )
      .raw();
    this.perRow = db.prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq').raw();
  }

  /** The room's log (empty when it has none), in one short read. */
  read(room: string): RoomLog {
    let row: unknown;
    try {
      row = this.concatenated.get(room);
    } catch (error) {
      // Past SQLite's (or V8's) largest string: read row by row instead.
      if (sqliteCode(error) === 'SQLITE_TOOBIG') return this.readPerRow(room);
      throw error;
    }
    const [count, blob, lengthsText, seqsText]: unknown[] = Array.isArray(row) ? row : [];
    if (count === 0) return { seqs: [], updates: [], bytes: 0 };
    if (
      typeof count !== 'number' ||
      !(blob instanceof Uint8Array) ||
      typeof lengthsText !== 'string' ||
      typeof seqsText !== 'string'
    ) {
      return this.readPerRow(room);
    }
    const lengths = lengthsText.split(',').map(Number);
    const seqs = seqsText.split(',').map(Number);
    // Any doubt about order or byte boundaries (a future query plan, a text encoding
    // that altered the bytes): fall back to the plain, ordered read.
    if (
      lengths.length !== count ||
      seqs.length !== count ||
      !isIncreasing(seqs) ||
      sum(lengths) !== blob.byteLength
    ) {
      return this.readPerRow(room);
    }
    const updates = new Array<Uint8Array>(count);
    let offset = 0;
    for (let i = 0; i < count; i += 1) {
      const length = lengths[i] ?? 0;
      updates[i] = blob.subarray(offset, offset + length);
      offset += length;
    }
    return { seqs, updates, bytes: blob.byteLength };
  }

  private readPerRow(room: string): RoomLog {
    const log: RoomLog = { seqs: [], updates: [], bytes: 0 };
    for (const row of this.perRow.all(room)) {
      const [seq, data]: unknown[] = Array.isArray(row) ? row : [];
      if (typeof seq !== 'number' || !(data instanceof Uint8Array)) {
        throw new StoreError(
          'corrupt',
          `Galley cannot read ${this.file}: an update row of room ${room} is malformed`,
        );
      }
      log.seqs.push(seq);
      log.updates.push(data);
      log.bytes += data.byteLength;
    }
    return log;
  }
}

function isIncreasing(values: number[]): boolean {
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? NaN;
    if (!Number.isSafeInteger(value) || (i > 0 && value <= (values[i - 1] ?? NaN))) return false;
  }
  return true;
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
