import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/helpers/random.ts';
import { sha256File, sidecarsOf, useStoreFiles } from '../../../test/helpers/storeFiles.ts';
import { typeUpdates } from '../../../test/helpers/yjsTyping.ts';
import { Store } from './Store.ts';
import { StoreError, type StoreErrorCode } from './StoreError.ts';

function randomBytes(length: number, seed: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random.next() * 256)));
}

/** Opening `file` fails with one StoreError of `code`, and the file is exactly as before. */
function expectRefused(file: string, code: StoreErrorCode, message: RegExp): StoreError {
  const before = sha256File(file);
  const sidecars = sidecarsOf(file);
  let caught: unknown;
  try {
    Store.open(file).close();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof StoreError))
    return expect.fail(`expected a StoreError, got ${String(caught)}`);
  const error = caught;
  expect(error.code).toBe(code);
  expect(error.message).toContain(file);
  expect(error.message).toMatch(message);
  expect(sha256File(file)).toBe(before);
  expect(sidecarsOf(file)).toEqual(sidecars);
  return error;
}

describe('opening a file Galley cannot use', () => {
  const stores = useStoreFiles();

  /** A real Galley database with some history, closed cleanly (so it is all in the file). */
  function galleyDatabase(): string {
    const file = stores.file();
    const store = Store.open(file);
    const { updates } = typeUpdates(3_000);
    for (let i = 0; i < updates.length; i += 100) {
      store.appendUpdates(`section:s${i}`, updates.slice(i, i + 100));
    }
    store.close();
    expect(sidecarsOf(file)).toEqual([]);
    return file;
  }

  it('refuses a text file', () => {
    const file = stores.file('notes.db');
    fs.writeFileSync(file, 'Dear readers,\nthis is not a database.\n');
    expectRefused(file, 'not-sqlite', /is not a Galley database \(not an SQLite file\)/);
  });

  it('refuses a file shorter than the SQLite header', () => {
    const file = stores.file('short.db');
    fs.writeFileSync(file, 'SQLite');
    expectRefused(file, 'not-sqlite', /not an SQLite file/);
  });

  it('refuses a valid SQLite header followed by garbage', () => {
    const file = stores.file('garbage.db');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(8_192, 1)]),
    );
    expectRefused(file, 'corrupt', /damaged/);
  });

  it('refuses a real database whose middle pages were overwritten', () => {
    const file = galleyDatabase();
    const raw = new Database(file, { readonly: true });
    const pageSize = Number(raw.pragma('page_size', { simple: true }));
    const pages = Number(raw.pragma('page_count', { simple: true }));
    raw.close();
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    expect(pages).toBeGreaterThan(20);
    const fd = fs.openSync(file, 'r+');
    const first = Math.floor(pages / 3);
    const count = Math.floor(pages / 6);
    fs.writeSync(fd, randomBytes(count * pageSize, 2), 0, count * pageSize, first * pageSize);
    fs.closeSync(fd);
    expectRefused(file, 'corrupt', /damaged/);
  });

  it('refuses a Galley database written by a newer schema', () => {
    const file = galleyDatabase();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(sidecarsOf(file)).toEqual([]);
    expectRefused(file, 'newer-schema', /newer version of Galley \(schema 999/);
  });

  it("refuses another program's SQLite database instead of migrating it", () => {
    const file = stores.file('places.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE places (url TEXT); INSERT INTO places VALUES (1)');
    raw.close();
    expectRefused(file, 'not-galley', /not a Galley database/);
  });

  it('refuses a folder with an io error that names it', () => {
    const folder = stores.file('folder.db');
    fs.mkdirSync(folder);
    expect(() => Store.open(folder)).toThrow(expect.objectContaining({ code: 'io' }));
    expect(() => Store.open(folder)).toThrow(folder);
  });

  it('opens a Galley database that was left with its WAL after a crash', () => {
    const file = stores.file();
    const store = Store.open(file);
    const { updates } = typeUpdates(10);
    store.appendUpdates('section:s', updates);
    // Copy the file and its WAL while the store is open: what a power cut would leave.
    const copy = stores.file('copy.db');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    store.close();
    const reopened = stores.open(copy);
    expect(reopened.logLength('section:s')).toBe(10);
    expect(reopened.integrityCheck()).toBe('ok');
  });
});
