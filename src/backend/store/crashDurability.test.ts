import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { crashBlob } from '../../../test/helpers/crashBlob.ts';
import { crashChildPool, startCrashChild } from '../../../test/helpers/crashChild.ts';
import { seededRandom } from '../../../test/helpers/random.ts';
import { useStoreFiles } from '../../../test/helpers/storeFiles.ts';
import { Store } from './Store.ts';

/**
 * An update is durable before the hub relays it: a child process appends and reports
 * each committed seq, gets SIGKILLed at a random moment, and every reported update must
 * be in the reopened file, byte for byte, in a database that passes integrity_check.
 */

const WRITER = 'test/helpers/crashWriter.ts';
const ROOM = 'section:crash';
const ROUNDS = 20;
/** Same seed, same kill moments: a failure can be replayed. */
const SEED = 20_240_601;

function digest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The room's rows as stored, read without the Store so nothing is merged or repaired. */
function readRows(file: string): { seq: number; hash: string }[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db
      .prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq')
      .raw()
      .all(ROOM)
      .map((row) => {
        const [seq, data]: unknown[] = Array.isArray(row) ? row : [];
        if (typeof seq !== 'number' || !(data instanceof Uint8Array)) throw new Error('bad row');
        return { seq, hash: digest(data) };
      });
  } finally {
    db.close();
  }
}

describe('crash durability', () => {
  const stores = useStoreFiles();

  it('keeps every reported update across SIGKILLs at random moments', async () => {
    const file = stores.file();
    const random = seededRandom(SEED);
    const expected: string[] = [''];
    let reportedMax = 0;
    const writers = crashChildPool(() => startCrashChild(WRITER, [file, ROOM]), ROUNDS);
    try {
      for (let round = 1; round <= ROUNDS; round += 1) {
        const delayMs = random.int(2, 100);
        const reported = (await writers.take().go(delayMs)).map(Number);
        expect(reported.length, `round ${round}: the writer reported nothing`).toBeGreaterThan(0);
        reportedMax = Math.max(reportedMax, ...reported);

        const store = Store.open(file);
        expect(store.integrityCheck()).toBe('ok');
        const length = store.logLength(ROOM);
        store.close();

        const rows = readRows(file);
        expect(rows.length).toBe(length);
        // Everything reported survived; at most the one append in flight at the kill
        // (up to a batch of 20) is there without having been reported.
        expect(length, `round ${round} (kill after ${delayMs} ms)`).toBeGreaterThanOrEqual(
          reportedMax,
        );
        expect(length).toBeLessThanOrEqual(reportedMax + 20);
        for (const [index, row] of rows.entries()) {
          expect(row.seq).toBe(index + 1);
          expected[row.seq] ??= digest(crashBlob(row.seq));
          if (row.hash !== expected[row.seq]) {
            expect.fail(`round ${round}: seq ${row.seq} has different bytes`);
          }
        }
        // The next writer starts after the last committed row, reported or not.
        reportedMax = length;
      }
    } finally {
      writers.killAll();
    }
  }, 60_000);
});
