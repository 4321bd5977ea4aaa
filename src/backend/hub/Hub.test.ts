import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useHubHarness, waitFor } from '../../../test/helpers/hubClients.ts';

const ROOM = 'edition:e1';
const text = (doc: Y.Doc) => doc.getText('t').toString();

describe('Hub: sync', () => {
  const harness = useHubHarness();

  it('converges two editors, catches up a late joiner, and keeps everything on disk', async () => {
    const fixture = await harness.start();
    const a = await harness.connect(fixture, ROOM);
    const b = await harness.connect(fixture, ROOM);

    a.doc.getText('t').insert(0, 'Hello');
    await waitFor(() => text(b.doc) === 'Hello', { what: 'B to see A' });
    b.doc.getText('t').insert(5, ', world');
    await waitFor(() => text(a.doc) === 'Hello, world', { what: 'A to see B' });

    const late = await harness.connect(fixture, ROOM);
    // Synced means sync step 2 arrived: the late joiner has everything without waiting.
    expect(text(late.doc)).toBe('Hello, world');
    expect(fixture.hub.stats()).toEqual({ rooms: 1, connections: 3 });

    await fixture.stop();
    expect(fixture.hub.stats()).toEqual({ rooms: 0, connections: 0 });
    await expect(fixture.hub.change(ROOM, () => {})).rejects.toThrow(/closed/);
    const reopened = harness.reopenStore(fixture);
    expect(text(await reopened.loadDoc(ROOM))).toBe('Hello, world');
  });

  it('sends an edit made through hub.change to every connected editor', async () => {
    const updated: string[] = [];
    const fixture = await harness.start({ onRoomUpdate: (room) => updated.push(room) });
    const a = await harness.connect(fixture, ROOM);
    const b = await harness.connect(fixture, ROOM);

    await fixture.hub.change(ROOM, (doc) => {
      doc.getText('t').insert(0, 'from the API');
      doc.getMap('edition').set('title', 'Issue 1');
    });
    await waitFor(() => text(a.doc) === 'from the API' && text(b.doc) === 'from the API');
    expect(b.doc.getMap('edition').get('title')).toBe('Issue 1');
    // Two changes inside one hub.change commit (and announce) once.
    expect(updated).toEqual([ROOM]);
    expect(text(await fixture.store.loadDoc(ROOM))).toBe('from the API');
  });

  it('reads the live doc as a copy, and the store when the room is not loaded', async () => {
    const fixture = await harness.start();
    await fixture.hub.change('section:s1', (doc) => doc.getText('t').insert(0, 'stored'));
    const a = await harness.connect(fixture, ROOM);
    a.doc.getText('t').insert(0, 'live');
    await waitFor(async () => text(await fixture.hub.read(ROOM)) === 'live');

    const copy = await fixture.hub.read(ROOM);
    copy.getText('t').insert(0, 'not shared ');
    expect(text(await fixture.hub.read(ROOM))).toBe('live');
    expect(text(await fixture.hub.read('section:s1'))).toBe('stored');
    await expect(fixture.hub.read('bogus')).rejects.toThrow(/not a room name/);
  });

  it('unloads an idle room and reloads it from the store with the same content', async () => {
    const fixture = await harness.start({ idleUnloadMs: 50 });
    const a = await harness.connect(fixture, ROOM);
    a.doc.getText('t').insert(0, 'kept');
    await waitFor(async () => text(await fixture.hub.read(ROOM)) === 'kept');
    expect(fixture.hub.stats().rooms).toBe(1);

    a.destroy();
    await waitFor(() => fixture.hub.stats().rooms === 0, { what: 'the room to unload' });

    const b = await harness.connect(fixture, ROOM);
    expect(fixture.hub.stats().rooms).toBe(1);
    expect(text(b.doc)).toBe('kept');
  });
});

describe('Hub: pinned rooms (the peer link)', () => {
  const harness = useHubHarness();

  it('stays loaded while pinned, and stores and relays what is applied to its doc', async () => {
    const fixture = await harness.start({ idleUnloadMs: 20 });
    const pinned = await fixture.hub.pin(ROOM);
    const editor = await harness.connect(fixture, ROOM);

    // What a peer provider does with a remote update: apply it with itself as origin.
    const remote = new Y.Doc();
    remote.getText('t').insert(0, 'from afar');
    Y.applyUpdate(pinned, Y.encodeStateAsUpdate(remote), 'peer');
    await waitFor(() => text(editor.doc) === 'from afar');
    expect(text(await fixture.store.loadDoc(ROOM))).toBe('from afar');
    editor.doc.getText('t').insert(0, '> ');
    await waitFor(() => text(pinned) === '> from afar');

    editor.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fixture.hub.stats().rooms).toBe(1);
    fixture.hub.unpin(ROOM);
    await waitFor(() => fixture.hub.stats().rooms === 0, { what: 'the unpinned room to unload' });
  });
});

describe('Hub: awareness', () => {
  const harness = useHubHarness();

  it('relays presence, shows it to late joiners, and withdraws it when a client leaves', async () => {
    const fixture = await harness.start();
    const a = await harness.connect(fixture, ROOM);
    a.awareness.setLocalStateField('user', { name: 'Ann' });
    const b = await harness.connect(fixture, ROOM);
    const aId = a.doc.clientID;
    await waitFor(() => b.awareness.getStates().get(aId)?.user?.name === 'Ann', {
      what: "B to see A's presence",
    });

    a.destroy();
    await waitFor(() => !b.awareness.getStates().has(aId), { what: "A's presence to go" });
  });
});

describe('Hub: a store that refuses a write', () => {
  const harness = useHubHarness();

  it('relays nothing it could not store, then recovers every edit after a reload', async () => {
    let failing = false;
    const fixture = await harness.start({
      wrapStore: (store) => ({
        loadDoc: (room) => store.loadDoc(room),
        loadLive: (room) => store.loadLive(room),
        readUpdatesSince: (room, afterSeq) => store.readUpdatesSince(room, afterSeq),
        appendUpdate: async (room, update) => {
          if (failing) throw new Error('disk full');
          return store.appendUpdate(room, update);
        },
        appendUpdates: async (room, updates) => {
          if (failing) throw new Error('disk full');
          return store.appendUpdates(room, updates);
        },
        compactTo: (room, seq, state) => store.compactTo(room, seq, state),
        compactRoom: (room) => store.compactRoom(room),
        logStats: (room) => store.logStats(room),
      }),
    });
    const a = await harness.connect(fixture, ROOM);
    const b = await harness.connect(fixture, ROOM);
    a.doc.getText('t').insert(0, 'one');
    await waitFor(() => text(b.doc) === 'one');

    failing = true;
    a.doc.getText('t').insert(3, ' two');
    await waitFor(() => fixture.logs.some((entry) => /could not store/.test(entry.msg)));
    // Relaying waits for the store; B has not seen what the disk lacks.
    expect(text(b.doc)).toBe('one');
    expect(text(await fixture.store.loadDoc(ROOM))).toBe('one');

    // The room was dropped; the editors reconnect, and A's answer to the fresh room's
    // sync step 1 carries the lost edit again.
    failing = false;
    await waitFor(() => text(b.doc) === 'one two', { what: 'the edit to be retried' });
    expect(text(await fixture.store.loadDoc(ROOM))).toBe('one two');
  });
});
