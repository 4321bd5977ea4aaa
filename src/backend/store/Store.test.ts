import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sidecarsOf, useStoreFiles } from '../../../test/helpers/storeFiles.ts';
import { typeUpdates } from '../../../test/helpers/yjsTyping.ts';
import { Store } from './Store.ts';

const FIXED = new Date('2025-03-01T09:00:00.000Z');

describe('versions', () => {
  const stores = useStoreFiles();

  it('saves, lists newest first, reads back and deletes versions', () => {
    let now = FIXED;
    const store = stores.open(undefined, { now: () => now });
    const first = typeUpdates(20, 1);
    const second = typeUpdates(30, 2);
    const v1 = store.createVersion({
      editionId: 'e1',
      label: 'Draft for review',
      author: 'Ada',
      auto: false,
      rooms: new Map([
        ['edition:e1', Y.encodeStateAsUpdate(first.doc)],
        ['section:s1', Y.encodeStateAsUpdate(second.doc)],
      ]),
    });
    expect(v1).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      editionId: 'e1',
      label: 'Draft for review',
      author: 'Ada',
      auto: false,
      createdAt: FIXED.toISOString(),
    });
    // Same timestamp: the later version still lists first.
    const v2 = store.createVersion({
      editionId: 'e1',
      label: 'Before restoring',
      author: '',
      auto: true,
      rooms: new Map([['edition:e1', Y.encodeStateAsUpdate(first.doc)]]),
    });
    now = new Date('2025-03-02T00:00:00Z');
    store.createVersion({
      editionId: 'e2',
      label: 'Other',
      author: '',
      auto: false,
      rooms: new Map(),
    });

    expect(store.listVersions('e1').map((v) => [v.id, v.auto])).toEqual([
      [v2.id, true],
      [v1.id, false],
    ]);
    const rooms = store.getVersionRooms(v1.id);
    expect([...rooms.keys()].sort()).toEqual(['edition:e1', 'section:s1']);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, rooms.get('section:s1')!);
    expect(restored.getText('body').toString()).toBe(second.doc.getText('body').toString());

    expect(store.deleteVersion(v1.id)).toBe(true);
    expect(store.deleteVersion(v1.id)).toBe(false);
    expect(store.getVersionRooms(v1.id).size).toBe(0);
    expect(store.listVersions('e1').map((v) => v.id)).toEqual([v2.id]);
  });
});

describe('assets', () => {
  const stores = useStoreFiles();

  it('stores bytes once under their sha256 and reads them back', () => {
    const store = stores.open(undefined, { now: () => FIXED });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const hash = store.putAsset(png, 'image/png');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(store.putAsset(png.slice(), 'image/png')).toBe(hash);
    expect(store.getAsset(hash)).toEqual({
      hash,
      mime: 'image/png',
      bytes: expect.any(Uint8Array),
      createdAt: FIXED.toISOString(),
    });
    expect([...store.getAsset(hash)!.bytes]).toEqual([...png]);
    expect(store.putAsset(new Uint8Array([1]), 'image/gif')).not.toBe(hash);
    expect(store.getAsset('0'.repeat(64))).toBeNull();
    expect(store.getAsset('not a hash')).toBeNull();
    expect(() => store.putAsset(png, '')).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });
});

describe('settings', () => {
  const stores = useStoreFiles();

  it('keeps JSON values, overwrites and removes them', () => {
    const store = stores.open();
    expect(store.getSetting('theme')).toBeUndefined();
    store.setSetting('theme', 'dark');
    store.setSetting('recent', [{ id: 'e1' }, null, 3]);
    store.setSetting('theme', 'light');
    expect(store.getSetting('theme')).toBe('light');
    expect(store.getSetting('recent')).toEqual([{ id: 'e1' }, null, 3]);
    store.setSetting('flag', false);
    expect(store.getSetting('flag')).toBe(false);
    store.setSetting('theme', undefined);
    expect(store.getSetting('theme')).toBeUndefined();
    expect(() => store.setSetting('big', 10n)).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });
});

describe('backup and lifecycle', () => {
  const stores = useStoreFiles();

  it('backs up online to a file that opens as a Store with the same rooms', async () => {
    const store = stores.open();
    const a = typeUpdates(200, 1);
    const b = typeUpdates(50, 2);
    store.appendUpdates('section:a', a.updates);
    store.appendUpdates('section:b', b.updates);
    store.setSetting('k', 1);
    const dest = path.join(path.dirname(stores.file()), 'backup.db');
    await store.backup(dest);
    // The live store keeps working during and after the backup.
    store.appendUpdate('section:c', typeUpdates(1, 3).updates[0]!);
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['backup.db']);

    const copy = stores.open(dest);
    expect(copy.listRooms()).toEqual(['section:a', 'section:b']);
    expect(copy.loadDoc('section:a').getText('body').toString()).toBe(
      a.doc.getText('body').toString(),
    );
    expect(copy.getSetting('k')).toBe(1);
    expect(copy.integrityCheck()).toBe('ok');
  });

  it('refuses to back up onto the live file or into a missing folder', async () => {
    const store = stores.open();
    await expect(store.backup(store.path)).rejects.toThrow(/live database itself/);
    await expect(store.backup(`${store.path}-wal`)).rejects.toThrow(/live database itself/);
    const missing = path.join(path.dirname(store.path), 'no', 'such', 'backup.db');
    await expect(store.backup(missing)).rejects.toThrow(
      expect.objectContaining({
        code: 'io',
        message: expect.stringContaining('does not exist'),
      }),
    );
  });

  it('close checkpoints, is idempotent, and later calls fail with `closed`', () => {
    const file = stores.file();
    const store = Store.open(file);
    store.appendUpdate('section:a', typeUpdates(1).updates[0]!);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
    store.close();
    expect(sidecarsOf(file)).toEqual([]);
    expect(() => store.loadRoom('section:a')).toThrow(expect.objectContaining({ code: 'closed' }));
    expect(() => store.loadRoom('section:a')).toThrow(file);
  });

  it('exposes its clock', () => {
    const store = stores.open(undefined, { now: () => FIXED });
    expect(store.now()).toBe(FIXED);
  });
});
