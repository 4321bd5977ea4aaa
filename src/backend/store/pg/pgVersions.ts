import { randomUUID } from 'node:crypto';
import type { VersionInfo } from '../../../core/api/contract.ts';
import { RowReader } from '../rowReader.ts';
import { StoreError } from '../StoreError.ts';
import { checkRooms, type NewVersion } from '../versions.ts';
import { toBytes, type PgPool } from './pgPool.ts';

/** Saved versions on PostgreSQL; `ord` breaks ties of created_at, as SQLite's rowid does. */

const COLUMNS = `id, edition_id AS "editionId", label, author, auto, created_at AS "createdAt"`;

export class PgVersions {
  constructor(
    private readonly db: PgPool,
    private readonly location: string,
    private readonly now: () => Date,
  ) {}

  /** Saves a version with all its rooms in one transaction. */
  async create(input: NewVersion): Promise<VersionInfo> {
    checkRooms(input.editionId, input.rooms);
    const info: VersionInfo = {
      id: randomUUID(),
      editionId: input.editionId,
      label: input.label,
      author: input.author,
      auto: input.auto,
      createdAt: this.now().toISOString(),
    };
    await this.write(info, input.rooms);
    return info;
  }

  /** Writes a version as it is (copying a store). */
  async import(info: VersionInfo, rooms: Map<string, Uint8Array>): Promise<void> {
    checkRooms(info.editionId, rooms);
    await this.write(info, rooms);
  }

  /** An edition's versions, newest first. */
  async list(editionId: string): Promise<VersionInfo[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM versions WHERE edition_id = $1 ORDER BY created_at DESC, ord DESC`,
      [editionId],
    );
    return rows.map((row) => this.parse(row));
  }

  /** Every version, oldest first. */
  async all(): Promise<VersionInfo[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM versions ORDER BY created_at, ord`);
    return rows.map((row) => this.parse(row));
  }

  /** The saved room states of a version (empty for an unknown id). */
  async rooms(versionId: string): Promise<Map<string, Uint8Array>> {
    const rows = await this.db.query<{ room: unknown; state: unknown }>(
      'SELECT room, state FROM version_rooms WHERE version_id = $1',
      [versionId],
    );
    const rooms = new Map<string, Uint8Array>();
    for (const { room, state } of rows) {
      if (typeof room !== 'string' || !(state instanceof Uint8Array)) {
        throw new StoreError(
          'corrupt',
          `Galley cannot read ${this.location}: a room of version ${versionId} is malformed`,
        );
      }
      rooms.set(room, toBytes(state));
    }
    return rooms;
  }

  /** Deletes a version and its rooms; false when there was none. */
  async delete(versionId: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM versions WHERE id = $1 RETURNING id', [
      versionId,
    ]);
    return rows.length > 0;
  }

  private async write(info: VersionInfo, rooms: Map<string, Uint8Array>): Promise<void> {
    await this.db.transaction(async (query) => {
      await query(
        `INSERT INTO versions (id, edition_id, label, author, auto, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [info.id, info.editionId, info.label, info.author, info.auto, info.createdAt],
      );
      if (rooms.size === 0) return;
      await query(
        `INSERT INTO version_rooms (version_id, room, state)
         SELECT $1, r, s FROM unnest($2::text[], $3::bytea[]) AS u (r, s)`,
        [
          info.id,
          [...rooms.keys()],
          [...rooms.values()].map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength)),
        ],
      );
    });
  }

  private parse(row: unknown): VersionInfo {
    const r = RowReader.of(row, this.location, 'a versions row');
    const auto: unknown = Reflect.get(row as object, 'auto');
    if (typeof auto !== 'boolean') {
      throw new StoreError(
        'corrupt',
        `Galley cannot read ${this.location}: a version's auto flag is not a boolean`,
      );
    }
    return {
      id: r.text('id'),
      editionId: r.text('editionId'),
      label: r.text('label'),
      author: r.text('author'),
      auto,
      createdAt: r.text('createdAt'),
    };
  }
}
