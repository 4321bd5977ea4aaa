import type { SearchHit } from '../../../core/api/contract.ts';
import { searchTerms } from '../ftsQuery.ts';
import { RowReader } from '../rowReader.ts';
import { SNIPPET_MARK, type SearchEntry } from '../searchIndex.ts';
import { StoreError } from '../StoreError.ts';
import type { PgPool } from './pgPool.ts';

/**
 * Full-text search on PostgreSQL (tsvector, 'simple' configuration: no stemming, like
 * SQLite's unicode61). No user text is ever parsed as tsquery syntax: each word goes
 * through `phraseto_tsquery` (which reads plain text), and the last word, a prefix since
 * the user may still be typing it, is split into lexemes by `to_tsvector` and each lexeme
 * quoted before it becomes `'lexeme':*`.
 */

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
/** Weights D, C, B (text), A (title): a title match counts 4x, as in the SQLite ranking. */
const WEIGHTS = '{0.1, 0.1, 0.25, 1.0}';
const HEADLINE = `StartSel="${SNIPPET_MARK.open}", StopSel="${SNIPPET_MARK.close}", MaxWords=12, MinWords=4, ShortWord=0`;

/**
 * `'lexeme':*` for each lexeme of the parameter, in order and adjacent (like the quoted
 * phrase SQLite gets): a prefix match whose user text cannot be read as syntax.
 */
function prefixQuery(param: string): string {
  return `coalesce((SELECT string_agg(
      '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''':*', ' <-> '
      ORDER BY positions[1])
    FROM unnest(to_tsvector('simple', ${param}))), '')::tsquery`;
}

export class PgSearch {
  constructor(
    private readonly db: PgPool,
    private readonly location: string,
  ) {}

  /** Replaces an edition's entries in one transaction; `not-found` before its summary. */
  async replace(editionId: string, entries: SearchEntry[]): Promise<void> {
    for (const entry of entries) {
      if (typeof entry.title !== 'string' || typeof entry.text !== 'string') {
        throw new StoreError(
          'invalid-input',
          `Search entry of ${editionId}: title and text must be strings`,
        );
      }
    }
    await this.db.transaction(async (query) => {
      // FOR UPDATE: a concurrent delete of the edition cannot slip in between.
      const found = await query('SELECT 1 FROM editions WHERE id = $1 FOR UPDATE', [editionId]);
      if (found.length === 0) {
        throw new StoreError(
          'not-found',
          `Galley cannot index edition ${editionId} in ${this.location}: index its summary first`,
        );
      }
      await query('DELETE FROM search_entries WHERE edition_id = $1', [editionId]);
      if (entries.length === 0) return;
      await query(
        `INSERT INTO search_entries (edition_id, section_id, title, text)
         SELECT $1, s, t, x FROM unnest($2::text[], $3::text[], $4::text[]) AS u (s, t, x)`,
        [
          editionId,
          entries.map((e) => e.sectionId),
          entries.map((e) => e.title),
          entries.map((e) => e.text),
        ],
      );
    });
  }

  /** An edition's entries in the order given. */
  async entries(editionId: string): Promise<SearchEntry[]> {
    const rows = await this.db.query(
      `SELECT section_id AS "sectionId", title, text FROM search_entries
       WHERE edition_id = $1 ORDER BY id`,
      [editionId],
    );
    return rows.map((row) => {
      const r = RowReader.of(row, this.location, 'a search entry');
      return { sectionId: r.textOrNull('sectionId'), title: r.text('title'), text: r.text('text') };
    });
  }

  /** Entries matching every word (the last as a prefix), best first; trash excluded. */
  async search(input: string, limit = DEFAULT_LIMIT): Promise<SearchHit[]> {
    const terms = searchTerms(input);
    if (terms.length === 0) return [];
    const capped = Math.min(Math.max(1, Math.trunc(limit) || DEFAULT_LIMIT), MAX_LIMIT);
    const parts = terms.map((_, i) =>
      i === terms.length - 1 ? prefixQuery(`$${i + 2}`) : `phraseto_tsquery('simple', $${i + 2})`,
    );
    // The snippet comes from the title when the title alone matches, else from the text.
    const rows = await this.db.query(
      `WITH q AS (SELECT (${parts.join(' && ')}) AS query)
       SELECT s.edition_id AS "editionId", s.section_id AS "sectionId", s.title,
         CASE WHEN to_tsvector('simple', s.title) @@ q.query
           THEN ts_headline('simple', s.title, q.query, '${HEADLINE}')
           ELSE ts_headline('simple', s.text, q.query, '${HEADLINE}') END AS snippet
       FROM q, search_entries AS s JOIN editions AS e ON e.id = s.edition_id
       WHERE numnode(q.query) > 0 AND s.doc @@ q.query AND e.deleted_at IS NULL
       ORDER BY ts_rank('${WEIGHTS}', s.doc, q.query) DESC, s.id
       LIMIT $1`,
      [capped, ...terms],
    );
    return rows.map((row) => {
      const r = RowReader.of(row, this.location, 'a search hit');
      return {
        editionId: r.text('editionId'),
        sectionId: r.textOrNull('sectionId'),
        title: r.text('title'),
        snippet: r.text('snippet'),
      };
    });
  }
}
