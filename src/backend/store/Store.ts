import path from 'node:path';
import type Database from 'better-sqlite3';
import type * as Y from 'yjs';
import type { EditionSummary, SearchHit, VersionInfo } from '../../core/api/contract.ts';
import type { EditionStatus } from '../../core/model/types.ts';
import { Assets, type Asset } from './assets.ts';
import { backupDatabase } from './backup.ts';
import { EditionsIndex, type EditionSummaryInput } from './editionsIndex.ts';
import { openDatabase, type Synchronous } from './openDatabase.ts';
import { SearchIndex, type SearchEntry } from './searchIndex.ts';
import { Settings } from './settings.ts';
import { Sponsors } from './sponsors.ts';
import type { Sponsor } from '../../core/model/sponsor.ts';
import { StoreError, toStoreError } from './StoreError.ts';
import { UpdatesLog, type CompactResult, type LoadedLog, type LogStats } from './updatesLog.ts';
import { Versions, type NewVersion } from './versions.ts';

export type {
  Asset,
  CompactResult,
  EditionSummaryInput,
  LoadedLog,
  LogStats,
  NewVersion,
  SearchEntry,
  Synchronous,
};

export interface StoreOptions {
  /** Default `NORMAL`: see `Synchronous` for what each survives. */
  synchronous?: Synchronous;
  /** A room whose log has more rows than this is compacted when it is loaded. Default 500. */
  compactThreshold?: number;
  /** The clock for every timestamp the store writes; tests pass a fixed one. */
  now?: () => Date;
  /**
   * Path of the better-sqlite3 addon to load instead of the one in node_modules: the
   * Electron app passes its Electron-ABI build, so the Node build stays as it is.
   */
  nativeBinding?: string;
}

export const DEFAULT_COMPACT_THRESHOLD = 500;

/**
 * Galley's local store: one SQLite file holding the Yjs update log of every room, the
 * editions index and its full-text search, versions, assets and settings. Synchronous
 * on purpose (better-sqlite3): a commit has happened when a method returns, which is what
 * lets the hub relay an update only after it is durable.
 */
export class Store {
  private closed = false;
  private readonly log: UpdatesLog;
  private readonly editions: EditionsIndex;
  private readonly searchIndex: SearchIndex;
  private readonly versions: Versions;
  private readonly assets: Assets;
  private readonly settings: Settings;
  private readonly sponsors: Sponsors;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly clock: () => Date,
    compactThreshold: number,
  ) {
    this.log = new UpdatesLog(db, file, compactThreshold);
    this.editions = new EditionsIndex(db, file, clock);
    this.searchIndex = new SearchIndex(db, file);
    this.versions = new Versions(db, file, clock);
    this.assets = new Assets(db, file, clock);
    this.settings = new Settings(db, file);
    this.sponsors = new Sponsors(db, file);
  }

  /** Opens (or creates) the store at `file`; throws one StoreError naming the file. */
  static open(file: string, options: StoreOptions = {}): Store {
    const absolute = path.resolve(file);
    const threshold = options.compactThreshold ?? DEFAULT_COMPACT_THRESHOLD;
    if (!(threshold >= 1)) {
      throw new StoreError(
        'invalid-input',
        `compactThreshold must be at least 1, not ${threshold}`,
      );
    }
    const db = openDatabase(absolute, options.synchronous ?? 'NORMAL', options.nativeBinding);
    try {
      return new Store(db, absolute, options.now ?? (() => new Date()), threshold);
    } catch (error) {
      db.close();
      throw toStoreError(error, `open ${absolute}`);
    }
  }

  /** The absolute path of the database file. */
  get path(): string {
    return this.file;
  }

  /** The store's clock (injectable for tests); services stamp their rows with it too. */
  now(): Date {
    return this.clock();
  }

  /** Appends one Yjs update to a room's log; it is committed when this returns. Returns its seq. */
  appendUpdate(room: string, data: Uint8Array): number {
    return this.guard(`store an update of ${room}`, () => this.log.append(room, data));
  }

  /** Appends several updates to a room's log in one transaction; returns their seqs. */
  appendUpdates(room: string, list: Uint8Array[]): number[] {
    return this.guard(`store updates of ${room}`, () => this.log.appendMany(room, list));
  }

  /** The room's log as one V1 update (compacting a long log); null when it has none. */
  loadRoom(room: string): Uint8Array | null {
    return this.guard(`load ${room}`, () => this.log.load(room));
  }

  /** A new Y.Doc with the room's content (compacting a long log); empty when it has none. */
  loadDoc(room: string): Y.Doc {
    return this.guard(`load ${room}`, () => this.log.loadDoc(room));
  }

  /**
   * loadDoc for a host that keeps the doc open (the hub): also returns the seq up to
   * which the doc holds the log, which compactTo needs.
   */
  loadLive(room: string): LoadedLog {
    return this.guard(`load ${room}`, () => this.log.loadLive(room));
  }

  /** Rows of the room's log above `afterSeq`, in seq order. */
  readUpdatesSince(room: string, afterSeq: number): { seq: number; data: Uint8Array }[] {
    return this.guard(`read the log of ${room}`, () => this.log.since(room, afterSeq));
  }

  /** Number of rows in the room's log. */
  logLength(room: string): number {
    return this.guard(`count the log of ${room}`, () => this.log.length(room));
  }

  /** Rows and bytes (sum of the updates' sizes) of the room's log as the file holds it now. */
  logStats(room: string): LogStats {
    return this.guard(`measure the log of ${room}`, () => this.log.stats(room));
  }

  /** Rooms that have a log, sorted, optionally only those starting with `prefix`. */
  listRooms(prefix?: string): string[] {
    return this.guard('list rooms', () => this.log.rooms(prefix));
  }

  /** Merges the room's log into one row, in one transaction. */
  compactRoom(room: string): CompactResult {
    return this.guard(`compact ${room}`, () => this.log.compact(room));
  }

  /**
   * Replaces the room's rows up to `seq` by `state` (which must hold all of them) in one
   * transaction; rows above `seq` stay. The hub compacts open rooms with its live doc.
   */
  compactTo(room: string, seq: number, state: Uint8Array): CompactResult {
    return this.guard(`compact ${room}`, () => this.log.compactTo(room, seq, state));
  }

  /** Compacts every room with at least `minRows` rows (default: past the threshold). */
  compactAll(minRows?: number): CompactResult[] {
    return this.guard('compact the logs', () => this.log.compactAll(minRows));
  }

  /** Inserts or refreshes an edition's index row. */
  upsertEditionIndex(summary: EditionSummaryInput): void {
    this.guard(`index edition ${summary.id}`, () => this.editions.upsert(summary));
  }

  /** An edition's index row, or null. */
  getEditionSummary(id: string): EditionSummary | null {
    return this.guard(`read edition ${id}`, () => this.editions.get(id));
  }

  /** Index rows, unscheduled first, then by publish date, number and last change, newest first. */
  listEditions(filter?: { status?: EditionStatus; includeDeleted?: boolean }): EditionSummary[] {
    return this.guard('list editions', () => this.editions.list(filter));
  }

  /** Moves an edition to the trash (or back, `at` defaults to now); throws `not-found` for an unknown id. */
  markEditionDeleted(id: string, deleted: boolean, at?: string): void {
    this.guard(`trash edition ${id}`, () => this.editions.markDeleted(id, deleted, at));
  }

  /** An edition's search entries as they were given. */
  getSearchEntries(editionId: string): SearchEntry[] {
    return this.guard(`read the search text of ${editionId}`, () =>
      this.searchIndex.entries(editionId),
    );
  }

  /** Replaces an edition's search entries (sectionId null: the edition's own fields). */
  replaceSearchText(editionId: string, entries: SearchEntry[]): void {
    this.guard(`index the text of ${editionId}`, () =>
      this.searchIndex.replace(editionId, entries),
    );
  }

  /** Full-text search over editions not in the trash, best match first. */
  search(query: string, limit?: number): SearchHit[] {
    return this.guard('search', () => this.searchIndex.search(query, limit));
  }

  /** Saves a version (every room's state) of an edition. */
  createVersion(input: NewVersion): VersionInfo {
    return this.guard(`save a version of ${input.editionId}`, () => this.versions.create(input));
  }

  /** An edition's versions, newest first. */
  listVersions(editionId: string): VersionInfo[] {
    return this.guard(`list versions of ${editionId}`, () => this.versions.list(editionId));
  }

  /** The saved room states of a version; empty for an unknown id. */
  getVersionRooms(versionId: string): Map<string, Uint8Array> {
    return this.guard(`read version ${versionId}`, () => this.versions.rooms(versionId));
  }

  /** Every version of every edition, oldest first. */
  listAllVersions(): VersionInfo[] {
    return this.guard('list versions', () => this.versions.all());
  }

  /** Writes a version as it is (id, author, time), for copying a store. */
  importVersion(info: VersionInfo, rooms: Map<string, Uint8Array>): void {
    this.guard(`copy version ${info.id}`, () => this.versions.import(info, rooms));
  }

  /** Deletes a version; false when there was none. */
  deleteVersion(versionId: string): boolean {
    return this.guard(`delete version ${versionId}`, () => this.versions.delete(versionId));
  }

  /** Stores an asset once per content; returns its SHA-256 hex. */
  putAsset(bytes: Uint8Array, mime: string): string {
    return this.guard('store an asset', () => this.assets.put(bytes, mime));
  }

  /** Stores an asset with the date it was first stored elsewhere (copying a store). */
  importAsset(asset: Asset): void {
    this.guard(`copy asset ${asset.hash}`, () => {
      const hash = this.assets.put(asset.bytes, asset.mime, asset.createdAt);
      if (hash !== asset.hash) {
        throw new StoreError('invalid-input', `asset ${asset.hash} does not hash to its name`);
      }
    });
  }

  /** Every asset's hash, sorted. */
  listAssetHashes(): string[] {
    return this.guard('list assets', () => this.assets.hashes());
  }

  /** The asset with this hash, or null. */
  getAsset(hash: string): Asset | null {
    return this.guard(`read asset ${hash}`, () => this.assets.get(hash));
  }

  /** A setting's JSON value, or undefined when unset. */
  getSetting(key: string): unknown {
    return this.guard(`read setting ${key}`, () => this.settings.get(key));
  }

  /** Every setting, by key. */
  listSettings(): Map<string, unknown> {
    return this.guard('read the settings', () => this.settings.all());
  }

  /** Sets a setting to a JSON-serializable value (`undefined` removes it). */
  setSetting(key: string, value: unknown): void {
    this.guard(`save setting ${key}`, () => this.settings.set(key, value));
  }

  /** The sponsor library, by name. */
  listSponsors(): Sponsor[] {
    return this.guard('list sponsors', () => this.sponsors.list());
  }

  /** One sponsor record, or null. */
  getSponsor(id: string): Sponsor | null {
    return this.guard(`read sponsor ${id}`, () => this.sponsors.get(id));
  }

  /** Inserts or replaces a sponsor record (validated by the caller). */
  putSponsor(sponsor: Sponsor): void {
    this.guard(`save sponsor ${sponsor.id}`, () => this.sponsors.put(sponsor));
  }

  /** Deletes a sponsor record; false when there was none. */
  deleteSponsor(id: string): boolean {
    return this.guard(`delete sponsor ${id}`, () => this.sponsors.delete(id));
  }

  /** Writes a consistent copy of the database to `dest` while the store stays usable. */
  async backup(dest: string): Promise<void> {
    this.assertOpen('back up');
    await backupDatabase(this.db, this.file, dest);
  }

  /** SQLite's full `integrity_check`: 'ok', or the problems found, one per line. */
  integrityCheck(): string {
    return this.guard('check the database', () =>
      this.db
        .prepare('PRAGMA integrity_check')
        .pluck()
        .all()
        .map((line) => String(line))
        .join('\n'),
    );
  }

  /** Checkpoints the WAL into the file and closes; calling it again does nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      // Bounded: another process reading the file must not hold up our shutdown, and an
      // unfinished checkpoint loses nothing (the WAL stays and is replayed on open).
      this.db.pragma('busy_timeout = 200');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Same reason: the checkpoint only tidies up.
    } finally {
      this.db.close();
    }
  }

  private assertOpen(action: string): void {
    if (this.closed) {
      throw new StoreError(
        'closed',
        `Galley cannot ${action} in ${this.file}: the store is closed`,
      );
    }
  }

  /** Runs a store operation, turning SQLite's errors into StoreErrors that name the file. */
  private guard<T>(action: string, operation: () => T): T {
    this.assertOpen(action);
    try {
      return operation();
    } catch (error) {
      // Input errors raised below do not know the file; every message here names it.
      if (error instanceof StoreError && !error.message.includes(this.file)) {
        throw new StoreError(
          error.code,
          `Galley cannot ${action} in ${this.file}: ${error.message}`,
          {
            cause: error,
          },
        );
      }
      throw toStoreError(error, `${action} in ${this.file}`);
    }
  }
}
