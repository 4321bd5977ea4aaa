import * as Y from 'yjs';
import { editionRoom, editionTypes, restoreMeta, type VersionInfo } from '../../core/index.ts';
import type { DocHost } from '../docs/DocHost.ts';
import type { GalleyStore } from '../store/GalleyStore.ts';

/**
 * "Sent" as a state of an edition: when its status is `sent`, the edition doc holds
 * `sentAt`, and the store holds one version named "Sent <date>" per sending. Anything can
 * set the status (the API, an editor's client, a linked hub), so the index refresh settles
 * the rest, and does it idempotently: it runs after every change to the edition.
 *
 * This file reaches the edition service only through `SentHost`, the few members it uses,
 * because the service calls it (an import back would be a cycle).
 */

/** What sent-state bookkeeping needs of the edition service. */
export interface SentHost {
  readonly store: GalleyStore;
  readonly host: DocHost;
  /** The rooms of an edition now: its doc and its sections' docs. */
  rooms(id: string): Promise<string[]>;
}

// The store remembers, per edition, that it froze the current sending; the mark goes when
// the edition stops being sent. Presence, not the time, is what counts: two linked hubs
// can each stamp a sentAt for the same sending before they hear of each other's, and the
// one that loses the merge must not read the winner's time as a second sending.
const FROZEN_KEY = 'sentVersionFor:';

/** The label of the version frozen for a sending at `sentAt`: "Sent 2026-12-06" (UTC date). */
export function sentVersionLabel(sentAt: string): string {
  return `Sent ${sentAt.slice(0, 10)}`;
}

function readSentState(
  host: DocHost,
  id: string,
): Promise<{ sent: boolean; raw: unknown; sentAt?: string }> {
  return host.peek(editionRoom(id), (doc) => {
    const meta = editionTypes(doc).meta;
    const raw: unknown = meta.get('sentAt');
    const restored = restoreMeta({ status: meta.get('status'), sentAt: raw });
    return { sent: restored.status === 'sent', raw, sentAt: restored.sentAt };
  });
}

/**
 * Brings the edition doc's `sentAt` in line with its status: stamps it (with `now`) when
 * the status is sent and no valid time is there, removes it when the status is not sent.
 * Returns the sent time, or null. Writes nothing when the doc already agrees.
 */
export async function settleSentAt(
  editions: SentHost,
  id: string,
  now: () => string,
): Promise<string | null> {
  const state = await readSentState(editions.host, id);
  const room = editionRoom(id);
  if (!state.sent) {
    if (state.raw !== undefined)
      await editions.host.change(room, (doc) => editionTypes(doc).meta.delete('sentAt'));
    // Read before writing: this runs on every refresh of every edition.
    if ((await editions.store.getSetting(FROZEN_KEY + id)) !== undefined)
      await editions.store.setSetting(FROZEN_KEY + id, undefined);
    return null;
  }
  if (state.sentAt !== undefined) return state.sentAt;
  const at = now();
  await editions.host.change(room, (doc) => editionTypes(doc).meta.set('sentAt', at));
  return at;
}

/**
 * Saves the "Sent <date>" version of the current sending (at `sentAt`) unless this store
 * already saved one since the edition became sent; returns the new version, or null.
 */
export async function freezeSentVersion(
  editions: SentHost,
  id: string,
  sentAt: string | null,
): Promise<VersionInfo | null> {
  if (sentAt === null) return null;
  const key = `${FROZEN_KEY}${id}`;
  if ((await editions.store.getSetting(key)) !== undefined) return null;
  const rooms = new Map<string, Uint8Array>();
  for (const room of await editions.rooms(id)) {
    rooms.set(room, await editions.host.peek(room, (doc) => Y.encodeStateAsUpdate(doc)));
  }
  const version = await editions.store.createVersion({
    editionId: id,
    label: sentVersionLabel(sentAt),
    author: '',
    auto: false,
    rooms,
  });
  await editions.store.setSetting(key, sentAt);
  return version;
}

/**
 * Marks an edition sent at `at`: sets the status and the time in one change, unless it
 * is already sent (then its first time stands: a second call is not a second sending).
 */
export async function markSentInDoc(editions: SentHost, id: string, at: string): Promise<void> {
  const state = await readSentState(editions.host, id);
  if (state.sent && state.sentAt !== undefined) return;
  await editions.host.change(editionRoom(id), (doc) => {
    const meta = editionTypes(doc).meta;
    doc.transact(() => {
      if (meta.get('status') !== 'sent') meta.set('status', 'sent');
      meta.set('sentAt', at);
    });
  });
}
