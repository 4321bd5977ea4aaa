import * as Y from 'yjs';
import { seededRandom } from './random.ts';

/**
 * Realistic Yjs traffic: a person typing into a Y.Text, one character per update, as the
 * y-websocket client would send it (V1). Mostly appends; now and then the caret jumps
 * elsewhere, and now and then a typo is deleted. Deterministic for a given seed.
 */

const TEXT =
  'Galley keeps every edition of the newsletter on this machine; editors type, the hub ' +
  'stores each keystroke and relays it, and nothing waits for the network. ';

export interface Typing {
  /** The doc the updates were captured from (its final state). */
  doc: Y.Doc;
  /** Every update the doc emitted, in order: one per keystroke or deletion. */
  updates: Uint8Array[];
}

/** Types (and now and then deletes) until the doc has emitted exactly `count` updates. */
export function typeUpdates(count: number, seed = 1): Typing {
  const random = seededRandom(seed);
  const doc = new Y.Doc();
  // A fixed client id makes the bytes, not only their sizes, repeatable.
  doc.clientID = seed;
  const text = doc.getText('body');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  let caret = 0;
  for (let typed = 0; updates.length < count;) {
    if (random.next() < 0.02) caret = random.int(0, text.length);
    if (caret > 0 && random.next() < 0.03) {
      caret -= 1;
      text.delete(caret, 1);
    } else {
      text.insert(caret, TEXT.charAt(typed % TEXT.length));
      typed += 1;
      caret += 1;
    }
  }
  return { doc, updates };
}
