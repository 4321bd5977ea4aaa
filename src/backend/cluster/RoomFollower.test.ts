import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { SqliteStore } from '../store/SqliteStore.ts';
import { RoomFollower } from './RoomFollower.ts';

const tempDir = useTempDir();
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const ROOM = 'section:follow';

/** A "hub": a doc whose own edits are appended to the shared log, following the others. */
function hub(store: SqliteStore, name: string) {
  const doc = new Y.Doc();
  const applied: number[] = [];
  const follower = new RoomFollower(0, {
    read: (after) => store.readUpdatesSince(ROOM, after),
    apply: (rows) => {
      applied.push(...rows.map((row) => row.seq));
      for (const row of rows) Y.applyUpdate(doc, row.data, 'remote');
    },
    onError: (error) => {
      throw error;
    },
  });
  const type = async (text: string) => {
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(doc.getText('t').length, text);
    const seq = await store.appendUpdate(ROOM, Y.encodeStateAsUpdate(doc, before));
    follower.appended([seq]);
    return seq;
  };
  return { name, doc, follower, applied, type, text: () => doc.getText('t').toString() };
}

describe('RoomFollower', () => {
  it('reads what another hub appended when it hears of a higher seq, and only that', async () => {
    const store = SqliteStore.open(join(tempDir(), 'g.db'));
    stores.push(store);
    const a = hub(store, 'a');
    const b = hub(store, 'b');
    const s1 = await a.type('one ');
    const s2 = await a.type('two ');
    expect(a.follower.seq).toBe(2);
    b.follower.heard(s1);
    b.follower.heard(s2);
    await b.follower.catchUp();
    expect(b.text()).toBe('one two ');
    expect(b.follower.seq).toBe(2);
    // Hearing an old seq again reads nothing.
    b.follower.heard(1);
    await b.follower.catchUp();
    expect(b.applied).toEqual([1, 2]);
  });

  it('catches up when its own seqs skip rows another hub appended in between', async () => {
    const store = SqliteStore.open(join(tempDir(), 'g.db'));
    stores.push(store);
    const a = hub(store, 'a');
    const b = hub(store, 'b');
    await a.type('a1 ');
    // b never hears of a's row, but its own append gets seq 2, not 1: it reads row 1.
    expect(await b.type('b1 ')).toBe(2);
    await b.follower.catchUp();
    expect(b.text()).toContain('a1 ');
    expect(b.follower.seq).toBe(2);
    // a follows b's row by catching up (a gap event), converging on the same text.
    await a.follower.catchUp();
    expect(a.text()).toBe(b.text());
  });
});
