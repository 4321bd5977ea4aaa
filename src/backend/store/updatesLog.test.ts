import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useStoreFiles } from '../../../test/helpers/storeFiles.ts';
import { typeUpdates } from '../../../test/helpers/yjsTyping.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { Store } from './Store.ts';
import { isStoreError } from './StoreError.ts';

const ROOM = 'section:s1';

function sameDoc(actual: Y.Doc, expected: Y.Doc): void {
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
  expect(actual.getText('body').toString()).toBe(expected.getText('body').toString());
  expect(actual.getText('body').toDelta()).toEqual(expected.getText('body').toDelta());
}

function docFrom(update: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (update !== null) Y.applyUpdate(doc, update);
  return doc;
}

describe('update log', () => {
  const stores = useStoreFiles();

  it('appends with increasing seqs per room and loads the merged state', () => {
    const store = stores.open();
    const { doc, updates } = typeUpdates(50);
    expect(updates.map((u) => store.appendUpdate(ROOM, u))).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(store.appendUpdate('section:other', updates[0]!)).toBe(1);
    expect(store.logLength(ROOM)).toBe(50);
    sameDoc(docFrom(store.loadRoom(ROOM)), doc);
    sameDoc(store.loadDoc(ROOM), doc);
  });

  it('returns null and an empty doc for a room without a log', () => {
    const store = stores.open();
    expect(store.loadRoom('section:none')).toBeNull();
    expect(store.loadDoc('section:none').share.size).toBe(0);
    expect(store.logLength('section:none')).toBe(0);
  });

  it('appends a batch in one transaction and continues the numbering', () => {
    const store = stores.open();
    const { doc, updates } = typeUpdates(30);
    expect(store.appendUpdate(ROOM, updates[0]!)).toBe(1);
    expect(store.appendUpdates(ROOM, updates.slice(1, 21))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    expect(store.appendUpdates(ROOM, [])).toEqual([]);
    expect(store.appendUpdates(ROOM, updates.slice(21))).toEqual([
      22, 23, 24, 25, 26, 27, 28, 29, 30,
    ]);
    sameDoc(store.loadDoc(ROOM), doc);
  });

  it('rolls back a whole batch when one update is invalid', () => {
    const store = stores.open();
    const { updates } = typeUpdates(3);
    expect(() => store.appendUpdates(ROOM, [updates[0]!, new Uint8Array(0)])).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(store.logLength(ROOM)).toBe(0);
  });

  it('compaction keeps the document exactly and later appends continue after it', () => {
    const store = stores.open(undefined, { compactThreshold: 100_000 });
    const { doc, updates } = typeUpdates(2_000, 7);
    store.appendUpdates(ROOM, updates.slice(0, 1_500));
    const result = store.compactRoom(ROOM);
    expect(result).toMatchObject({ room: ROOM, rowsBefore: 1_500 });
    expect(result.bytesAfter).toBeLessThan(result.bytesBefore);
    expect(store.logLength(ROOM)).toBe(1);
    // The merged row keeps the last seq, so numbering never goes back.
    expect(store.appendUpdate(ROOM, updates[1_500]!)).toBe(1_501);
    store.appendUpdates(ROOM, updates.slice(1_501));
    sameDoc(store.loadDoc(ROOM), doc);
    expect(store.compactRoom(ROOM).rowsBefore).toBe(501);
    expect(store.compactRoom(ROOM).rowsBefore).toBe(0);
    sameDoc(docFrom(store.loadRoom(ROOM)), doc);
  });

  it('compacts a room at load once its log passes the threshold, not before', () => {
    const store = stores.open(undefined, { compactThreshold: 100 });
    const { doc, updates } = typeUpdates(150);
    store.appendUpdates(ROOM, updates.slice(0, 100));
    store.loadRoom(ROOM);
    expect(store.logLength(ROOM)).toBe(100);
    store.appendUpdates(ROOM, updates.slice(100));
    sameDoc(docFrom(store.loadRoom(ROOM)), doc);
    expect(store.logLength(ROOM)).toBe(1);
    store.appendUpdates(ROOM, typeUpdates(150, 2).updates);
    store.loadDoc(ROOM);
    expect(store.logLength(ROOM)).toBe(1);
  });

  it('loadLive says up to which seq the doc holds the log, and how long the log is', () => {
    const store = stores.open(undefined, { compactThreshold: 100 });
    expect(store.loadLive(ROOM)).toMatchObject({ seq: 0, rows: 0, bytes: 0 });
    const { doc, updates } = typeUpdates(150);
    store.appendUpdates(ROOM, updates.slice(0, 40));
    const bytes = updates.slice(0, 40).reduce((sum, u) => sum + u.byteLength, 0);
    expect(store.loadLive(ROOM)).toMatchObject({ seq: 40, rows: 40, bytes });
    expect(store.logStats(ROOM)).toEqual({ rows: 40, bytes });
    store.appendUpdates(ROOM, updates.slice(40));
    const loaded = store.loadLive(ROOM);
    const state = Y.encodeStateAsUpdate(doc).byteLength;
    expect(loaded).toMatchObject({ seq: 150, rows: 1, bytes: state });
    expect(store.logStats(ROOM)).toEqual({ rows: 1, bytes: state });
    sameDoc(loaded.doc, doc);
  });

  it('compactTo replaces the rows up to a seq by the given state and keeps those above', () => {
    const store = stores.open(undefined, { compactThreshold: 100_000 });
    const { doc, updates } = typeUpdates(300, 3);
    store.appendUpdates(ROOM, updates.slice(0, 200));
    const live = store.loadLive(ROOM);
    // Appended after the live doc was read: not in the state handed to compactTo.
    store.appendUpdates(ROOM, updates.slice(200));
    const state = Y.encodeStateAsUpdate(live.doc);
    const result = store.compactTo(ROOM, live.seq, state);
    expect(result).toMatchObject({ room: ROOM, rowsBefore: 200, bytesAfter: state.byteLength });
    expect(store.logLength(ROOM)).toBe(101);
    sameDoc(store.loadDoc(ROOM), doc);
    expect(store.compactTo(ROOM, 200, state).rowsBefore).toBe(0);
    expect(store.appendUpdate(ROOM, typeUpdates(1, 5).updates[0]!)).toBe(301);
    expect(() => store.compactTo(ROOM, 0, state)).toThrow(/not a seq/);
  });

  it('compactAll compacts only the rooms past the threshold', () => {
    const store = stores.open(undefined, { compactThreshold: 10 });
    store.appendUpdates('section:long', typeUpdates(20).updates);
    store.appendUpdates('section:short', typeUpdates(5).updates);
    expect(store.compactAll().map((r) => r.room)).toEqual(['section:long']);
    expect(store.logLength('section:long')).toBe(1);
    expect(store.logLength('section:short')).toBe(5);
    expect(store.compactAll(2).map((r) => r.room)).toEqual(['section:short']);
  });

  it('shares one file between two stores (the app and the CLI) without losing updates', () => {
    const file = stores.file();
    const app = stores.open(file, { compactThreshold: 5 });
    const cli = stores.open(file, { compactThreshold: 5 });
    const { doc, updates } = typeUpdates(30);
    expect(app.appendUpdates(ROOM, updates.slice(0, 10)).at(-1)).toBe(10);
    expect(cli.appendUpdates(ROOM, updates.slice(10, 20))).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 11),
    );
    app.loadDoc(ROOM);
    expect(cli.logLength(ROOM)).toBe(1);
    expect(cli.appendUpdate(ROOM, updates[20]!)).toBe(21);
    app.appendUpdates(ROOM, updates.slice(21));
    sameDoc(cli.loadDoc(ROOM), doc);
    sameDoc(app.loadDoc(ROOM), doc);
  });

  it('lists rooms, optionally by prefix', () => {
    const store = stores.open();
    const [update] = typeUpdates(1).updates;
    for (const room of ['section:b', 'edition:e1', 'section:a', 'section:a']) {
      store.appendUpdate(room, update!);
    }
    expect(store.listRooms()).toEqual(['edition:e1', 'section:a', 'section:b']);
    expect(store.listRooms('section:')).toEqual(['section:a', 'section:b']);
    expect(store.listRooms('nothing')).toEqual([]);
  });

  it('refuses empty room names and empty updates', () => {
    const store = stores.open();
    const [update] = typeUpdates(1).updates;
    expect(() => store.appendUpdate('', update!)).toThrow(/non-empty string/);
    expect(() => store.appendUpdate(ROOM, new Uint8Array(0))).toThrow(/non-empty Uint8Array/);
  });

  it('reports a row that is not a Yjs update as corrupt, naming the room and seq', () => {
    const store = stores.open();
    store.appendUpdate(ROOM, typeUpdates(1).updates[0]!);
    store.appendUpdate(ROOM, new Uint8Array([255, 255, 255, 255, 255]));
    let error: unknown;
    try {
      store.loadDoc(ROOM);
    } catch (caught) {
      error = caught;
    }
    expect(isStoreError(error, 'corrupt')).toBe(true);
    expect(String(error)).toContain(`update 2 of room ${ROOM}`);
    expect(String(error)).toContain(store.path);
  });
});

describe('reopening', () => {
  const stores = useStoreFiles();

  it('keeps everything across close and reopen, and records the schema version', () => {
    const file = stores.file();
    const first = stores.open(file);
    const { doc, updates } = typeUpdates(40);
    first.appendUpdates(ROOM, updates);
    first.setSetting('theme', { dark: true });
    first.close();
    first.close();
    expect(() => first.logLength(ROOM)).toThrow(expect.objectContaining({ code: 'closed' }));

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const second = stores.open(file);
    sameDoc(second.loadDoc(ROOM), doc);
    expect(second.getSetting('theme')).toEqual({ dark: true });
    expect(second.appendUpdate(ROOM, typeUpdates(1, 9).updates[0]!)).toBe(41);
    expect(second.integrityCheck()).toBe('ok');
  });

  it('creates missing parent folders and treats an empty file as a new database', async () => {
    const file = stores.file('a/b/c/galley.db');
    const store = stores.open(file);
    expect(store.path).toBe(file);
    store.close();
    const empty = stores.file('empty.db');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(empty, '');
    expect(stores.open(empty).listRooms()).toEqual([]);
  });

  it('accepts FULL synchronous mode', () => {
    const store = stores.open(undefined, { synchronous: 'FULL' });
    expect(store.appendUpdate(ROOM, typeUpdates(1).updates[0]!)).toBe(1);
  });

  it('rejects a nonsensical compaction threshold', () => {
    expect(() => Store.open(stores.file(), { compactThreshold: 0 })).toThrow(/compactThreshold/);
  });
});
