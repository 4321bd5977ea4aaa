import type * as Y from 'yjs';
import type { EditionSummary, SearchHit, VersionInfo } from '../../core/api/contract.ts';
import type { EditionStatus } from '../../core/model/types.ts';
import type { Sponsor } from '../../core/model/sponsor.ts';
import type { GalleyStore, LogRow } from './GalleyStore.ts';
import {
  Store,
  type Asset,
  type CompactResult,
  type EditionSummaryInput,
  type LoadedLog,
  type LogStats,
  type NewVersion,
  type SearchEntry,
  type StoreOptions,
} from './Store.ts';

/**
 * The SQLite implementation of the store contract: the synchronous `Store` engine behind
 * promises. A promise resolves after the SQLite commit, so "durable before relay" holds
 * exactly as before; a failure becomes a rejected promise instead of a throw.
 */
export class SqliteStore implements GalleyStore {
  readonly kind = 'sqlite' as const;

  private constructor(private readonly engine: Store) {}

  /** Opens (or creates) the SQLite store at `file`; throws one StoreError naming the file. */
  static open(file: string, options: StoreOptions = {}): SqliteStore {
    return new SqliteStore(Store.open(file, options));
  }

  /** The absolute path of the database file. */
  get location(): string {
    return this.engine.path;
  }

  /** The absolute path of the database file (SQLite only). */
  get path(): string {
    return this.engine.path;
  }

  now(): Date {
    return this.engine.now();
  }

  async appendUpdate(room: string, data: Uint8Array): Promise<number> {
    return this.engine.appendUpdate(room, data);
  }

  async appendUpdates(room: string, list: Uint8Array[]): Promise<number[]> {
    return this.engine.appendUpdates(room, list);
  }

  async loadRoom(room: string): Promise<Uint8Array | null> {
    return this.engine.loadRoom(room);
  }

  async loadDoc(room: string): Promise<Y.Doc> {
    return this.engine.loadDoc(room);
  }

  async loadLive(room: string): Promise<LoadedLog> {
    return this.engine.loadLive(room);
  }

  async readUpdatesSince(room: string, afterSeq: number): Promise<LogRow[]> {
    return this.engine.readUpdatesSince(room, afterSeq);
  }

  async logLength(room: string): Promise<number> {
    return this.engine.logLength(room);
  }

  async logStats(room: string): Promise<LogStats> {
    return this.engine.logStats(room);
  }

  async listRooms(prefix?: string): Promise<string[]> {
    return this.engine.listRooms(prefix);
  }

  async compactRoom(room: string): Promise<CompactResult> {
    return this.engine.compactRoom(room);
  }

  async compactTo(room: string, seq: number, state: Uint8Array): Promise<CompactResult> {
    return this.engine.compactTo(room, seq, state);
  }

  async compactAll(minRows?: number): Promise<CompactResult[]> {
    return this.engine.compactAll(minRows);
  }

  async upsertEditionIndex(summary: EditionSummaryInput): Promise<void> {
    this.engine.upsertEditionIndex(summary);
  }

  async getEditionSummary(id: string): Promise<EditionSummary | null> {
    return this.engine.getEditionSummary(id);
  }

  async listEditions(filter?: {
    status?: EditionStatus;
    includeDeleted?: boolean;
  }): Promise<EditionSummary[]> {
    return this.engine.listEditions(filter);
  }

  async markEditionDeleted(id: string, deleted: boolean, at?: string): Promise<void> {
    this.engine.markEditionDeleted(id, deleted, at);
  }

  async getSearchEntries(editionId: string): Promise<SearchEntry[]> {
    return this.engine.getSearchEntries(editionId);
  }

  async replaceSearchText(editionId: string, entries: SearchEntry[]): Promise<void> {
    this.engine.replaceSearchText(editionId, entries);
  }

  async search(query: string, limit?: number): Promise<SearchHit[]> {
    return this.engine.search(query, limit);
  }

  async createVersion(input: NewVersion): Promise<VersionInfo> {
    return this.engine.createVersion(input);
  }

  async listVersions(editionId: string): Promise<VersionInfo[]> {
    return this.engine.listVersions(editionId);
  }

  async getVersionRooms(versionId: string): Promise<Map<string, Uint8Array>> {
    return this.engine.getVersionRooms(versionId);
  }

  async listAllVersions(): Promise<VersionInfo[]> {
    return this.engine.listAllVersions();
  }

  async importVersion(info: VersionInfo, rooms: Map<string, Uint8Array>): Promise<void> {
    this.engine.importVersion(info, rooms);
  }

  async deleteVersion(versionId: string): Promise<boolean> {
    return this.engine.deleteVersion(versionId);
  }

  async putAsset(bytes: Uint8Array, mime: string): Promise<string> {
    return this.engine.putAsset(bytes, mime);
  }

  async importAsset(asset: Asset): Promise<void> {
    this.engine.importAsset(asset);
  }

  async listAssetHashes(): Promise<string[]> {
    return this.engine.listAssetHashes();
  }

  async getAsset(hash: string): Promise<Asset | null> {
    return this.engine.getAsset(hash);
  }

  async getSetting(key: string): Promise<unknown> {
    return this.engine.getSetting(key);
  }

  async listSettings(): Promise<Map<string, unknown>> {
    return this.engine.listSettings();
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    this.engine.setSetting(key, value);
  }

  async listSponsors(): Promise<Sponsor[]> {
    return this.engine.listSponsors();
  }

  async getSponsor(id: string): Promise<Sponsor | null> {
    return this.engine.getSponsor(id);
  }

  async putSponsor(sponsor: Sponsor): Promise<void> {
    this.engine.putSponsor(sponsor);
  }

  async deleteSponsor(id: string): Promise<boolean> {
    return this.engine.deleteSponsor(id);
  }

  async ping(): Promise<void> {
    this.engine.logLength('');
  }

  async integrityCheck(): Promise<string> {
    return this.engine.integrityCheck();
  }

  /** Writes a consistent copy of the database to `dest` (SQLite only: `galley backup`). */
  backup(dest: string): Promise<void> {
    return this.engine.backup(dest);
  }

  async close(): Promise<void> {
    this.engine.close();
  }
}
