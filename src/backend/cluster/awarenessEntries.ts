import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One client's state in a y-protocols awareness update (state is JSON text, "null" when gone). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

/** The entries of an awareness update; throws on bytes that are not one. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    entries.push({ clientId, clock, state });
  }
  return entries;
}

/** An awareness update holding exactly these entries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Folds `update` into `pending` (client id -> entry), keeping each client's newest
 * clock: what a receiver would end up with after applying the updates one by one.
 */
export function foldAwareness(pending: Map<number, AwarenessEntry>, update: Uint8Array): void {
  for (const entry of decodeAwarenessEntries(update)) {
    const held = pending.get(entry.clientId);
    if (held === undefined || held.clock <= entry.clock) pending.set(entry.clientId, entry);
  }
}

/**
 * Encodes entries as updates of at most `maxBytes` each; an entry too big on its own is
 * left out and returned in `dropped` (a presence with a huge state is not worth a frame).
 */
export function packAwareness(
  entries: Iterable<AwarenessEntry>,
  maxBytes: number,
): { updates: Uint8Array[]; dropped: AwarenessEntry[] } {
  const updates: Uint8Array[] = [];
  const dropped: AwarenessEntry[] = [];
  let chunk: AwarenessEntry[] = [];
  for (const entry of entries) {
    if (encodeAwarenessEntries([entry]).byteLength > maxBytes) {
      dropped.push(entry);
      continue;
    }
    const next = [...chunk, entry];
    if (encodeAwarenessEntries(next).byteLength > maxBytes) {
      updates.push(encodeAwarenessEntries(chunk));
      chunk = [entry];
    } else {
      chunk = next;
    }
  }
  if (chunk.length > 0) updates.push(encodeAwarenessEntries(chunk));
  return { updates, dropped };
}
