import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Sponsor } from '../../../src/core/model/sponsor.ts';
import { typeUpdates } from '../yjsTyping.ts';
import type { ContractContext } from './index.ts';
import { summary } from './search.ts';

function sponsor(id: string, name: string, extra: Partial<Sponsor> = {}): Sponsor {
  return {
    id,
    name,
    url: 'https://example.com',
    disclosure: '',
    cta: '',
    logo: null,
    flightStart: null,
    flightEnd: null,
    notes: '',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** The editions index, versions, assets, settings and sponsors. */
export function recordsContract(t: ContractContext): void {
  it('keeps edition summaries: created date kept, trash date kept, unknown ids refused', async () => {
    const store = await t.open();
    await store.upsertEditionIndex(summary('e1', { title: 'First' }));
    t.clock.now = new Date('2025-03-05T00:00:00.000Z');
    await store.upsertEditionIndex(summary('e1', { title: 'Renamed', wordCount: 7 }));
    expect(await store.getEditionSummary('e1')).toEqual({
      ...summary('e1', { title: 'Renamed', wordCount: 7 }),
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-05T00:00:00.000Z',
      deletedAt: null,
      sentAt: null,
    });
    expect(await store.getEditionSummary('nope')).toBeNull();
    await store.markEditionDeleted('e1', true);
    t.clock.now = new Date('2025-03-09T00:00:00.000Z');
    await store.markEditionDeleted('e1', true);
    expect((await store.getEditionSummary('e1'))?.deletedAt).toBe('2025-03-05T00:00:00.000Z');
    await store.markEditionDeleted('e1', false);
    await store.markEditionDeleted('e1', true, '2024-12-24T00:00:00.000Z');
    expect((await store.getEditionSummary('e1'))?.deletedAt).toBe('2024-12-24T00:00:00.000Z');
    await expect(store.markEditionDeleted('nope', true)).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(store.upsertEditionIndex(summary('bad id!', {}))).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('lists editions unscheduled first, then by date, number, last change; filters', async () => {
    const store = await t.open();
    const rows = [
      summary('d', { publishDate: '2025-02-01', number: 2 }),
      summary('b', { publishDate: null, number: null }),
      summary('e', { publishDate: '2025-03-01', number: 3, status: 'sent' }),
      summary('a', { publishDate: null, number: null }),
      summary('c', { publishDate: '2025-02-01', number: null }),
      summary('f', { publishDate: '2025-02-01', number: 2 }),
    ];
    for (const [i, row] of rows.entries()) {
      await store.upsertEditionIndex({ ...row, updatedAt: `2025-01-0${i + 1}T00:00:00.000Z` });
    }
    await store.upsertEditionIndex({ ...summary('z'), updatedAt: '2025-01-01T00:00:00.000Z' });
    await store.markEditionDeleted('z', true);
    const ids = async (filter?: Parameters<typeof store.listEditions>[0]) =>
      (await store.listEditions(filter)).map((e) => e.id);
    // a and b: no date; a changed later. c: same date as d and f but no number.
    expect(await ids()).toEqual(['a', 'b', 'e', 'c', 'f', 'd']);
    expect(await ids({ status: 'sent' })).toEqual(['e']);
    expect(await ids({ includeDeleted: true })).toEqual(['a', 'b', 'z', 'e', 'c', 'f', 'd']);
  });

  it('saves versions, lists them newest first (ties by order made), copies and deletes', async () => {
    const store = await t.open();
    const doc = typeUpdates(15, 3).doc;
    const rooms = new Map([['edition:e1', Y.encodeStateAsUpdate(doc)]]);
    const v1 = await store.createVersion({
      editionId: 'e1',
      label: 'One',
      author: 'Ada',
      auto: false,
      rooms,
    });
    const v2 = await store.createVersion({
      editionId: 'e1',
      label: 'Two',
      author: '',
      auto: true,
      rooms: new Map(),
    });
    expect(v1).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      editionId: 'e1',
      label: 'One',
      author: 'Ada',
      auto: false,
      createdAt: '2025-03-01T09:00:00.000Z',
    });
    expect((await store.listVersions('e1')).map((v) => v.id)).toEqual([v2.id, v1.id]);
    const back = await store.getVersionRooms(v1.id);
    expect([...back.keys()]).toEqual(['edition:e1']);
    expect([...back.get('edition:e1')!]).toEqual([...rooms.get('edition:e1')!]);
    expect((await store.getVersionRooms('nope')).size).toBe(0);
    const old = { ...v1, id: 'imported', editionId: 'e2', createdAt: '2020-01-01T00:00:00.000Z' };
    await store.importVersion(old, rooms);
    expect(await store.listVersions('e2')).toEqual([old]);
    expect((await store.listAllVersions()).map((v) => v.id)).toEqual(['imported', v1.id, v2.id]);
    expect(await store.deleteVersion(v1.id)).toBe(true);
    expect(await store.deleteVersion(v1.id)).toBe(false);
    expect((await store.getVersionRooms(v1.id)).size).toBe(0);
    await expect(
      store.createVersion({
        editionId: 'e1',
        label: '',
        author: '',
        auto: false,
        rooms: new Map([['', new Uint8Array()]]),
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('stores assets once by content hash, lists and copies them', async () => {
    const store = await t.open();
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const hash = await store.putAsset(bytes, 'image/png');
    expect(hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    t.clock.now = new Date('2026-01-01T00:00:00.000Z');
    expect(await store.putAsset(bytes, 'image/jpeg')).toBe(hash);
    const asset = await store.getAsset(hash);
    expect(asset).toMatchObject({ hash, mime: 'image/png', createdAt: '2025-03-01T09:00:00.000Z' });
    expect([...asset!.bytes]).toEqual([...bytes]);
    expect(await store.getAsset('0'.repeat(64))).toBeNull();
    expect(await store.getAsset("x' OR 1=1")).toBeNull();
    await expect(store.putAsset(bytes, 'png')).rejects.toMatchObject({ code: 'invalid-input' });
    const other = new Uint8Array([1]);
    const otherHash = createHash('sha256').update(other).digest('hex');
    await store.importAsset({
      hash: otherHash,
      mime: 'image/gif',
      bytes: other,
      createdAt: '2019-01-01T00:00:00.000Z',
    });
    expect((await store.getAsset(otherHash))?.createdAt).toBe('2019-01-01T00:00:00.000Z');
    expect(await store.listAssetHashes()).toEqual([hash, otherHash].sort());
    await expect(
      store.importAsset({ hash: '0'.repeat(64), mime: 'image/gif', bytes: other, createdAt: '' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('keeps settings as JSON values; undefined removes one', async () => {
    const store = await t.open();
    expect(await store.getSetting('missing')).toBeUndefined();
    const value = {
      theme: 'dark',
      sizes: [1, 2.5],
      nested: { ok: true, none: null },
      text: 'é "q"',
    };
    await store.setSetting('prefs', value);
    await store.setSetting('count', 3);
    expect(await store.getSetting('prefs')).toEqual(value);
    await store.setSetting('count', 4);
    expect(await store.listSettings()).toEqual(
      new Map<string, unknown>([
        ['count', 4],
        ['prefs', value],
      ]),
    );
    await store.setSetting('count', undefined);
    expect(await store.getSetting('count')).toBeUndefined();
    await expect(store.setSetting('', 1)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('keeps sponsors by name (ASCII case ignored), created date from the first write', async () => {
    const store = await t.open();
    await store.putSponsor(sponsor('s2', 'beta'));
    await store.putSponsor(
      sponsor('s1', 'Alpha', { logo: 'a'.repeat(64), flightStart: '2025-01-01' }),
    );
    await store.putSponsor(sponsor('s3', 'Gamma'));
    await store.putSponsor(
      sponsor('s2', 'Beta', {
        createdAt: '2030-01-01T00:00:00.000Z',
        updatedAt: '2030-01-01T00:00:00.000Z',
      }),
    );
    expect((await store.listSponsors()).map((s) => s.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(await store.getSponsor('s2')).toEqual(
      sponsor('s2', 'Beta', { updatedAt: '2030-01-01T00:00:00.000Z' }),
    );
    expect(await store.getSponsor('s1')).toEqual(
      sponsor('s1', 'Alpha', { logo: 'a'.repeat(64), flightStart: '2025-01-01' }),
    );
    expect(await store.deleteSponsor('s3')).toBe(true);
    expect(await store.deleteSponsor('s3')).toBe(false);
    expect(await store.getSponsor('s3')).toBeNull();
  });
}
