import * as Y from 'yjs';
import {
  openBodySession,
  parseRoom,
  restoreBody,
  sectionRoom,
  type BodySession,
  type SectionBody,
} from '../../core/index.ts';
import type { DocHost } from '../docs/DocHost.ts';

interface Entry {
  /** The doc's Yjs snapshot (state vector and delete set) when the body was read. */
  snapshot: Uint8Array;
  body: SectionBody;
  /** False once the room has changed; the next read compares snapshots. */
  current: boolean;
  /** A private copy of the doc with a headless editor bound to it, fed only what changed. */
  live: { doc: Y.Doc; session: BodySession };
}

// Bodies of this many sections stay in memory, each with a headless editor (a few editions'
// worth); the least recently read go first.
const MAX_SECTIONS = 200;

/**
 * Section bodies read from their docs, kept until the doc changes. Reading a body goes
 * through headless Lexical (about 4 ms for 500 words) and copying each doc out of the
 * host costs more than rendering; a preview after each pause in typing needs all of them.
 *
 * Two layers, so that a missed notice can never serve an old body for a new doc and a
 * spurious one costs a copy, not a Lexical read:
 * - `roomChanged` (from the hub for editors' updates, from the service's own `change`)
 *   marks a body as possibly stale; an unmarked body is returned without touching the doc.
 * - a marked body is compared by the doc's snapshot (state vector and delete set; the
 *   state vector alone does not move when text is only deleted) and read again only if
 *   the doc really differs.
 * A changed doc is not read from scratch: each section keeps a private copy of its doc with
 * a headless editor bound, and gets only the difference (one keystroke costs a fraction of
 * a millisecond instead of a fresh 4 ms read). If the copy then is not exactly the doc
 * (equal snapshots), the section is read from scratch instead.
 * Each body is restored and frozen: it is one object per doc state, shared by every reader
 * (the export cache keys on that identity), so nobody may change it in place.
 */
export class SectionBodies {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly host: DocHost) {}

  /** Notes that a room changed; a section's body is checked against its doc at the next read. */
  roomChanged(room: string): void {
    const parsed = parseRoom(room);
    if (parsed?.kind !== 'section') return;
    const entry = this.entries.get(parsed.id);
    if (entry) entry.current = false;
  }

  /** The section's body, restored (an empty body when the doc is empty) and frozen. */
  async read(sectionId: string): Promise<SectionBody> {
    const known = this.entries.get(sectionId);
    if (known?.current) {
      this.touch(sectionId, known);
      return known.body;
    }
    // In place: the doc is only read here, and a copy of it would cost more than the read.
    return this.host.peek(sectionRoom(sectionId), (doc) => {
      // Looked up again: another read may have replaced or dropped it while this one waited.
      const entry = this.entries.get(sectionId);
      const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
      if (entry && sameBytes(entry.snapshot, snapshot)) {
        entry.current = true;
        this.touch(sectionId, entry);
        return entry.body;
      }
      if (entry) {
        const { live } = entry;
        Y.applyUpdate(live.doc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(live.doc)));
        const body = live.session.read();
        if (sameBytes(Y.encodeSnapshot(Y.snapshot(live.doc)), snapshot)) {
          const kept = freezeBody(doc, body);
          this.touch(sectionId, { snapshot, body: kept, current: true, live });
          return kept;
        }
        this.forget(sectionId);
      }
      const live = { doc: new Y.Doc(), session: null as unknown as BodySession };
      Y.applyUpdate(live.doc, Y.encodeStateAsUpdate(doc));
      live.session = openBodySession(live.doc);
      const body = freezeBody(doc, live.session.read());
      this.touch(sectionId, { snapshot, body, current: true, live });
      return body;
    });
  }

  private forget(sectionId: string): void {
    const entry = this.entries.get(sectionId);
    if (!entry) return;
    this.entries.delete(sectionId);
    entry.live.session.dispose();
    entry.live.doc.destroy();
  }

  private touch(sectionId: string, entry: Entry): void {
    // Map order is insertion order: re-inserting keeps the least recently read first.
    this.entries.delete(sectionId);
    this.entries.set(sectionId, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_SECTIONS) break;
      this.forget(oldest);
    }
  }
}

// An empty doc reads as no body at all, which restores to the empty body, as readEdition does.
function freezeBody(doc: Y.Doc, body: SectionBody): SectionBody {
  return deepFreeze(restoreBody(doc.share.size === 0 ? null : body));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
