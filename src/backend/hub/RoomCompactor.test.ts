import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useHubHarness, waitFor } from '../../../test/helpers/hubClients.ts';
import { seededRandom } from '../../../test/helpers/random.ts';
import { Store } from '../store/Store.ts';

const ROOM = 'section:s1';
const text = (doc: Y.Doc) => doc.getText('t').toString();

/** Small numbers, so a test types past the threshold many times in a second or two. */
const FAST = {
  maxRows: 40,
  maxTailBytes: 1024 * 1024,
  minIntervalMs: 20,
  quietMs: 2,
  maxWaitMs: 40,
};

/** Types `count` characters at random places of the doc's text, one transaction each. */
function typeInto(doc: Y.Doc, count: number, random: ReturnType<typeof seededRandom>): void {
  const t = doc.getText('t');
  for (let i = 0; i < count; i += 1) {
    if (t.length > 0 && random.chance(0.05)) t.delete(random.int(0, t.length - 1), 1);
    else t.insert(random.int(0, t.length), random.pick(['a', 'b', 'c', ' ', 'é']));
  }
}

describe('RoomCompactor: an open room keeps a short log', () => {
  const harness = useHubHarness();

  it('compacts in the background while two editors type, and loses no update', async () => {
    const fixture = await harness.start({ compaction: FAST });
    const a = await harness.connect(fixture, ROOM);
    const b = await harness.connect(fixture, ROOM);
    const random = seededRandom(14);
    const compactions = () => fixture.hub.logStats(ROOM)?.compactions ?? 0;
    const deadline = Date.now() + 20_000;
    // Both type at once, a few keystrokes per turn, so appends keep arriving while
    // compactions are due, scheduled and run.
    while (compactions() < 6 && Date.now() < deadline) {
      typeInto(a.doc, random.int(1, 4), random);
      typeInto(b.doc, random.int(1, 4), random);
      await sleep(random.int(0, 3));
    }
    expect(compactions()).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < 100; i += 1) {
      typeInto(a.doc, 2, random);
      typeInto(b.doc, 2, random);
      await sleep(0);
    }
    await waitFor(
      async () => text(a.doc) === text(b.doc) && text(await fixture.hub.read(ROOM)) === text(a.doc),
      {
        what: 'the editors and the hub to agree',
        timeoutMs: 10_000,
      },
    );
    const longest = fixture.hub.longestLog();
    expect(longest?.room).toBe(ROOM);
    // Bounded by the threshold plus what arrives while a compaction waits for its turn.
    expect(longest?.rows).toBeLessThan(FAST.maxRows * 4);
    const typed = text(a.doc);
    expect(typed.length).toBeGreaterThan(100);

    await fixture.stop();
    const store = harness.reopenStore(fixture);
    expect(await store.logLength(ROOM)).toBeLessThan(FAST.maxRows * 4);
    expect(text(await store.loadDoc(ROOM))).toBe(typed);
    expect(await store.integrityCheck()).toBe('ok');
  }, 30_000);

  it('never compacts inside the turn that appends, and at most once per interval', async () => {
    const fixture = await harness.start({
      compaction: { ...FAST, maxRows: 10, minIntervalMs: 60_000 },
    });
    const changes: Array<Promise<void>> = [];
    for (let i = 0; i < 30; i += 1) {
      changes.push(fixture.hub.change(ROOM, (doc) => doc.getText('t').insert(i, 'x')));
    }
    await Promise.all(changes);
    // Stored, and still the same turn: the log has every row.
    expect(await fixture.store.logLength(ROOM)).toBe(30);
    await waitFor(() => fixture.hub.logStats(ROOM)?.compactions === 1, { what: 'a compaction' });
    expect(await fixture.store.logLength(ROOM)).toBe(1);
    for (let i = 0; i < 30; i += 1) {
      await fixture.hub.change(ROOM, (doc) => doc.getText('t').insert(0, 'y'));
      await sleep(1);
    }
    // Past the threshold again, but the interval has not passed.
    expect(fixture.hub.logStats(ROOM)).toMatchObject({ compactions: 1, rows: 31 });
    expect(await fixture.store.logLength(ROOM)).toBe(31);
  });

  it('keeps rows another process appended to the open room, and takes them into its doc', async () => {
    // The hub stores a turn's keystrokes from one editor as one row: few rows here.
    const fixture = await harness.start({ compaction: { ...FAST, maxRows: 10 } });
    const a = await harness.connect(fixture, ROOM);
    a.doc.getText('t').insert(0, 'editor');
    await waitFor(async () => text(await fixture.hub.read(ROOM)) === 'editor');

    // The CLI on the same file: its update goes to the log, not to the hub's doc.
    const cli = Store.open(fixture.dbPath);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(await fixture.hub.read(ROOM)));
    other.getText('t').insert(0, 'cli:');
    cli.appendUpdate(ROOM, Y.encodeStateAsUpdate(other));
    cli.close();

    // Type until two compactions ran: how many keystrokes share a row depends on how busy
    // the machine is, so a fixed count of keystrokes may not pass the threshold twice.
    const compactions = () => fixture.hub.logStats(ROOM)?.compactions ?? 0;
    for (let i = 0; i < 5000 && compactions() < 2; i += 1) {
      a.doc.getText('t').insert(a.doc.getText('t').length, '.');
      if (i % 5 === 0) await sleep(1);
    }
    await waitFor(() => compactions() >= 2, { what: 'compactions' });
    expect(fixture.logs.some((entry) => /another process wrote/.test(entry.msg))).toBe(true);
    // The room saw a gap in its own seqs and read the CLI's row into its doc (catch-up).
    const typed = text(await fixture.hub.read(ROOM));
    expect(typed).toMatch(/^cli:editor\.+$/);
    await fixture.stop();
    const store = harness.reopenStore(fixture);
    expect(text(await store.loadDoc(ROOM))).toBe(typed);
  });
});
