/**
 * Child process of the compaction crash test: holds one room open in a real Hub (no
 * sockets: edits go through hub.change, the same store-then-relay path as an editor's)
 * with background compaction at its most eager, types known text at the end of the
 * room, and prints the text length each time a change has resolved (so it is on disk),
 * and `c` after each compaction, until the parent kills it. It starts on a line from
 * stdin. Usage: node --import tsx test/helpers/crashCompactor.ts DB ROOM MAX_ROWS
 */
import { setImmediate as turn } from 'node:timers/promises';
import { Hub } from '../../src/backend/hub/Hub.ts';
import { SqliteStore } from '../../src/backend/store/SqliteStore.ts';
import { crashText } from './crashBlob.ts';
import { crashReport } from './crashReport.ts';
import { seededRandom } from './random.ts';

const [file, room, maxRows] = process.argv.slice(2);
if (file === undefined || room === undefined || !(Number(maxRows) >= 1)) {
  process.stderr.write('usage: crashCompactor.ts DB ROOM MAX_ROWS\n');
  process.exit(2);
}
await main(file, room, Number(maxRows));

async function main(file: string, room: string, maxRows: number): Promise<void> {
  // Wait for the parent's go: it starts this process early, while the previous child runs.
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const store = SqliteStore.open(file);
  const hub = new Hub({
    store,
    auth: { tokens: ['crash-compactor-token'] },
    // A compaction every few changes, with no wait for a pause or an interval.
    compaction: { maxRows, minIntervalMs: 0, quietMs: 0, maxWaitMs: 0 },
    pingIntervalMs: 0,
    log: (entry) => process.stderr.write(`${entry.level}: ${entry.msg}\n`),
  });
  const text = (await hub.pin(room)).getText('t');
  const random = seededRandom(text.length + 1);
  let compactions = 0;
  for (;;) {
    // Mostly one keystroke per change (one append), sometimes a run of them (one batch).
    const count = random.next() < 0.7 ? 1 : random.int(2, 12);
    const typed = crashText(text.length + count).slice(text.length);
    // Reported once the change has resolved: then it is on disk.
    await hub.change(room, () => {
      for (const char of typed) text.insert(text.length, char);
    });
    crashReport(`${text.length}\n`);
    // Yield now and then, so the compaction timer fires between changes, as in the hub.
    if (random.next() < 0.4) await turn();
    const done = hub.logStats(room)?.compactions ?? 0;
    if (done > compactions) crashReport('c\n');
    compactions = done;
  }
}
