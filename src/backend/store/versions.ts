import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { VersionInfo } from '../../core/api/contract.ts';
import { RowReader } from './rowReader.ts';
import { StoreError } from './StoreError.ts';

/**
 * Saved versions of an edition: the full Yjs state of each of its rooms at one moment.
 * The store only keeps them; restoring is the service layer's job, and it writes new
 * updates rather than rewriting the log.
 */

export interface NewVersion {
  editionId: string;
  label: string;
  author: string;
  /** true for versions Galley saves by itself (e.g. before a restore). */
  auto: boolean;
  /** Room name to `Y.encodeStateAsUpdate` of that room. */
  rooms: Map<string, Uint8Array>;
}

export class Versions {
  private readonly insertVersion: Database.Statement<
    [string, string, string, string, number, string]
  >;
  private readonly insertRoom: Database.Statement<[string, string, Uint8Array]>;
  private readonly selectList: Database.Statement<[string]>;
  private readonly selectRooms: Database.Statement<[string]>;
  private readonly deleteOne: Database.Statement<[string]>;
  private readonly selectAll: Database.Statement<[]>;
  private readonly createTx: Database.Transaction<
    (info: VersionInfo, rooms: Map<string, Uint8Array>) => void
  >;

  constructor(
    db: Database.Database,
    private readonly file: string,
    private readonly now: () => Date,
  ) {
    this.insertVersion = db.prepare(
      'INSERT INTO versions (id, edition_id, label, author, auto, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertRoom = db.prepare(
      'INSERT INTO version_rooms (version_id, room, state) VALUES (?, ?, ?)',
    );
    // rowid breaks ties: two versions saved within the same millisecond (or under a fixed
    // test clock) still list in the order they were made.
    this.selectList = db.prepare(`
      SELECT id, edition_id AS editionId, label, author, auto, created_at AS createdAt
      FROM versions WHERE edition_id = ? ORDER BY created_at DESC, rowid DESC`);
    this.selectRooms = db
      .prepare('SELECT room, state FROM version_rooms WHERE version_id = ?')
      .raw();
    this.deleteOne = db.prepare('DELETE FROM versions WHERE id = ?');
    this.selectAll = db.prepare(`
      SELECT id, edition_id AS editionId, label, author, auto, created_at AS createdAt
      FROM versions ORDER BY created_at, rowid`);
    this.createTx = db.transaction((info: VersionInfo, rooms: Map<string, Uint8Array>) => {
      this.insertVersion.run(
        info.id,
        info.editionId,
        info.label,
        info.author,
        info.auto ? 1 : 0,
        info.createdAt,
      );
      for (const [room, state] of rooms) this.insertRoom.run(info.id, room, state);
    });
  }

  /** Saves a version with all its rooms in one transaction. */
  create(input: NewVersion): VersionInfo {
    checkRooms(input.editionId, input.rooms);
    const info: VersionInfo = {
      id: randomUUID(),
      editionId: input.editionId,
      label: input.label,
      author: input.author,
      auto: input.auto,
      createdAt: this.now().toISOString(),
    };
    this.createTx(info, input.rooms);
    return info;
  }

  /** An edition's versions, newest first. */
  list(editionId: string): VersionInfo[] {
    return this.selectList.all(editionId).map((row) => this.parse(row));
  }

  /** Every version of every edition, oldest first (the order to copy them in). */
  all(): VersionInfo[] {
    return this.selectAll.all().map((row) => this.parse(row));
  }

  /** Writes a version as it is (id, author and time included), for copying a store. */
  import(info: VersionInfo, rooms: Map<string, Uint8Array>): void {
    checkRooms(info.editionId, rooms);
    this.createTx(info, rooms);
  }

  private parse(row: unknown): VersionInfo {
    const r = RowReader.of(row, this.file, 'a versions row');
    return {
      id: r.text('id'),
      editionId: r.text('editionId'),
      label: r.text('label'),
      author: r.text('author'),
      auto: r.integer('auto') === 1,
      createdAt: r.text('createdAt'),
    };
  }

  /** The saved room states of a version (empty when there is no such version). */
  rooms(versionId: string): Map<string, Uint8Array> {
    const rooms = new Map<string, Uint8Array>();
    for (const row of this.selectRooms.all(versionId)) {
      const [room, state]: unknown[] = Array.isArray(row) ? row : [];
      if (typeof room !== 'string' || !(state instanceof Uint8Array)) {
        throw this.corrupt(`a room of version ${versionId} is malformed`);
      }
      rooms.set(room, state);
    }
    return rooms;
  }

  /** Deletes a version and its room states; false when there was no such version. */
  delete(versionId: string): boolean {
    return this.deleteOne.run(versionId).changes > 0;
  }

  private corrupt(why: string): StoreError {
    return new StoreError('corrupt', `Galley cannot read ${this.file}: ${why}`);
  }
}

/** Throws `invalid-input` unless every room has a name and a state. */
export function checkRooms(editionId: string, rooms: Map<string, Uint8Array>): void {
  for (const [room, state] of rooms) {
    if (room === '' || !(state instanceof Uint8Array)) {
      throw new StoreError('invalid-input', `Version of ${editionId}: bad state for room ${room}`);
    }
  }
}
