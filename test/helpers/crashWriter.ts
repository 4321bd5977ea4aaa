/**
 * Child process of the crash-durability test: appends updates to one room as fast as it
 * can and prints each seq the moment `appendUpdate(s)` has returned, until the parent
 * kills it. It starts on a line from stdin. Usage: node --import tsx test/helpers/crashWriter.ts DB ROOM
 */
import { Store } from '../../src/backend/store/Store.ts';
import { crashBlob } from './crashBlob.ts';
import { crashReport } from './crashReport.ts';
import { seededRandom } from './random.ts';

const [file, room] = process.argv.slice(2);
if (file === undefined || room === undefined) {
  process.stderr.write('usage: crashWriter.ts DB ROOM\n');
  process.exit(2);
}

// Wait for the parent's go: it starts this process early, while the previous writer runs.
await new Promise((resolve) => process.stdin.once('data', resolve));

const store = Store.open(file);
// The writer is the only one and never compacts, so seqs run 1, 2, 3... without gaps.
let next = store.logLength(room) + 1;
const random = seededRandom(next);

for (;;) {
  // Mostly single appends (the per-keystroke path), sometimes a batch.
  const count = random.next() < 0.8 ? 1 : random.int(2, 20);
  const expected = Array.from({ length: count }, (_, i) => next + i);
  const seqs =
    count === 1
      ? [store.appendUpdate(room, crashBlob(next))]
      : store.appendUpdates(room, expected.map(crashBlob));
  if (seqs.join() !== expected.join()) {
    process.stderr.write(`expected seqs ${expected.join()}, got ${seqs.join()}\n`);
    process.exit(3);
  }
  crashReport(`${seqs.join('\n')}\n`);
  next += count;
}
