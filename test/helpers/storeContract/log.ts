import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { typeUpdates } from '../yjsTyping.ts';
import type { ContractContext } from './index.ts';

/** The update log: seqs, batches, loads, catch-up reads, compaction, rooms. */
export function logContract(t: ContractContext): void {
  it('numbers appends per room from 1, single and batched, in commit order', async () => {
    const store = await t.open();
    const { updates } = typeUpdates(10, 3);
    expect(await store.appendUpdate('section:a', updates[0]!)).toBe(1);
    expect(await store.appendUpdate('section:a', updates[1]!)).toBe(2);
    expect(await store.appendUpdates('section:a', updates.slice(2, 6))).toEqual([3, 4, 5, 6]);
    expect(await store.appendUpdates('section:b', updates.slice(0, 2))).toEqual([1, 2]);
    expect(await store.appendUpdates('section:a', [])).toEqual([]);
    expect(await store.logLength('section:a')).toBe(6);
    const bytes = updates.slice(0, 6).reduce((sum, u) => sum + u.byteLength, 0);
    expect(await store.logStats('section:a')).toEqual({ rows: 6, bytes });
    expect(await store.logStats('nothing')).toEqual({ rows: 0, bytes: 0 });
  });

  it('refuses an empty room name or update, and stores nothing for them', async () => {
    const store = await t.open();
    await expect(store.appendUpdate('', new Uint8Array([1]))).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(store.appendUpdate('r', new Uint8Array())).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(
      store.appendUpdates('r', [typeUpdates(1).updates[0]!, new Uint8Array()]),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await store.logLength('r')).toBe(0);
  });

  it('loads a room as one update, a doc, and a live doc with its seq', async () => {
    const store = await t.open();
    const typing = typeUpdates(40, 7);
    expect(await store.loadRoom('section:x')).toBeNull();
    expect((await store.loadDoc('section:x')).getText('body').toString()).toBe('');
    expect((await store.loadLive('section:x')).seq).toBe(0);
    await store.appendUpdates('section:x', typing.updates);
    const expected = typing.doc.getText('body').toString();
    const merged = await store.loadRoom('section:x');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, merged!);
    expect(doc.getText('body').toString()).toBe(expected);
    expect((await store.loadDoc('section:x')).getText('body').toString()).toBe(expected);
    const live = await store.loadLive('section:x');
    expect(live.seq).toBe(40);
    expect(live.rows).toBe(40);
    expect(live.doc.getText('body').toString()).toBe(expected);
  });

  it('reads the rows above a seq, in order, for catch-up', async () => {
    const store = await t.open();
    const { updates } = typeUpdates(8, 2);
    await store.appendUpdates('room', updates);
    const rows = await store.readUpdatesSince('room', 5);
    expect(rows.map((r) => r.seq)).toEqual([6, 7, 8]);
    expect(rows.map((r) => [...r.data])).toEqual(updates.slice(5).map((u) => [...u]));
    expect(await store.readUpdatesSince('room', 8)).toEqual([]);
    expect(await store.readUpdatesSince('other', 0)).toEqual([]);
  });

  it('compacts a room to one row at its highest seq: state and readers positions stay', async () => {
    const store = await t.open();
    const typing = typeUpdates(30, 4);
    await store.appendUpdates('section:c', typing.updates);
    const result = await store.compactRoom('section:c');
    expect(result.rowsBefore).toBe(30);
    expect(result.room).toBe('section:c');
    expect(await store.logLength('section:c')).toBe(1);
    // A reader that had seen up to 12 gets the merged row, numbered 30.
    const rows = await store.readUpdatesSince('section:c', 12);
    expect(rows.map((r) => r.seq)).toEqual([30]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, rows[0]!.data);
    expect(doc.getText('body').toString()).toBe(typing.doc.getText('body').toString());
    expect(await store.appendUpdate('section:c', typeUpdates(31, 4).updates[30]!)).toBe(31);
    expect((await store.compactRoom('empty')).rowsBefore).toBe(0);
    expect((await store.compactRoom('section:c')).rowsBefore).toBe(2);
  });

  it('compactTo replaces rows up to a seq and keeps the later ones', async () => {
    const store = await t.open();
    const typing = typeUpdates(20, 5);
    await store.appendUpdates('s', typing.updates);
    const upTo10 = new Y.Doc();
    typing.updates.slice(0, 10).forEach((u) => Y.applyUpdate(upTo10, u));
    const result = await store.compactTo('s', 10, Y.encodeStateAsUpdate(upTo10));
    expect(result.rowsBefore).toBe(10);
    expect((await store.readUpdatesSince('s', 0)).map((r) => r.seq)).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]);
    expect((await store.loadDoc('s')).getText('body').toString()).toBe(
      typing.doc.getText('body').toString(),
    );
    await expect(store.compactTo('s', 0, new Uint8Array([0, 0]))).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('compactAll compacts the long rooms only; a load past the threshold compacts', async () => {
    const store = await t.open({ compactThreshold: 10 });
    await store.appendUpdates('long', typeUpdates(12, 1).updates);
    await store.appendUpdates('short', typeUpdates(3, 2).updates);
    const results = await store.compactAll(5);
    expect(results.map((r) => r.room)).toEqual(['long']);
    expect(await store.logLength('short')).toBe(3);
    const typing = typeUpdates(15, 9);
    await store.appendUpdates('loaded', typing.updates);
    const live = await store.loadLive('loaded');
    expect(live).toMatchObject({ seq: 15, rows: 1 });
    expect(await store.logLength('loaded')).toBe(1);
    expect(live.doc.getText('body').toString()).toBe(typing.doc.getText('body').toString());
  });

  it('lists rooms with a log, sorted bytewise, by prefix', async () => {
    const store = await t.open();
    const [u] = typeUpdates(1).updates;
    for (const room of ['section:b', 'edition:z', 'section:a', 'section:B', 'sectionless']) {
      await store.appendUpdate(room, u!);
    }
    expect(await store.listRooms()).toEqual([
      'edition:z',
      'section:B',
      'section:a',
      'section:b',
      'sectionless',
    ]);
    expect(await store.listRooms('section:')).toEqual(['section:B', 'section:a', 'section:b']);
    expect(await store.listRooms('%')).toEqual([]);
  });
}
