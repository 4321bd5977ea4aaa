import type Database from 'better-sqlite3';
import type { SearchHit } from '../../core/api/contract.ts';
import { toFtsQuery } from './ftsQuery.ts';
import { RowReader } from './rowReader.ts';
import { StoreError } from './StoreError.ts';

/**
 * Full-text search over editions: one entry per section (and one for the edition's own
 * title, subject and preheader), indexed by FTS5. Trashed editions stay indexed, so that
 * restoring one from the trash needs no re-indexing, and are filtered out at query time.
 */

export interface SearchEntry {
  /** null: the edition's own title/subject/preheader rather than a section. */
  sectionId: string | null;
  title: string;
  text: string;
}

/**
 * Marks around the matched terms in a snippet. Markdown-like so that the CLI prints
 * something readable and the renderer can split on it; section text is plain text
 * (formatting lives in Lexical nodes), so `**` hardly ever occurs in it literally.
 */
export const SNIPPET_MARK = { open: '**', close: '**' } as const;

/** Matches in a title count this many times more than matches in the text. */
const TITLE_WEIGHT = 4;
const SNIPPET_TOKENS = 12;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;

export class SearchIndex {
  private readonly editionExists: Database.Statement<[string]>;
  private readonly deleteEntries: Database.Statement<[string]>;
  private readonly insertEntry: Database.Statement<[string, string | null, string, string]>;
  private readonly query: Database.Statement<{ query: string; limit: number }>;
  private readonly selectEntries: Database.Statement<[string]>;
  private readonly replaceTx: Database.Transaction<(id: string, list: SearchEntry[]) => void>;

  constructor(
    db: Database.Database,
    private readonly file: string,
  ) {
    this.editionExists = db.prepare('SELECT 1 FROM editions WHERE id = ?').pluck();
    this.deleteEntries = db.prepare('DELETE FROM search_entries WHERE edition_id = ?');
    this.insertEntry = db.prepare(
      'INSERT INTO search_entries (edition_id, section_id, title, text) VALUES (?, ?, ?, ?)',
    );
    // snippet column -1: FTS5 picks whichever column (title or text) matched best.
    this.query = db.prepare(`
      SELECT s.edition_id AS editionId, s.section_id AS sectionId, s.title AS title,
        snippet(search_fts, -1, '${SNIPPET_MARK.open}', '${SNIPPET_MARK.close}', '…',
          ${SNIPPET_TOKENS}) AS snippet
      FROM search_fts
      JOIN search_entries AS s ON s.id = search_fts.rowid
      JOIN editions AS e ON e.id = s.edition_id
      WHERE search_fts MATCH @query AND e.deleted_at IS NULL
      ORDER BY bm25(search_fts, ${TITLE_WEIGHT}, 1), s.id
      LIMIT @limit`);
    this.selectEntries = db.prepare(
      'SELECT section_id AS sectionId, title, text FROM search_entries WHERE edition_id = ? ORDER BY id',
    );
    this.replaceTx = db.transaction((editionId: string, list: SearchEntry[]) => {
      if (this.editionExists.get(editionId) === undefined) {
        throw new StoreError(
          'not-found',
          `Galley cannot index edition ${editionId} in ${this.file}: index its summary first`,
        );
      }
      this.deleteEntries.run(editionId);
      for (const entry of list) {
        this.insertEntry.run(editionId, entry.sectionId, entry.title, entry.text);
      }
    });
  }

  /** Replaces all search entries of an edition, in one transaction. */
  replace(editionId: string, entries: SearchEntry[]): void {
    for (const entry of entries) {
      if (typeof entry.title !== 'string' || typeof entry.text !== 'string') {
        throw new StoreError(
          'invalid-input',
          `Search entry of ${editionId}: title and text must be strings`,
        );
      }
    }
    this.replaceTx(editionId, entries);
  }

  /** An edition's search entries as they were given (copying a store). */
  entries(editionId: string): SearchEntry[] {
    return this.selectEntries.all(editionId).map((row) => {
      const r = RowReader.of(row, this.file, 'a search entry');
      return { sectionId: r.textOrNull('sectionId'), title: r.text('title'), text: r.text('text') };
    });
  }

  /** Entries matching every word of `input` (the last as a prefix), best match first. */
  search(input: string, limit = DEFAULT_LIMIT): SearchHit[] {
    const query = toFtsQuery(input);
    if (query === null) return [];
    const capped = Math.min(Math.max(1, Math.trunc(limit) || DEFAULT_LIMIT), MAX_LIMIT);
    return this.query.all({ query, limit: capped }).map((row) => {
      const r = RowReader.of(row, this.file, 'a search hit');
      return {
        editionId: r.text('editionId'),
        sectionId: r.textOrNull('sectionId'),
        title: r.text('title'),
        snippet: r.text('snippet'),
      };
    });
  }
}
