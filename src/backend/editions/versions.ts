import * as Y from 'yjs';
import {
  GalleyError,
  docsToEdition,
  parseRoom,
  type Edition,
  type VersionInfo,
} from '../../core/index.ts';
import type { EditionService } from './EditionService.ts';
import { restoreVersionReview } from './versionReview.ts';

/** Saves the full state of every room of an edition as a named version. */
export async function createVersion(
  editions: EditionService,
  input: { editionId: string; label: string; author?: string; auto?: boolean },
): Promise<VersionInfo> {
  await editions.requireSummary(input.editionId);
  const rooms = new Map<string, Uint8Array>();
  for (const room of await editions.rooms(input.editionId)) {
    rooms.set(room, await editions.host.peek(room, (doc) => Y.encodeStateAsUpdate(doc)));
  }
  return editions.store.createVersion({
    editionId: input.editionId,
    label: input.label,
    author: input.author ?? '',
    auto: input.auto ?? false,
    rooms,
  });
}

/** The edition as it was when a version was saved. */
export async function readVersion(
  editions: EditionService,
  editionId: string,
  versionId: string,
): Promise<Edition> {
  const version = (await editions.store.listVersions(editionId)).find((v) => v.id === versionId);
  if (!version)
    throw new GalleyError('not-found', `Edition ${editionId} has no version ${versionId}.`);
  const docs = { edition: new Y.Doc(), sections: new Map<string, Y.Doc>() };
  for (const [room, state] of await editions.store.getVersionRooms(versionId)) {
    const parsed = parseRoom(room);
    const doc = parsed?.kind === 'section' ? new Y.Doc() : docs.edition;
    Y.applyUpdate(doc, state);
    if (parsed?.kind === 'section') docs.sections.set(parsed.id, doc);
  }
  return docsToEdition(editionId, docs);
}

/**
 * Restores a version by writing new updates that bring its content back; history is
 * never rewritten, and the state just before the restore is saved as an automatic
 * version first, so a restore can itself be undone.
 */
export async function restoreVersion(
  editions: EditionService,
  input: { editionId: string; versionId: string; author?: string },
): Promise<VersionInfo> {
  const target = await readVersion(editions, input.editionId, input.versionId);
  const version = (await editions.store.listVersions(input.editionId)).find(
    (v) => v.id === input.versionId,
  )!;
  await createVersion(editions, {
    editionId: input.editionId,
    label: `Before restoring “${version.label}”`,
    author: input.author ?? '',
    auto: true,
  });
  await editions.bringTo(target);
  await restoreVersionReview(editions, input.editionId, input.versionId);
  return version;
}
