import type { Sponsor } from '../../../core/model/sponsor.ts';
import { sponsorFromRow } from '../records.ts';
import type { PgPool } from './pgPool.ts';

/** The sponsor library's table on PostgreSQL, the same rows and order as sponsors.ts. */

const COLUMNS = `id, name, url, disclosure, cta, logo, flight_start AS "flightStart",
  flight_end AS "flightEnd", notes, created_at AS "createdAt", updated_at AS "updatedAt"`;

export class PgSponsors {
  constructor(
    private readonly db: PgPool,
    private readonly location: string,
  ) {}

  /** Every sponsor by name, ignoring ASCII case like SQLite's NOCASE, then id. */
  async list(): Promise<Sponsor[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM sponsors
       ORDER BY translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C", id`,
    );
    return rows.map((row) => sponsorFromRow(row, this.location));
  }

  async get(id: string): Promise<Sponsor | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM sponsors WHERE id = $1`, [id]);
    return row === undefined ? null : sponsorFromRow(row, this.location);
  }

  /** Inserts or replaces a sponsor row (created_at is kept from the first write). */
  async put(s: Sponsor): Promise<void> {
    await this.db.query(
      `INSERT INTO sponsors (id, name, url, disclosure, cta, logo, flight_start, flight_end,
         notes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET
         name = excluded.name, url = excluded.url, disclosure = excluded.disclosure,
         cta = excluded.cta, logo = excluded.logo, flight_start = excluded.flight_start,
         flight_end = excluded.flight_end, notes = excluded.notes,
         updated_at = excluded.updated_at`,
      [
        s.id,
        s.name,
        s.url,
        s.disclosure,
        s.cta,
        s.logo,
        s.flightStart,
        s.flightEnd,
        s.notes,
        s.createdAt,
        s.updatedAt,
      ],
    );
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM sponsors WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }
}
