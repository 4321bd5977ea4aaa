import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../../../test/helpers/storeContract/index.ts';
import { SqliteStore } from './SqliteStore.ts';

// The store contract on SQLite: a fresh file per test.
storeContract('sqlite', async (options) => {
  const dir = mkdtempSync(join(tmpdir(), 'galley-contract-'));
  const store = SqliteStore.open(join(dir, 'galley.db'), options);
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
