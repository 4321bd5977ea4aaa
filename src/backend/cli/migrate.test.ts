import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { fillStore } from '../../../test/helpers/fillStore.ts';
import { generateEdition } from '../../../test/helpers/generateEdition.ts';
import { usePostgres } from '../../../test/helpers/postgres.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { sampleEdition } from '../editions/starters.ts';
import type { GalleyStore } from '../store/GalleyStore.ts';
import { migrateStore, verifyCopy } from '../store/migrateStore.ts';
import { PgStore } from '../store/pg/PgStore.ts';
import { SqliteStore } from '../store/SqliteStore.ts';
import { runMigrate } from './migrate.ts';

const server = usePostgres();
const tempDir = useTempDir();

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {} },
  };
}

async function filledFile(dir: string, count: number): Promise<string> {
  const file = join(dir, 'galley.db');
  const store = SqliteStore.open(file);
  const editions = [
    sampleEdition(),
    ...Array.from({ length: count }, (_, i) => generateEdition(i + 1, 3)),
  ];
  await fillStore(store, editions);
  await store.close();
  return file;
}

describe('galley migrate', () => {
  it('copies the sample and 50 editions SQLite -> PostgreSQL -> SQLite, verified equal', async () => {
    const dir = tempDir();
    const file = await filledFile(dir, 50);
    const url = await server().createDatabase();
    const there = io();
    expect(await runMigrate(['--from', file, '--to', url, '--json'], there.io)).toBe(0);
    const report = JSON.parse(there.out.join('\n')) as Record<string, number | string>;
    expect(report).toMatchObject({
      editions: 51,
      versions: 17,
      assets: 1,
      settings: 2,
      sponsors: 1,
    });
    expect(report.rooms).toBeGreaterThan(51 * 4);
    expect(String(report.to)).not.toContain('galley-test');
    const back = join(dir, 'back.db');
    const home = io();
    expect(await runMigrate(['--from', url, '--to', back], home.io)).toBe(0);
    expect(home.out.join('\n')).toContain('51 editions');
    // The round trip, checked end to end: the original file and the copy of the copy.
    const original = SqliteStore.open(file);
    const copy = SqliteStore.open(back);
    try {
      await verifyCopy(original, copy);
      expect((await copy.search('newsletter')).length).toBeGreaterThan(0);
      // The same hits; ties in rank may list in another order (entries were re-inserted).
      const hits = async (store: GalleyStore) =>
        (await store.search('newsletter', 200)).map((h) => JSON.stringify(h)).sort();
      expect(await hits(copy)).toEqual(await hits(original));
      expect(await copy.listEditions()).toEqual(await original.listEditions());
    } finally {
      await original.close();
      await copy.close();
    }
  }, 300_000);

  it('refuses a target that already holds data, and a missing source file', async () => {
    const dir = tempDir();
    const file = await filledFile(dir, 2);
    const run = io();
    expect(await runMigrate(['--from', file, '--to', join(dir, 'x.db')], run.io)).toBe(0);
    const again = io();
    expect(await runMigrate(['--from', file, '--to', join(dir, 'x.db')], again.io)).toBe(1);
    expect(again.err.join('\n')).toMatch(/already holds .*3 editions.*; copy into an empty store/);
    const missing = io();
    expect(
      await runMigrate(['--from', join(dir, 'nope.db'), '--to', join(dir, 'y.db')], missing.io),
    ).toBe(1);
    expect(missing.err.join('\n')).toContain('does not exist');
    expect(await runMigrate(['--from', file], io().io)).toBe(2);
  }, 120_000);

  it('reports a corrupted target, naming the room or version that differs', async () => {
    const dir = tempDir();
    const source = SqliteStore.open(join(dir, 'src.db'));
    await fillStore(source, [sampleEdition(), generateEdition(7, 3)]);
    const url = await server().createDatabase();
    const target = await PgStore.open(url);
    try {
      await migrateStore(source, target);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // One room of one version loses its state; then a room's log gets a stray update.
        const { rows } = await client.query<{ version_id: string; room: string; state: Buffer }>(
          'SELECT version_id, room, state FROM version_rooms ORDER BY version_id, room LIMIT 1',
        );
        const victim = rows[0]!;
        const set = (state: Buffer) =>
          client.query('UPDATE version_rooms SET state = $1 WHERE version_id = $2 AND room = $3', [
            state,
            victim.version_id,
            victim.room,
          ]);
        await set(Buffer.from([0, 0]));
        await expect(verifyCopy(source, target)).rejects.toThrow(
          `room ${victim.room} of version ${victim.version_id}`,
        );
        await set(victim.state);
        await verifyCopy(source, target);
      } finally {
        await client.end();
      }
      const [room] = await source.listRooms('section:');
      await target.appendUpdate(room!, (await source.readUpdatesSince('edition:ed1', 0))[0]!.data);
      await expect(verifyCopy(source, target)).rejects.toMatchObject({
        code: 'mismatch',
        message: expect.stringContaining(`room ${room}: the state vectors differ`),
      });
    } finally {
      await source.close();
      await target.close();
    }
  }, 120_000);

  it('reports a target that does not keep what it was given', async () => {
    const dir = tempDir();
    const source = SqliteStore.open(join(dir, 'src.db'));
    await fillStore(source, [generateEdition(3, 2)]);
    const inner = SqliteStore.open(join(dir, 'dst.db'));
    // A target that silently drops the first room written to it.
    let dropped = '';
    const lossy: GalleyStore = Object.create(inner, {
      appendUpdate: {
        value: async (room: string, data: Uint8Array) => {
          if (dropped === '') {
            dropped = room;
            return 1;
          }
          return inner.appendUpdate(room, data);
        },
      },
    });
    try {
      const error: unknown = await migrateStore(source, lossy).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: 'MigrateError', code: 'mismatch' });
      expect((error as Error).message).toContain(`room ${dropped} is missing`);
    } finally {
      await source.close();
      await inner.close();
    }
  });
});
