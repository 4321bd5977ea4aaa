import * as Y from 'yjs';
import type { GalleyStore } from './GalleyStore.ts';

/**
 * Copies one store into another (SQLite to PostgreSQL and back) and then proves the copy:
 * every room's document, every version's room states, the editions index and its search
 * text, assets, settings and sponsors read back the same from both. Each room's log is
 * copied as one update (its merged state): history rows are not needed to rebuild a doc.
 */

/** What was copied. */
export interface MigrationReport {
  from: string;
  to: string;
  rooms: number;
  /** Rows the source logs held (each room becomes one row in the target). */
  sourceRows: number;
  editions: number;
  searchEntries: number;
  versions: number;
  versionRooms: number;
  assets: number;
  settings: number;
  sponsors: number;
}

export interface MigrateOptions {
  /** Copy into a store that already holds data (default: refuse). */
  allowNonEmpty?: boolean;
  /** Called before each stage, for a progress line. */
  progress?: (stage: string) => void;
}

export type MigrateErrorCode = 'target-not-empty' | 'mismatch';

/** A migration that was refused, or a copy that does not read back the same. */
export class MigrateError extends Error {
  override readonly name = 'MigrateError';
  constructor(
    readonly code: MigrateErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Copies everything from `from` into `to`, verifies it, and returns the counts. */
export async function migrateStore(
  from: GalleyStore,
  to: GalleyStore,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const say = options.progress ?? (() => undefined);
  if (!options.allowNonEmpty) {
    const holds = await contentsOf(to);
    if (holds !== null) {
      throw new MigrateError(
        'target-not-empty',
        `${to.location} already holds ${holds}; copy into an empty store`,
      );
    }
  }
  const report: MigrationReport = {
    from: from.location,
    to: to.location,
    rooms: 0,
    sourceRows: 0,
    editions: 0,
    searchEntries: 0,
    versions: 0,
    versionRooms: 0,
    assets: 0,
    settings: 0,
    sponsors: 0,
  };
  say('rooms');
  for (const room of await from.listRooms()) {
    const rows = await from.readUpdatesSince(room, 0);
    if (rows.length === 0) continue;
    await to.appendUpdate(room, Y.encodeStateAsUpdate(docOf(rows.map((r) => r.data))));
    report.rooms += 1;
    report.sourceRows += rows.length;
  }
  say('editions');
  for (const { deletedAt, ...summary } of await from.listEditions({ includeDeleted: true })) {
    await to.upsertEditionIndex(summary);
    if (deletedAt !== null) await to.markEditionDeleted(summary.id, true, deletedAt);
    const entries = await from.getSearchEntries(summary.id);
    await to.replaceSearchText(summary.id, entries);
    report.editions += 1;
    report.searchEntries += entries.length;
  }
  say('versions');
  for (const info of await from.listAllVersions()) {
    const rooms = await from.getVersionRooms(info.id);
    await to.importVersion(info, rooms);
    report.versions += 1;
    report.versionRooms += rooms.size;
  }
  say('assets');
  for (const hash of await from.listAssetHashes()) {
    const asset = await from.getAsset(hash);
    if (asset === null) continue;
    await to.importAsset(asset);
    report.assets += 1;
  }
  say('settings and sponsors');
  for (const [key, value] of await from.listSettings()) {
    await to.setSetting(key, value);
    report.settings += 1;
  }
  for (const sponsor of await from.listSponsors()) {
    await to.putSponsor(sponsor);
    report.sponsors += 1;
  }
  say('verifying');
  await verifyCopy(from, to);
  return report;
}

/**
 * Throws a MigrateError naming the first room, version or record that reads back
 * differently from `to` than from `from`; resolves when everything matches.
 */
export async function verifyCopy(from: GalleyStore, to: GalleyStore): Promise<void> {
  const differ = (what: string): MigrateError =>
    new MigrateError(
      'mismatch',
      `The copy in ${to.location} differs from ${from.location}: ${what}`,
    );
  const rooms = await from.listRooms();
  const copiedRooms = await to.listRooms();
  const missing = rooms.find((room) => !copiedRooms.includes(room));
  if (missing !== undefined) throw differ(`room ${missing} is missing`);
  const extra = copiedRooms.find((room) => !rooms.includes(room));
  if (extra !== undefined) throw differ(`room ${extra} is not in the source`);
  for (const room of rooms) {
    const source = canonical((await from.readUpdatesSince(room, 0)).map((r) => r.data));
    const copy = canonical((await to.readUpdatesSince(room, 0)).map((r) => r.data));
    const why = compare(source, copy);
    if (why !== null) throw differ(`room ${room}: ${why}`);
  }
  const versions = await from.listAllVersions();
  const copiedVersions = await to.listAllVersions();
  if (!sameJson(versions, copiedVersions)) {
    const first = versions.find((v, i) => !sameJson(v, copiedVersions[i]));
    throw differ(`version ${first?.id ?? copiedVersions[versions.length]?.id ?? '?'} differs`);
  }
  for (const version of versions) {
    const source = await from.getVersionRooms(version.id);
    const copy = await to.getVersionRooms(version.id);
    if (!sameJson([...source.keys()].sort(), [...copy.keys()].sort())) {
      throw differ(`version ${version.id} does not hold the same rooms`);
    }
    for (const [room, state] of source) {
      const why = compare(canonical([state]), canonical([copy.get(room) ?? new Uint8Array()]));
      if (why !== null) throw differ(`room ${room} of version ${version.id}: ${why}`);
    }
  }
  const editions = await from.listEditions({ includeDeleted: true });
  const copiedEditions = await to.listEditions({ includeDeleted: true });
  for (const [i, edition] of editions.entries()) {
    if (!sameJson(edition, copiedEditions[i])) throw differ(`edition ${edition.id}'s summary`);
    const entries = await from.getSearchEntries(edition.id);
    if (!sameJson(entries, await to.getSearchEntries(edition.id))) {
      throw differ(`the search text of edition ${edition.id}`);
    }
  }
  if (copiedEditions.length !== editions.length) throw differ('the number of editions');
  if (!sameJson(await from.listAssetHashes(), await to.listAssetHashes())) throw differ('assets');
  if (!sameJson([...(await from.listSettings())], [...(await to.listSettings())])) {
    throw differ('settings');
  }
  if (!sameJson(await from.listSponsors(), await to.listSponsors())) throw differ('sponsors');
}

/** A doc holding every update, applied in one transaction. */
function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update)));
  return doc;
}

/**
 * A comparable form of a document: its state applied into a fresh doc and encoded again,
 * so two docs with the same content give the same bytes however their logs were split.
 */
function canonical(updates: Uint8Array[]): { vector: Uint8Array; state: Uint8Array } {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(docOf(updates)));
  return { vector: Y.encodeStateVector(fresh), state: Y.encodeStateAsUpdate(fresh) };
}

function compare(
  a: { vector: Uint8Array; state: Uint8Array },
  b: { vector: Uint8Array; state: Uint8Array },
): string | null {
  if (!sameBytes(a.vector, b.vector)) return 'the state vectors differ';
  if (!sameBytes(a.state, b.state)) return 'the content differs';
  return null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What a store already holds, in words, or null when it is empty. */
async function contentsOf(store: GalleyStore): Promise<string | null> {
  const counts: Array<[number, string]> = [
    [(await store.listRooms()).length, 'rooms'],
    [(await store.listEditions({ includeDeleted: true })).length, 'editions'],
    [(await store.listAllVersions()).length, 'versions'],
    [(await store.listAssetHashes()).length, 'assets'],
    [(await store.listSettings()).size, 'settings'],
    [(await store.listSponsors()).length, 'sponsors'],
  ];
  const held = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return held.length === 0 ? null : held.join(', ');
}
