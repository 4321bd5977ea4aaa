import type Database from 'better-sqlite3';
import type { Sponsor } from '../../core/model/sponsor.ts';
import { sponsorFromRow } from './records.ts';

/**
 * The sponsor library's table. Plain rows: the service layer validates and merges
 * changes; this class only reads and writes them.
 */

/** A sponsor row as written: every field, timestamps included. */
export type SponsorRow = Sponsor;

const COLUMNS = `id, name, url, disclosure, cta, logo, flight_start AS flightStart,
  flight_end AS flightEnd, notes, created_at AS createdAt, updated_at AS updatedAt`;

export class Sponsors {
  private readonly selectAll: Database.Statement<[]>;
  private readonly selectOne: Database.Statement<[string]>;
  private readonly upsertRow: Database.Statement<[SponsorRow]>;
  private readonly deleteRow: Database.Statement<[string]>;

  constructor(
    db: Database.Database,
    private readonly file: string,
  ) {
    this.selectAll = db.prepare(`SELECT ${COLUMNS} FROM sponsors ORDER BY name COLLATE NOCASE, id`);
    this.selectOne = db.prepare(`SELECT ${COLUMNS} FROM sponsors WHERE id = ?`);
    this.upsertRow = db.prepare(`
      INSERT INTO sponsors (id, name, url, disclosure, cta, logo, flight_start, flight_end,
        notes, created_at, updated_at)
      VALUES (@id, @name, @url, @disclosure, @cta, @logo, @flightStart, @flightEnd, @notes,
        @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, url = excluded.url, disclosure = excluded.disclosure,
        cta = excluded.cta, logo = excluded.logo, flight_start = excluded.flight_start,
        flight_end = excluded.flight_end, notes = excluded.notes,
        updated_at = excluded.updated_at`);
    this.deleteRow = db.prepare('DELETE FROM sponsors WHERE id = ?');
  }

  /** Every sponsor, by name. */
  list(): Sponsor[] {
    return this.selectAll.all().map((row) => sponsorFromRow(row, this.file));
  }

  /** One sponsor, or null. */
  get(id: string): Sponsor | null {
    const row: unknown = this.selectOne.get(id);
    return row === undefined ? null : sponsorFromRow(row, this.file);
  }

  /** Inserts or replaces a sponsor row (created_at is kept from the first write). */
  put(row: SponsorRow): void {
    this.upsertRow.run(row);
  }

  /** Deletes a sponsor; false when there was none. */
  delete(id: string): boolean {
    return this.deleteRow.run(id).changes > 0;
  }
}
