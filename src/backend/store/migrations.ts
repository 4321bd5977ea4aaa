import type Database from 'better-sqlite3';
import { StoreError } from './StoreError.ts';

/**
 * The schema, as forward-only steps. `PRAGMA user_version` records the last step applied;
 * a step is never edited once released, only followed by a new one.
 */

/** Marks the file as Galley's (`PRAGMA application_id`, the bytes "Gall"). */
export const GALLEY_APPLICATION_ID = 0x47616c6c;

interface Migration {
  version: number;
  sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    // STRICT tables reject values of the wrong type instead of storing them silently.
    // The log is WITHOUT ROWID: its rows are tiny and always read by (room, seq), so one
    // b-tree instead of a table plus an index makes it smaller and a room's scan faster.
    sql: `
      CREATE TABLE updates (
        room TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (room, seq)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE editions (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        subject TEXT NOT NULL,
        status TEXT NOT NULL,
        number INTEGER,
        publish_date TEXT,
        word_count INTEGER NOT NULL,
        section_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      -- The search text lives in an ordinary table so that replacing an edition's entries
      -- is an indexed delete; the FTS5 table indexes it as external content.
      CREATE TABLE search_entries (
        id INTEGER PRIMARY KEY,
        edition_id TEXT NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        section_id TEXT,
        title TEXT NOT NULL,
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX search_entries_by_edition ON search_entries (edition_id);

      CREATE VIRTUAL TABLE search_fts USING fts5 (
        title, text,
        content = 'search_entries', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
        INSERT INTO search_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, text)
          VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, text)
          VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO search_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
      END;

      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        edition_id TEXT NOT NULL,
        label TEXT NOT NULL,
        author TEXT NOT NULL,
        auto INTEGER NOT NULL CHECK (auto IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX versions_by_edition ON versions (edition_id, created_at);

      CREATE TABLE version_rooms (
        version_id TEXT NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        room TEXT NOT NULL,
        state BLOB NOT NULL,
        PRIMARY KEY (version_id, room)
      ) STRICT;

      CREATE TABLE assets (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      PRAGMA application_id = ${GALLEY_APPLICATION_ID};
    `,
  },
  {
    version: 2,
    // Sponsors are records of their own, not docs: one person edits them at a time, and a
    // section copies its fields, so an edition never changes when a record does.
    // logo is not a foreign key: a sponsor outlives a pruned asset (the logo just goes).
    // editions.sent_at: the library lists when each edition was sent without a doc.
    sql: `
      CREATE TABLE sponsors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT NOT NULL,
        disclosure TEXT NOT NULL,
        cta TEXT NOT NULL,
        logo TEXT,
        flight_start TEXT,
        flight_end TEXT,
        notes TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (flight_start IS NULL OR flight_end IS NULL OR flight_start <= flight_end)
      ) STRICT;
      CREATE INDEX sponsors_by_name ON sponsors (name COLLATE NOCASE);

      ALTER TABLE editions ADD COLUMN sent_at TEXT;
    `,
  },
];

/** The schema version this code writes; a file with a higher `user_version` is refused. */
export const SCHEMA_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

function userVersion(db: Database.Database): number {
  const value: unknown = db.pragma('user_version', { simple: true });
  return typeof value === 'number' ? value : 0;
}

/**
 * Applies the missing migrations, each in its own write transaction. `upTo` stops at an
 * earlier version: tests build a file as an older Galley left it.
 */
export function migrate(db: Database.Database, file: string, upTo = SCHEMA_VERSION): void {
  for (const migration of MIGRATIONS.filter((m) => m.version <= upTo)) {
    // IMMEDIATE takes the write lock before reading user_version, so two processes opening
    // the same new file cannot both run a step.
    db.transaction(() => {
      const current = userVersion(db);
      if (current > SCHEMA_VERSION) {
        throw new StoreError(
          'newer-schema',
          `Galley cannot open ${file}: it was written by a newer version of Galley (schema ${current}, this version knows up to ${SCHEMA_VERSION})`,
        );
      }
      if (current >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
