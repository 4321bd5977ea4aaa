import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/tempDir.ts';
import { runCli } from './cli/runCli.ts';
import { openStore, parseStoreSpec } from './openStore.ts';
import { redactUrl } from './store/pg/pgErrors.ts';
import { resolveStoreSpec } from './paths.ts';
import { SqliteStore } from './store/SqliteStore.ts';

const tempDir = useTempDir();

describe('openStore', () => {
  it('reads a path as SQLite, a postgres URL as PostgreSQL, and refuses other schemes', () => {
    expect(parseStoreSpec('/data/galley.db')).toEqual({ kind: 'sqlite', path: '/data/galley.db' });
    expect(parseStoreSpec('postgresql://u:p@127.0.0.1:5432/g')).toEqual({
      kind: 'postgres',
      url: 'postgresql://u:p@127.0.0.1:5432/g',
    });
    expect(parseStoreSpec('POSTGRES://h/g').kind).toBe('postgres');
    expect(() => parseStoreSpec('mysql://h/g')).toThrow(/mysql:\/\/ is not a store/);
    expect(redactUrl('postgres://ann:secret@h:5432/g')).not.toContain('secret');
  });

  it('opens a SQLite file that keeps what was written across reopening', async () => {
    const file = join(tempDir(), 'g.db');
    const store = await openStore(file);
    expect(store).toBeInstanceOf(SqliteStore);
    await store.setSetting('k', 'v');
    await store.close();
    const again = await openStore(file);
    expect(await again.getSetting('k')).toBe('v');
    await again.close();
  });

  it('says in words that a postgres store cannot be reached, without the password', async () => {
    const failure = await openStore('postgres://ann:secret@127.0.0.1:1/g').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'StoreError', code: 'unavailable' });
    expect(String(failure)).toMatch(/127\.0\.0\.1:1/);
    expect(String(failure)).not.toContain('secret');
  });
});

describe('--store and GALLEY_STORE', () => {
  it('prefers --store, then --db, then GALLEY_STORE, then GALLEY_DB', () => {
    const env = { GALLEY_STORE: 'postgres://h/g', GALLEY_DB: '/e/db' };
    expect(resolveStoreSpec({ store: '/s.db' }, env)).toBe('/s.db');
    expect(resolveStoreSpec({ db: '/d.db' }, env)).toBe('/d.db');
    expect(resolveStoreSpec({}, env)).toBe('postgres://h/g');
    expect(resolveStoreSpec({}, { GALLEY_DB: '/e/db' })).toBe('/e/db');
    expect(() => resolveStoreSpec({ store: '/a', db: '/b' }, env)).toThrow(/not both/);
  });

  it('runs a CLI command on the store --store names', async () => {
    const file = join(tempDir(), 'cli.db');
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {} };
    expect(await runCli(['list', '--store', file, '--json'], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toHaveLength(1); // the sample edition
    const pg = await runCli(['list', '--store', 'postgres://ann:secret@127.0.0.1:1/g'], io);
    expect(pg).toBe(1);
    expect(err.join('\n')).toMatch(/127\.0\.0\.1:1/);
    expect(err.join('\n')).not.toContain('secret');
  });
});
