import { describe, expect, it } from 'vitest';
import { crashText } from '../../../test/helpers/crashBlob.ts';
import { crashChildPool, startCrashChild } from '../../../test/helpers/crashChild.ts';
import { seededRandom } from '../../../test/helpers/random.ts';
import { useStoreFiles } from '../../../test/helpers/storeFiles.ts';
import { Store } from '../store/Store.ts';

/**
 * Background compaction is as crash-safe as appending: a child process holds a room open
 * in a real Hub, types into it through the store-then-relay path while the room's log is
 * compacted every few changes, and is SIGKILLed at a random moment (often in the middle
 * of a compaction). Every change it reported must be in the reopened file, the text must
 * be exactly what it typed, the log must be short, and the file must pass integrity_check.
 */

const CHILD = 'test/helpers/crashCompactor.ts';
const ROOM = 'section:crash';
const ROUNDS = 24;
const MAX_ROWS = 20;
/** Same seed, same kill moments: a failure can be replayed. */
const SEED = 20_261_124;

describe('compaction crash safety', () => {
  const stores = useStoreFiles();

  it('keeps every reported change across SIGKILLs during background compaction', async () => {
    const file = stores.file();
    const random = seededRandom(SEED);
    const children = crashChildPool(
      () => startCrashChild(CHILD, [file, ROOM, String(MAX_ROWS)]),
      ROUNDS,
    );
    let reportedMax = 0;
    let compactions = 0;
    try {
      for (let round = 1; round <= ROUNDS; round += 1) {
        const delayMs = random.int(2, 120);
        const lines = await children.take().go(delayMs);
        const lengths = lines.filter((line) => line !== 'c').map(Number);
        compactions += lines.length - lengths.length;
        expect(lengths.length, `round ${round}: the child reported nothing`).toBeGreaterThan(0);
        reportedMax = Math.max(reportedMax, ...lengths);

        const store = Store.open(file);
        try {
          const where = `round ${round} (kill after ${delayMs} ms)`;
          expect(store.integrityCheck(), where).toBe('ok');
          // Before loadDoc, which would compact a long log itself.
          const rows = store.logLength(ROOM);
          const text = store.loadDoc(ROOM).getText('t').toString();
          // Everything reported is there; at most the one change in flight (up to 12
          // characters) is there without having been reported.
          expect(text.length, where).toBeGreaterThanOrEqual(reportedMax);
          expect(text.length, where).toBeLessThanOrEqual(reportedMax + 12);
          if (text !== crashText(text.length)) expect.fail(`${where}: the text differs`);
          // Compaction kept up: the threshold, plus what a turn appends before its timer.
          expect(rows, where).toBeLessThanOrEqual(MAX_ROWS * 5);
          // The next child continues from what is on disk, reported or not.
          reportedMax = text.length;
        } finally {
          store.close();
        }
      }
    } finally {
      children.killAll();
    }
    // The children compacted all along, so kills landed around and inside compactions.
    expect(compactions).toBeGreaterThanOrEqual(ROUNDS);
  }, 240_000);
});
