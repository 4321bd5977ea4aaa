import type * as Y from 'yjs';
import type { EditionSummary, SearchHit, VersionInfo } from '../../../core/api/contract.ts';
import type { Sponsor } from '../../../core/model/sponsor.ts';
import type { EditionStatus } from '../../../core/model/types.ts';
import type { Asset } from '../assets.ts';
import type { EditionSummaryInput } from '../editionsIndex.ts';
import type { GalleyStore, LogRow } from '../GalleyStore.ts';
import type { SearchEntry } from '../searchIndex.ts';
import { DEFAULT_COMPACT_THRESHOLD } from '../Store.ts';
import { StoreError } from '../StoreError.ts';
import type { CompactResult, LoadedLog, LogStats } from '../updatesLog.ts';
import type { NewVersion } from '../versions.ts';
import { PgAssets } from './pgAssets.ts';
import { PgEditions } from './pgEditions.ts';
import { redactUrl, toPgStoreError } from './pgErrors.ts';
import { checkPg } from './pgIntegrity.ts';
import { PgLog } from './pgLog.ts';
import { migratePg } from './pgMigrations.ts';
import { PgPool } from './pgPool.ts';
import { PgSearch } from './pgSearch.ts';
import { PgSettings } from './pgSettings.ts';
import { PgSponsors } from './pgSponsors.ts';
import { PgVersions } from './pgVersions.ts';

export interface PgStoreOptions {
  /** The clock for every timestamp the store writes; tests pass a fixed one. */
  now?: () => Date;
  /** A room whose log has more rows than this is compacted when loaded. Default 500. */
  compactThreshold?: number;
}

/**
 * The PostgreSQL implementation of the store contract, for many hubs on one database.
 * A pool of connections (the `pg` driver, no ORM); each concern lives in its own file
 * under pg/, like the SQLite engine. A promise resolves after the commit, so "durable
 * before relay" holds as with SQLite.
 */
export class PgStore implements GalleyStore {
  readonly kind = 'postgres' as const;
  private closed = false;
  private readonly log: PgLog;
  private readonly editions: PgEditions;
  private readonly searchIndex: PgSearch;
  private readonly versions: PgVersions;
  private readonly assets: PgAssets;
  private readonly settings: PgSettings;
  private readonly sponsors: PgSponsors;

  private constructor(
    private readonly db: PgPool,
    /** The URL without its password. */
    readonly location: string,
    private readonly secret: string,
    private readonly clock: () => Date,
    compactThreshold: number,
  ) {
    this.log = new PgLog(db, location, compactThreshold);
    this.editions = new PgEditions(db, location, clock);
    this.searchIndex = new PgSearch(db, location);
    this.versions = new PgVersions(db, location, clock);
    this.assets = new PgAssets(db, location, clock);
    this.settings = new PgSettings(db, location);
    this.sponsors = new PgSponsors(db, location);
  }

  /** Connects, applies missing migrations and resolves with the store; one StoreError if not. */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const location = redactUrl(url);
    const secret = passwordOf(url);
    const threshold = options.compactThreshold ?? DEFAULT_COMPACT_THRESHOLD;
    if (!(threshold >= 1)) {
      throw new StoreError(
        'invalid-input',
        `compactThreshold must be at least 1, not ${threshold}`,
      );
    }
    let db: PgPool;
    try {
      db = new PgPool(url);
    } catch (error) {
      throw toPgStoreError(error, 'open the store', location, secret);
    }
    try {
      await migratePg(db, location);
    } catch (error) {
      await db.end().catch(() => undefined);
      throw toPgStoreError(error, 'open the store', location, secret);
    }
    return new PgStore(db, location, secret, options.now ?? (() => new Date()), threshold);
  }

  now(): Date {
    return this.clock();
  }

  async appendUpdate(room: string, data: Uint8Array): Promise<number> {
    const [seq] = await this.guard(`store an update of ${room}`, () =>
      this.log.append(room, [data]),
    );
    if (seq === undefined)
      throw new StoreError('io', `Galley cannot store an update of ${room} in ${this.location}`);
    return seq;
  }

  appendUpdates(room: string, list: Uint8Array[]): Promise<number[]> {
    return this.guard(`store updates of ${room}`, () => this.log.append(room, list));
  }

  loadRoom(room: string): Promise<Uint8Array | null> {
    return this.guard(`load ${room}`, () => this.log.load(room));
  }

  async loadDoc(room: string): Promise<Y.Doc> {
    return (await this.loadLive(room)).doc;
  }

  loadLive(room: string): Promise<LoadedLog> {
    return this.guard(`load ${room}`, () => this.log.loadLive(room));
  }

  readUpdatesSince(room: string, afterSeq: number): Promise<LogRow[]> {
    return this.guard(`read the log of ${room}`, () => this.log.since(room, afterSeq));
  }

  async logLength(room: string): Promise<number> {
    return (await this.logStats(room)).rows;
  }

  logStats(room: string): Promise<LogStats> {
    return this.guard(`measure the log of ${room}`, () => this.log.stats(room));
  }

  listRooms(prefix?: string): Promise<string[]> {
    return this.guard('list rooms', () => this.log.rooms(prefix));
  }

  compactRoom(room: string): Promise<CompactResult> {
    return this.guard(`compact ${room}`, () => this.log.compact(room));
  }

  compactTo(room: string, seq: number, state: Uint8Array): Promise<CompactResult> {
    return this.guard(`compact ${room}`, () => this.log.compactTo(room, seq, state));
  }

  compactAll(minRows?: number): Promise<CompactResult[]> {
    return this.guard('compact the logs', () => this.log.compactAll(minRows));
  }

  upsertEditionIndex(summary: EditionSummaryInput): Promise<void> {
    return this.guard(`index edition ${summary.id}`, () => this.editions.upsert(summary));
  }

  getEditionSummary(id: string): Promise<EditionSummary | null> {
    return this.guard(`read edition ${id}`, () => this.editions.get(id));
  }

  listEditions(filter?: {
    status?: EditionStatus;
    includeDeleted?: boolean;
  }): Promise<EditionSummary[]> {
    return this.guard('list editions', () => this.editions.list(filter));
  }

  markEditionDeleted(id: string, deleted: boolean, at?: string): Promise<void> {
    return this.guard(`trash edition ${id}`, () => this.editions.markDeleted(id, deleted, at));
  }

  replaceSearchText(editionId: string, entries: SearchEntry[]): Promise<void> {
    return this.guard(`index the text of ${editionId}`, () =>
      this.searchIndex.replace(editionId, entries),
    );
  }

  getSearchEntries(editionId: string): Promise<SearchEntry[]> {
    return this.guard(`read the search text of ${editionId}`, () =>
      this.searchIndex.entries(editionId),
    );
  }

  search(query: string, limit?: number): Promise<SearchHit[]> {
    return this.guard('search', () => this.searchIndex.search(query, limit));
  }

  createVersion(input: NewVersion): Promise<VersionInfo> {
    return this.guard(`save a version of ${input.editionId}`, () => this.versions.create(input));
  }

  listVersions(editionId: string): Promise<VersionInfo[]> {
    return this.guard(`list versions of ${editionId}`, () => this.versions.list(editionId));
  }

  listAllVersions(): Promise<VersionInfo[]> {
    return this.guard('list versions', () => this.versions.all());
  }

  importVersion(info: VersionInfo, rooms: Map<string, Uint8Array>): Promise<void> {
    return this.guard(`copy version ${info.id}`, () => this.versions.import(info, rooms));
  }

  getVersionRooms(versionId: string): Promise<Map<string, Uint8Array>> {
    return this.guard(`read version ${versionId}`, () => this.versions.rooms(versionId));
  }

  deleteVersion(versionId: string): Promise<boolean> {
    return this.guard(`delete version ${versionId}`, () => this.versions.delete(versionId));
  }

  putAsset(bytes: Uint8Array, mime: string): Promise<string> {
    return this.guard('store an asset', () => this.assets.put(bytes, mime));
  }

  getAsset(hash: string): Promise<Asset | null> {
    return this.guard(`read asset ${hash}`, () => this.assets.get(hash));
  }

  listAssetHashes(): Promise<string[]> {
    return this.guard('list assets', () => this.assets.hashes());
  }

  importAsset(asset: Asset): Promise<void> {
    return this.guard(`copy asset ${asset.hash}`, async () => {
      const hash = await this.assets.put(asset.bytes, asset.mime, asset.createdAt);
      if (hash !== asset.hash) {
        throw new StoreError('invalid-input', `asset ${asset.hash} does not hash to its name`);
      }
    });
  }

  getSetting(key: string): Promise<unknown> {
    return this.guard(`read setting ${key}`, () => this.settings.get(key));
  }

  setSetting(key: string, value: unknown): Promise<void> {
    return this.guard(`save setting ${key}`, () => this.settings.set(key, value));
  }

  listSettings(): Promise<Map<string, unknown>> {
    return this.guard('read the settings', () => this.settings.all());
  }

  listSponsors(): Promise<Sponsor[]> {
    return this.guard('list sponsors', () => this.sponsors.list());
  }

  getSponsor(id: string): Promise<Sponsor | null> {
    return this.guard(`read sponsor ${id}`, () => this.sponsors.get(id));
  }

  putSponsor(sponsor: Sponsor): Promise<void> {
    return this.guard(`save sponsor ${sponsor.id}`, () => this.sponsors.put(sponsor));
  }

  deleteSponsor(id: string): Promise<boolean> {
    return this.guard(`delete sponsor ${id}`, () => this.sponsors.delete(id));
  }

  async ping(): Promise<void> {
    await this.guard('reach the database', () => this.db.query('SELECT 1'));
  }

  integrityCheck(): Promise<string> {
    return this.guard('check the database', () => checkPg(this.db.query));
  }

  /** Closes the pool (waiting for queries under way); calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.end();
  }

  /** Runs an operation, turning every failure into a StoreError that names the store. */
  private async guard<T>(action: string, operation: () => Promise<T>): Promise<T> {
    if (this.closed) {
      throw new StoreError(
        'closed',
        `Galley cannot ${action} in ${this.location}: the store is closed`,
      );
    }
    try {
      return await operation();
    } catch (error) {
      throw toPgStoreError(error, action, this.location, this.secret);
    }
  }
}

function passwordOf(url: string): string {
  try {
    const parsed = new URL(url);
    return decodeURIComponent(parsed.password) || parsed.searchParams.get('password') || '';
  } catch {
    return '';
  }
}
