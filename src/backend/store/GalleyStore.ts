import type * as Y from 'yjs';
import type { EditionSummary, SearchHit, VersionInfo } from '../../core/api/contract.ts';
import type { EditionStatus } from '../../core/model/types.ts';
import type { Sponsor } from '../../core/model/sponsor.ts';
import type { Asset } from './assets.ts';
import type { EditionSummaryInput } from './editionsIndex.ts';
import type { SearchEntry } from './searchIndex.ts';
import type { CompactResult, LoadedLog, LogStats } from './updatesLog.ts';
import type { NewVersion } from './versions.ts';

/** One row of a room's update log. */
export interface LogRow {
  seq: number;
  data: Uint8Array;
}

/**
 * The one store contract the hub, the API and the CLI see. Two implementations: SQLite
 * (`SqliteStore`, the desktop app and a one-machine team server) and PostgreSQL
 * (`PgStore`, many hubs on one database). Every method that touches the database is
 * async; a write has been committed when its promise resolves, which is what lets the hub
 * relay an update only after it is durable. Errors are `StoreError`s that name the store.
 */
export interface GalleyStore {
  /** `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for messages: a file path, or a URL without its password. */
  readonly location: string;
  /** The store's clock (injectable for tests); services stamp their rows with it too. */
  now(): Date;

  // The update log of every room
  /** Appends one Yjs update (V1) to a room's log; resolves with its seq once committed. */
  appendUpdate(room: string, data: Uint8Array): Promise<number>;
  /** Appends several updates to a room's log in one transaction; resolves with their seqs. */
  appendUpdates(room: string, list: Uint8Array[]): Promise<number[]>;
  /** The room's log as one V1 update (compacting a long log); null when it has none. */
  loadRoom(room: string): Promise<Uint8Array | null>;
  /** A new Y.Doc with the room's content; empty when it has none. */
  loadDoc(room: string): Promise<Y.Doc>;
  /** loadDoc for a host that keeps the doc open, with the seq the doc holds the log up to. */
  loadLive(room: string): Promise<LoadedLog>;
  /** Rows of the room's log with a seq above `afterSeq`, in seq order (catch-up after a gap). */
  readUpdatesSince(room: string, afterSeq: number): Promise<LogRow[]>;
  /** Number of rows in the room's log. */
  logLength(room: string): Promise<number>;
  /** Rows and bytes of the room's log as stored now. */
  logStats(room: string): Promise<LogStats>;
  /** Rooms that have a log, sorted, optionally only those starting with `prefix`. */
  listRooms(prefix?: string): Promise<string[]>;
  /** Merges the room's log into one row, in one transaction. */
  compactRoom(room: string): Promise<CompactResult>;
  /** Replaces the room's rows up to `seq` by `state` (which holds all of them); rows above stay. */
  compactTo(room: string, seq: number, state: Uint8Array): Promise<CompactResult>;
  /** Compacts every room with at least `minRows` rows (default: past the threshold). */
  compactAll(minRows?: number): Promise<CompactResult[]>;

  // The editions index and full-text search (derived from the docs)
  upsertEditionIndex(summary: EditionSummaryInput): Promise<void>;
  getEditionSummary(id: string): Promise<EditionSummary | null>;
  listEditions(filter?: {
    status?: EditionStatus;
    includeDeleted?: boolean;
  }): Promise<EditionSummary[]>;
  /** Trashes (or restores) an edition; `at` is the trash date to keep (default now). */
  markEditionDeleted(id: string, deleted: boolean, at?: string): Promise<void>;
  replaceSearchText(editionId: string, entries: SearchEntry[]): Promise<void>;
  /** An edition's search entries as given to replaceSearchText (copying a store). */
  getSearchEntries(editionId: string): Promise<SearchEntry[]>;
  /** Full-text search over editions not in the trash, best match first; safe for any query. */
  search(query: string, limit?: number): Promise<SearchHit[]>;

  // Versions, assets, settings, sponsors
  createVersion(input: NewVersion): Promise<VersionInfo>;
  listVersions(editionId: string): Promise<VersionInfo[]>;
  getVersionRooms(versionId: string): Promise<Map<string, Uint8Array>>;
  deleteVersion(versionId: string): Promise<boolean>;
  /** Every version of every edition, oldest first (copying a store). */
  listAllVersions(): Promise<VersionInfo[]>;
  /** Writes a version as it is, id, author and time included (copying a store). */
  importVersion(info: VersionInfo, rooms: Map<string, Uint8Array>): Promise<void>;
  putAsset(bytes: Uint8Array, mime: string): Promise<string>;
  getAsset(hash: string): Promise<Asset | null>;
  /** Every asset's hash, sorted (copying a store). */
  listAssetHashes(): Promise<string[]>;
  /** Stores an asset keeping its date; `invalid-input` if its bytes do not hash to its name. */
  importAsset(asset: Asset): Promise<void>;
  getSetting(key: string): Promise<unknown>;
  setSetting(key: string, value: unknown): Promise<void>;
  /** Every setting, by key (copying a store). */
  listSettings(): Promise<Map<string, unknown>>;
  listSponsors(): Promise<Sponsor[]>;
  getSponsor(id: string): Promise<Sponsor | null>;
  putSponsor(sponsor: Sponsor): Promise<void>;
  deleteSponsor(id: string): Promise<boolean>;

  // Operations
  /** Resolves when the database answers; rejects with a StoreError when it does not. */
  ping(): Promise<void>;
  /** The engine's own consistency check: 'ok', or the problems found, one per line. */
  integrityCheck(): Promise<string>;
  /** Closes; calling it again does nothing. */
  close(): Promise<void>;
}
