import type Database from 'better-sqlite3';
import type { EditionSummary } from '../../core/api/contract.ts';
import type { EditionStatus } from '../../core/model/types.ts';
import { checkEditionSummary, editionSummaryFromRow } from './records.ts';
import { StoreError } from './StoreError.ts';

/**
 * The editions index: one row per edition, derived from its doc by the service layer so
 * the library can list and sort editions without loading any Yjs doc. The docs stay the
 * source of truth; this table can always be rebuilt from them.
 */

/** What the service derives from an edition doc; dates default to the store's clock. */
export type EditionSummaryInput = Omit<
  EditionSummary,
  'createdAt' | 'updatedAt' | 'deletedAt' | 'sentAt'
> & {
  /** Null (not sent) when omitted. */
  sentAt?: string | null;
  /** Kept from the first upsert when omitted later. */
  createdAt?: string;
  /** Defaults to now. */
  updatedAt?: string;
};

const COLUMNS = `id, title, subject, status, number, publish_date AS publishDate,
  word_count AS wordCount, section_count AS sectionCount, created_at AS createdAt,
  updated_at AS updatedAt, deleted_at AS deletedAt, sent_at AS sentAt`;

export class EditionsIndex {
  private readonly upsertRow: Database.Statement;
  private readonly selectOne: Database.Statement<[string]>;
  private readonly selectList: Database.Statement<{ status: string | null; all: number }>;
  private readonly setDeleted: Database.Statement<{ id: string; deleted: number; now: string }>;

  constructor(
    db: Database.Database,
    private readonly file: string,
    private readonly now: () => Date,
  ) {
    this.upsertRow = db.prepare(`
      INSERT INTO editions (id, title, subject, status, number, publish_date, word_count,
        section_count, created_at, updated_at, sent_at)
      VALUES (@id, @title, @subject, @status, @number, @publishDate, @wordCount,
        @sectionCount, coalesce(@createdAt, @now), coalesce(@updatedAt, @now), @sentAt)
      ON CONFLICT (id) DO UPDATE SET
        title = excluded.title, subject = excluded.subject, status = excluded.status,
        number = excluded.number, publish_date = excluded.publish_date,
        word_count = excluded.word_count, section_count = excluded.section_count,
        sent_at = excluded.sent_at,
        created_at = coalesce(@createdAt, created_at), updated_at = excluded.updated_at`);
    this.selectOne = db.prepare(`SELECT ${COLUMNS} FROM editions WHERE id = ?`);
    // Unscheduled editions (no publish date) are the ones being written now: they lead.
    this.selectList = db.prepare(`
      SELECT ${COLUMNS} FROM editions
      WHERE (@status IS NULL OR status = @status) AND (@all OR deleted_at IS NULL)
      ORDER BY publish_date DESC NULLS FIRST, number DESC NULLS FIRST, updated_at DESC, id`);
    // coalesce: trashing an edition that is already in the trash keeps its first date.
    this.setDeleted = db.prepare(`
      UPDATE editions SET deleted_at = CASE WHEN @deleted THEN coalesce(deleted_at, @now) END
      WHERE id = @id`);
  }

  /** Inserts or refreshes the index row of an edition. */
  upsert(input: EditionSummaryInput): void {
    checkEditionSummary(input);
    this.upsertRow.run({
      id: input.id,
      title: input.title,
      subject: input.subject,
      status: input.status,
      number: input.number,
      publishDate: input.publishDate,
      wordCount: input.wordCount,
      sectionCount: input.sectionCount,
      createdAt: input.createdAt ?? null,
      updatedAt: input.updatedAt ?? null,
      sentAt: input.sentAt ?? null,
      now: this.now().toISOString(),
    });
  }

  /** The index row of an edition, or null when there is none. */
  get(id: string): EditionSummary | null {
    const row: unknown = this.selectOne.get(id);
    return row === undefined ? null : editionSummaryFromRow(row, this.file);
  }

  /** Index rows, scheduled editions by publish date, then number, then last change. */
  list(filter: { status?: EditionStatus; includeDeleted?: boolean } = {}): EditionSummary[] {
    return this.selectList
      .all({ status: filter.status ?? null, all: filter.includeDeleted === true ? 1 : 0 })
      .map((row) => editionSummaryFromRow(row, this.file));
  }

  /**
   * Moves an edition to the trash or back; throws `not-found` for an unknown id. `at`
   * (default now) is the trash date to keep, for copying a store.
   */
  markDeleted(id: string, deleted: boolean, at?: string): void {
    const now = at ?? this.now().toISOString();
    const { changes } = this.setDeleted.run({ id, deleted: deleted ? 1 : 0, now });
    if (changes === 0) {
      throw new StoreError(
        'not-found',
        `Galley cannot trash edition ${id} in ${this.file}: there is no such edition`,
      );
    }
  }
}
