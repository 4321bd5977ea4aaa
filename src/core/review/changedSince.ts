import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { bodyChars } from './bodyChars.ts';

/** A stretch of body text inserted by someone else after a state vector. */
export interface NewText {
  type: Y.XmlText;
  /** Index of the first new character in `type`. */
  index: number;
  length: number;
  /** Where it starts in the body's flat text (bodyPositions layout). */
  flat: number;
  client: number;
}

/**
 * The text of a section body that was inserted after the state vector `seen` (what the
 * reader had when they last looked) by a client for which `isMine` is false. A character
 * is new when its clock is at or above the clock `seen` holds for its client.
 */
export function newTextSince(
  root: Y.XmlText,
  seen: Map<number, number>,
  isMine: (clientId: number) => boolean,
): NewText[] {
  const out: NewText[] = [];
  for (const span of bodyChars(root).spans) {
    if (isMine(span.client)) continue;
    const known = seen.get(span.client) ?? 0;
    if (span.clock + span.length <= known) continue;
    const skip = Math.max(0, known - span.clock);
    const last = out.at(-1);
    const index = span.index + skip;
    const length = span.length - skip;
    // Neighbouring items of one type and client read as one stretch.
    if (
      last?.type === span.type &&
      last.client === span.client &&
      last.index + last.length === index
    ) {
      last.length += length;
      continue;
    }
    out.push({ type: span.type, index, length, flat: span.flat + skip, client: span.client });
  }
  return out;
}

/** A doc's state vector as base64, for keeping in local storage. */
export function stateVectorToBase64(doc: Y.Doc): string {
  return toBase64(Y.encodeStateVector(doc));
}

/** A stored base64 state vector read back; an unreadable one reads as empty (all new). */
export function stateVectorFromBase64(encoded: string): Map<number, number> {
  try {
    return Y.decodeStateVector(fromBase64(encoded));
  } catch {
    return new Map();
  }
}
