import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Store, type StoreOptions } from '../../src/backend/store/Store.ts';
import { useTempDir } from './tempDir.ts';

/**
 * Real store files in temp folders for a test: `file()` names a new database path,
 * `open()` opens a Store that is closed after the test (before its folder is removed).
 */
export function useStoreFiles(): {
  file: (name?: string) => string;
  open: (file?: string, options?: StoreOptions) => Store;
} {
  const tempDir = useTempDir();
  const stores: Store[] = [];
  // Registered after useTempDir's hook, so it runs first: close, then delete.
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
  });
  const file = (name = 'galley.db'): string => path.join(tempDir(), name);
  return {
    file,
    open: (target = file(), options?: StoreOptions) => {
      const store = Store.open(target, options);
      stores.push(store);
      return store;
    },
  };
}

/** SHA-256 of a file's bytes, to prove a failed open left it untouched. */
export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The -wal, -shm and -journal files that exist beside `file`. */
export function sidecarsOf(file: string): string[] {
  return ['-wal', '-shm', '-journal'].filter((suffix) => fs.existsSync(file + suffix));
}
