import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { crashBlob } from '../../../test/helpers/crashBlob.ts';
import { useStoreFiles } from '../../../test/helpers/storeFiles.ts';
import { LogReader } from './logReader.ts';

describe('LogReader', () => {
  const stores = useStoreFiles();

  it('reads arbitrary bytes back exactly, in seq order, through the concatenated read', () => {
    const file = stores.file();
    const store = stores.open(file);
    // Binary blobs with NUL and invalid UTF-8 bytes, some spilling over several pages,
    // interleaved with another room so the rows are not stored contiguously.
    const seqs = Array.from({ length: 400 }, (_, i) => i + 1);
    for (const seq of seqs) {
      store.appendUpdate('section:a', crashBlob(seq));
      store.appendUpdate('section:b', crashBlob(10_000 + seq));
    }
    const zeros = new Uint8Array(1_000);
    store.appendUpdate('section:a', zeros);

    const db = new Database(file, { readonly: true });
    try {
      const log = new LogReader(db, file).read('section:a');
      expect(log.seqs).toEqual([...seqs, 401]);
      expect(log.updates).toHaveLength(401);
      seqs.forEach((seq, i) => {
        expect(Buffer.from(log.updates[i]!).equals(Buffer.from(crashBlob(seq)))).toBe(true);
      });
      expect([...log.updates[400]!]).toEqual([...zeros]);
      expect(log.bytes).toBe(log.updates.reduce((total, u) => total + u.byteLength, 0));
      expect(new LogReader(db, file).read('section:none')).toEqual({
        seqs: [],
        updates: [],
        bytes: 0,
      });
    } finally {
      db.close();
    }
  });
});
