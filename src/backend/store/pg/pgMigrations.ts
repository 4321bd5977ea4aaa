import { StoreError } from '../StoreError.ts';
import type { PgPool } from './pgPool.ts';

/**
 * The PostgreSQL schema, as forward-only steps like the SQLite one: `galley_schema` holds
 * the last step applied, and a step is never edited once released. Several hubs may open
 * the same new database at once, so each step runs in a transaction holding an advisory
 * lock: the second hub waits, then finds the step done.
 */

/** Advisory lock key space for migrations (two-int form: class, object). */
const MIGRATION_LOCK = 0x47616c6c; // "Gall"
/** Advisory lock key space for room logs: (LOG_LOCK, hashtext(room)). */
export const LOG_LOCK = 0x4c6f6773; // "Logs"

interface Migration {
  version: number;
  sql: string;
}

// Timestamps stay ISO text, as in SQLite, so that both stores return the very same
// strings and order them the same way (COLLATE "C": byte order, whatever the database's
// locale). search_entries.doc is the tsvector of each entry, title weighted A, text B.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE updates (
        room text COLLATE "C" NOT NULL,
        seq bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (room, seq)
      );

      CREATE TABLE editions (
        id text COLLATE "C" PRIMARY KEY,
        title text NOT NULL,
        subject text NOT NULL,
        status text NOT NULL,
        number integer,
        publish_date text COLLATE "C",
        word_count integer NOT NULL,
        section_count integer NOT NULL,
        created_at text NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        deleted_at text,
        sent_at text
      );

      CREATE TABLE search_entries (
        id bigserial PRIMARY KEY,
        edition_id text NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        section_id text,
        title text NOT NULL,
        text text NOT NULL,
        doc tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), 'B')
        ) STORED
      );
      CREATE INDEX search_entries_by_edition ON search_entries (edition_id);
      CREATE INDEX search_entries_doc ON search_entries USING gin (doc);

      CREATE TABLE versions (
        id text PRIMARY KEY,
        edition_id text NOT NULL,
        label text NOT NULL,
        author text NOT NULL,
        auto boolean NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        ord bigserial NOT NULL
      );
      CREATE INDEX versions_by_edition ON versions (edition_id, created_at);

      CREATE TABLE version_rooms (
        version_id text NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        room text NOT NULL,
        state bytea NOT NULL,
        PRIMARY KEY (version_id, room)
      );

      CREATE TABLE assets (
        hash text COLLATE "C" PRIMARY KEY,
        mime text NOT NULL,
        bytes bytea NOT NULL,
        created_at text NOT NULL
      );

      CREATE TABLE settings (
        key text COLLATE "C" PRIMARY KEY,
        value text NOT NULL
      );

      CREATE TABLE sponsors (
        id text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        url text NOT NULL,
        disclosure text NOT NULL,
        cta text NOT NULL,
        logo text,
        flight_start text,
        flight_end text,
        notes text NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL,
        CHECK (flight_start IS NULL OR flight_end IS NULL OR flight_start <= flight_end)
      );

      -- An append in one round trip (see pgLog.ts): the room's lock, then the insert. A
      -- VOLATILE function's statements each take a fresh snapshot under READ COMMITTED,
      -- so max(seq) is read after the lock is held and sees every earlier commit. Under
      -- a stricter isolation level a stale max would collide on the primary key and fail,
      -- never reorder.
      CREATE FUNCTION galley_append(p_room text, p_data bytea[]) RETURNS SETOF bigint
      LANGUAGE plpgsql VOLATILE AS $fn$
      BEGIN
        PERFORM pg_advisory_xact_lock(${LOG_LOCK}, hashtext(p_room));
        RETURN QUERY
          INSERT INTO updates (room, seq, data)
          SELECT p_room, m.top + u.ord, u.data
          FROM (SELECT coalesce(max(seq), 0) AS top FROM updates WHERE room = p_room) AS m,
            unnest(p_data) WITH ORDINALITY AS u (data, ord)
          RETURNING updates.seq;
      END
      $fn$;
    `,
  },
];

/** The schema version this code writes; a database with a higher one is refused. */
export const PG_SCHEMA_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

/** Applies the missing steps, each in its own transaction under the migration lock. */
export async function migratePg(db: PgPool, location: string): Promise<void> {
  for (const migration of MIGRATIONS) {
    await db.transaction(async (query) => {
      await query('SELECT pg_advisory_xact_lock($1, 0)', [MIGRATION_LOCK]);
      await query(`CREATE TABLE IF NOT EXISTS galley_schema (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        version integer NOT NULL)`);
      const rows = await query<{ version: number }>('SELECT version FROM galley_schema');
      const current = rows[0]?.version ?? 0;
      if (current > PG_SCHEMA_VERSION) {
        throw new StoreError(
          'newer-schema',
          `Galley cannot open ${location}: it was written by a newer version of Galley (schema ${current}, this version knows up to ${PG_SCHEMA_VERSION})`,
        );
      }
      if (current >= migration.version) return;
      await query(migration.sql);
      await query(
        `INSERT INTO galley_schema (version) VALUES ($1)
         ON CONFLICT (only_row) DO UPDATE SET version = excluded.version`,
        [migration.version],
      );
    });
  }
}
