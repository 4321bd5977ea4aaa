import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  READ_TOKEN,
  closeOf,
  useHubHarness,
  waitFor,
  type HubFixture,
} from '../../../test/helpers/hubClients.ts';
import { encodeSyncUpdate } from './protocol.ts';

const ROOM = 'edition:e1';
const text = (doc: Y.Doc) => doc.getText('t').toString();

/** A frame of message type `type` whose body is one length-prefixed byte string. */
function frame(type: number[], payload: Uint8Array | number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const t of type) encoding.writeVarUint(encoder, t);
  encoding.writeVarUint8Array(encoder, Uint8Array.from(payload));
  return encoding.toUint8Array(encoder);
}

describe('Room: hostile input', () => {
  const harness = useHubHarness();

  let attacks = 0;

  /**
   * Sends `bad` from a raw client next to a working editor; returns the close code the
   * raw client got after checking that the room and the log did not move and that the
   * editor still syncs with a newcomer.
   */
  async function sendHostile(bad: Uint8Array | string, fixture?: HubFixture): Promise<number> {
    fixture ??= await harness.start();
    const marker = `[${++attacks}]`;
    const editor = await harness.connect(fixture, ROOM);
    const editorText = editor.doc.getText('t');
    editorText.insert(editorText.length, marker);
    await waitFor(async () => text(await fixture.hub.read(ROOM)).endsWith(marker));
    const stateVector = Y.encodeStateVector(await fixture.hub.read(ROOM));
    const logLength = await fixture.store.logLength(ROOM);
    const logged = fixture.logs.length;

    const hostile = await harness.raw(fixture, ROOM);
    const closed = closeOf(hostile);
    hostile.send(bad);
    const { code } = await closed;

    expect(Y.encodeStateVector(await fixture.hub.read(ROOM))).toEqual(stateVector);
    expect(await fixture.store.logLength(ROOM)).toBe(logLength);
    const newcomer = await harness.connect(fixture, ROOM);
    editorText.insert(editorText.length, 'after');
    await waitFor(() => text(newcomer.doc).endsWith(`${marker}after`), { what: 'sync after it' });
    const reasons = fixture.logs.slice(logged).filter((entry) => entry.level === 'warn');
    expect(reasons.map((entry) => entry.room)).toContain(ROOM);
    return code;
  }

  it('closes a connection that sends garbage bytes', async () => {
    expect(await sendHostile(Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0xff, 0x00]))).toBe(1003);
  });

  it('closes a connection that sends a truncated sync message', async () => {
    const update = Y.encodeStateAsUpdate(
      (() => {
        const doc = new Y.Doc();
        doc.getText('t').insert(0, 'a real update');
        return doc;
      })(),
    );
    expect(await sendHostile(encodeSyncUpdate(update).slice(0, 3))).toBe(1007);
  });

  it('closes a connection whose sync update is not a Yjs update', async () => {
    // One struct of an unknown content type: well-formed framing, impossible content.
    const bogus = [1, 1, 7, 0, 31, 1, 1, 0x61, 0, 0];
    expect(await sendHostile(frame([0, 2], bogus))).toBe(1007);
  });

  it('closes a connection that sends trailing bytes, a text frame or an unknown sync type', async () => {
    const fixture = await harness.start();
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(await sendHostile(Uint8Array.from([...frame([0, 2], empty), 9]), fixture)).toBe(1007);
    expect(await sendHostile('{"type":"sync"}', fixture)).toBe(1003);
    expect(await sendHostile(frame([0, 7], []), fixture)).toBe(1003);
  });

  it('closes a connection whose awareness state is not an object', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // one entry
    encoding.writeVarUint(encoder, 42); // client id
    encoding.writeVarUint(encoder, 1); // clock
    encoding.writeVarString(encoder, '"just a string"');
    expect(await sendHostile(frame([1], encoding.toUint8Array(encoder)))).toBe(1007);
  });

  it('closes a connection that sends a message over maxMessageBytes', async () => {
    const fixture = await harness.start({ maxMessageBytes: 1024 });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(4096));
    // ws closes with 1009 (message too big) before the hub sees a byte of it.
    expect(await sendHostile(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)), fixture)).toBe(1009);
  });
});

describe('Room: read-only connections', () => {
  const harness = useHubHarness();

  it('receives every edit but never stores or relays its own', async () => {
    const fixture = await harness.start();
    const writer = await harness.connect(fixture, ROOM);
    const reader = await harness.connect(fixture, ROOM, { token: READ_TOKEN });
    writer.doc.getText('t').insert(0, 'news');
    await waitFor(() => text(reader.doc) === 'news', { what: 'the reader to receive' });
    const logLength = await fixture.store.logLength(ROOM);

    reader.doc.getText('t').insert(0, 'vandal ');
    reader.doc.getText('t').insert(0, 'again ');
    // Frames from one socket are handled in order: once the hub relays the reader's
    // later awareness change, it has handled (and refused) both edits.
    reader.awareness.setLocalStateField('user', { name: 'Reader' });
    await waitFor(() => writer.awareness.getStates().get(reader.doc.clientID)?.user !== undefined);

    writer.doc.getText('t').insert(4, '!');
    await waitFor(() => text(reader.doc) === 'again vandal news!');
    expect(text(writer.doc)).toBe('news!');
    expect(text(await fixture.hub.read(ROOM))).toBe('news!');
    expect(await fixture.store.logLength(ROOM)).toBe(logLength + 1);
    const refusals = fixture.logs.filter((entry) => /read-only/.test(entry.msg));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.room).toBe(ROOM);
  });
});

describe('Room: awareness of a connection that drops', () => {
  const harness = useHubHarness();

  it('shows its presence to newcomers and withdraws it when the socket dies', async () => {
    const fixture = await harness.start();
    const watcher = await harness.connect(fixture, ROOM);
    const ghostDoc = new Y.Doc();
    const ghost = new Awareness(ghostDoc);
    try {
      ghost.setLocalState({ user: { name: 'Ghost' } });
      const raw = await harness.raw(fixture, ROOM);
      raw.send(frame([1], encodeAwarenessUpdate(ghost, [ghostDoc.clientID])));
      const ghostState = (doc: Awareness) => doc.getStates().get(ghostDoc.clientID);
      await waitFor(() => ghostState(watcher.awareness)?.user?.name === 'Ghost');

      // A newcomer gets the current states as part of its greeting, before it has synced.
      const newcomer = await harness.connect(fixture, ROOM);
      expect(ghostState(newcomer.awareness)?.user?.name).toBe('Ghost');

      // No goodbye from the client: the hub must withdraw the state itself.
      raw.terminate();
      await waitFor(() => ghostState(watcher.awareness) === undefined, { what: 'removal' });
      expect(ghostState(newcomer.awareness)).toBeUndefined();
    } finally {
      ghost.destroy();
    }
  });
});
