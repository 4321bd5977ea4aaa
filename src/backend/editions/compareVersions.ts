import * as Y from 'yjs';
import {
  GalleyError,
  diffEdition,
  editorOfClient,
  parseRoom,
  type EditionState,
  type VersionCompare,
} from '../../core/index.ts';
import type { EditionService } from './EditionService.ts';

/** The edition's docs as a saved version holds them. */
async function versionState(editions: EditionService, versionId: string): Promise<EditionState> {
  return stateOf(await editions.store.getVersionRooms(versionId));
}

/** The edition's docs as they are now (every room the edition has now). */
async function currentState(editions: EditionService, editionId: string): Promise<EditionState> {
  const rooms = new Map<string, Uint8Array>();
  for (const room of await editions.rooms(editionId))
    rooms.set(room, await editions.host.peek(room, (doc) => Y.encodeStateAsUpdate(doc)));
  return stateOf(rooms);
}

function stateOf(rooms: Map<string, Uint8Array>): EditionState {
  const state: EditionState = { edition: new Y.Doc(), sections: new Map() };
  for (const [room, update] of rooms) {
    const parsed = parseRoom(room);
    if (parsed?.kind === 'section') {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      state.sections.set(parsed.id, doc);
    } else if (parsed?.kind === 'edition') Y.applyUpdate(state.edition, update);
  }
  return state;
}

/**
 * Compares a saved version with a later one, or with now (`to: 'now'`): the per-section
 * diff of diffEdition. Insertions are credited through the newer state's client map,
 * then today's, since an editor's client may have been recorded after the version.
 */
export async function compareVersions(
  editions: EditionService,
  input: { editionId: string; from: string; to: string },
): Promise<VersionCompare> {
  await editions.requireSummary(input.editionId);
  const versions = await editions.store.listVersions(input.editionId);
  const find = (id: string) => {
    const version = versions.find((v) => v.id === id);
    if (!version)
      throw new GalleyError('not-found', `Edition ${input.editionId} has no version ${id}.`);
    return version;
  };
  const from = find(input.from);
  const to = input.to === 'now' ? null : find(input.to);
  const before = await versionState(editions, from.id);
  const now = await currentState(editions, input.editionId);
  const after = to === null ? now : await versionState(editions, to.id);
  const diff = diffEdition(
    input.editionId,
    before,
    after,
    (client) => editorOfClient(after.edition, client) ?? editorOfClient(now.edition, client),
  );
  return { from, to, diff };
}
