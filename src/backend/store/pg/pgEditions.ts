import type { EditionSummary } from '../../../core/api/contract.ts';
import type { EditionStatus } from '../../../core/model/types.ts';
import type { EditionSummaryInput } from '../editionsIndex.ts';
import { checkEditionSummary, editionSummaryFromRow } from '../records.ts';
import { StoreError } from '../StoreError.ts';
import type { PgPool } from './pgPool.ts';

/** The editions index on PostgreSQL: the same rows and order as editionsIndex.ts. */

const COLUMNS = `id, title, subject, status, number, publish_date AS "publishDate",
  word_count AS "wordCount", section_count AS "sectionCount", created_at AS "createdAt",
  updated_at AS "updatedAt", deleted_at AS "deletedAt", sent_at AS "sentAt"`;

export class PgEditions {
  constructor(
    private readonly db: PgPool,
    private readonly location: string,
    private readonly now: () => Date,
  ) {}

  /** Inserts or refreshes an edition's index row. */
  async upsert(input: EditionSummaryInput): Promise<void> {
    checkEditionSummary(input);
    await this.db.query(
      `INSERT INTO editions (id, title, subject, status, number, publish_date, word_count,
         section_count, created_at, updated_at, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, $12), coalesce($10, $12), $11)
       ON CONFLICT (id) DO UPDATE SET
         title = excluded.title, subject = excluded.subject, status = excluded.status,
         number = excluded.number, publish_date = excluded.publish_date,
         word_count = excluded.word_count, section_count = excluded.section_count,
         sent_at = excluded.sent_at,
         created_at = coalesce($9, editions.created_at), updated_at = excluded.updated_at`,
      [
        input.id,
        input.title,
        input.subject,
        input.status,
        input.number,
        input.publishDate,
        input.wordCount,
        input.sectionCount,
        input.createdAt ?? null,
        input.updatedAt ?? null,
        input.sentAt ?? null,
        this.now().toISOString(),
      ],
    );
  }

  /** An edition's index row, or null. */
  async get(id: string): Promise<EditionSummary | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM editions WHERE id = $1`, [id]);
    return row === undefined ? null : editionSummaryFromRow(row, this.location);
  }

  /** Unscheduled first, then by publish date, number and last change, newest first. */
  async list(
    filter: { status?: EditionStatus; includeDeleted?: boolean } = {},
  ): Promise<EditionSummary[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM editions
       WHERE ($1::text IS NULL OR status = $1) AND ($2 OR deleted_at IS NULL)
       ORDER BY publish_date DESC NULLS FIRST, number DESC NULLS FIRST, updated_at DESC, id`,
      [filter.status ?? null, filter.includeDeleted === true],
    );
    return rows.map((row) => editionSummaryFromRow(row, this.location));
  }

  /** Trashes (keeping a first trash date) or restores; `not-found` for an unknown id. */
  async markDeleted(id: string, deleted: boolean, at?: string): Promise<void> {
    const rows = await this.db.query(
      `UPDATE editions SET deleted_at = CASE WHEN $2 THEN coalesce(deleted_at, $3) END
       WHERE id = $1 RETURNING id`,
      [id, deleted, at ?? this.now().toISOString()],
    );
    if (rows.length === 0) {
      throw new StoreError(
        'not-found',
        `Galley cannot trash edition ${id} in ${this.location}: there is no such edition`,
      );
    }
  }
}
