import type { GalleyStore } from './store/GalleyStore.ts';
import { SqliteStore } from './store/SqliteStore.ts';
import type { StoreOptions } from './store/Store.ts';
import { StoreError } from './store/StoreError.ts';

/** What `openStore` takes: a SQLite file path, or a `postgres://` / `postgresql://` URL. */
export type StoreSpec = string;

/** How a store spec reads: which engine, and where. */
export type ParsedStoreSpec = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Options either engine understands; `synchronous` and `nativeBinding` are SQLite's alone. */
export type OpenStoreOptions = StoreOptions;

/**
 * Reads a store spec: a postgres URL names the PostgreSQL store, anything else without a
 * scheme is a SQLite file path. Another scheme (`mysql://`, `sqlite://`) is refused, so a
 * typo never creates a file named like a URL.
 */
export function parseStoreSpec(spec: StoreSpec): ParsedStoreSpec {
  const trimmed = spec.trim();
  if (trimmed === '')
    throw new StoreError(
      'invalid-input',
      'The store is empty: give a file path or a postgres:// URL.',
    );
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return { kind: 'postgres', url: trimmed };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
  if (scheme !== null)
    throw new StoreError(
      'invalid-input',
      `${scheme[1]}:// is not a store Galley knows: give a SQLite file path or a postgres:// URL.`,
    );
  return { kind: 'sqlite', path: spec };
}

/** True when the spec names a PostgreSQL database. */
export function isPostgresSpec(spec: StoreSpec): boolean {
  return /^\s*postgres(ql)?:\/\//i.test(spec);
}

/**
 * Opens the store a spec names: a SQLite file (created when missing) or a PostgreSQL
 * database. Rejects with a StoreError that names the store when it cannot be used.
 */
export async function openStore(
  spec: StoreSpec,
  options: OpenStoreOptions = {},
): Promise<GalleyStore> {
  const parsed = parseStoreSpec(spec);
  if (parsed.kind === 'sqlite') return SqliteStore.open(parsed.path, options);
  // Loaded on demand: the desktop app and a SQLite team server never load the pg driver.
  const { PgStore } = await import('./store/pg/PgStore.ts');
  return PgStore.open(parsed.url, {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.compactThreshold === undefined
      ? {}
      : { compactThreshold: options.compactThreshold }),
  });
}
