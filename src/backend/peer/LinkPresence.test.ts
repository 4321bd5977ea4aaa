import { afterEach, describe, expect, it } from 'vitest';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeAwarenessEntries, type AwarenessEntry } from '../cluster/awarenessEntries.ts';
import { LINK_AWARENESS_INTERVAL_MS, LinkPresence } from './LinkPresence.ts';

const ROOM = 'section:s1';
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A hub room's Awareness (no state of its own) with a LinkPresence on it, and what it sent. */
function relay({ up = true }: { up?: boolean } = {}) {
  const room = new Awareness(new Y.Doc());
  room.setLocalState(null);
  const sent: AwarenessEntry[][] = [];
  const logs: string[] = [];
  const link = { up };
  const presence = new LinkPresence({
    room: ROOM,
    awareness: room,
    send: (update) => {
      if (!link.up) return false;
      sent.push(decodeAwarenessEntries(update));
      return true;
    },
    log: (msg) => logs.push(msg),
  });
  cleanups.push(() => {
    presence.stop();
    room.destroy();
  });
  if (up) presence.connected();
  return { room, presence, sent, logs, link };
}

/** An editor elsewhere with this state; its awareness updates stand for its messages. */
function editor(state: Record<string, unknown>) {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  cleanups.push(() => awareness.destroy());
  return {
    awareness,
    update: () => encodeAwarenessUpdate(awareness, [awareness.clientID]),
  };
}

const windowPassed = () =>
  new Promise((resolve) => setTimeout(resolve, LINK_AWARENESS_INTERVAL_MS * 2));
const clientsIn = (sent: AwarenessEntry[][]) => sent.flat().map((entry) => entry.clientId);

describe('LinkPresence', () => {
  it('coalesces a burst of changes into one message with the newest state', async () => {
    const { room, sent } = relay();
    const ada = editor({ name: 'Ada', at: 0 });
    for (let at = 1; at <= 10; at++) {
      ada.awareness.setLocalStateField('at', at);
      applyAwarenessUpdate(room, ada.update(), 'a connection');
    }
    await windowPassed();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(1);
    expect(JSON.parse(sent[0]![0]!.state)).toEqual({ name: 'Ada', at: 10 });
  });

  it('never sends back what came through the link, not even its removal here', async () => {
    const { room, presence, sent } = relay();
    const remote = editor({ name: 'Remote' });
    presence.receive(remote.update());
    expect(room.getStates().get(remote.awareness.clientID)).toEqual({ name: 'Remote' });
    // This hub times it out (or another link withdraws it): the other side decides itself.
    removeAwarenessStates(room, [remote.awareness.clientID], 'timeout');
    await windowPassed();
    expect(clientsIn(sent)).not.toContain(remote.awareness.clientID);
  });

  it('announces a client over the link once a newer state of it arrives from elsewhere', async () => {
    const { room, presence, sent } = relay();
    const roaming = editor({ name: 'Roaming', at: 1 });
    presence.receive(roaming.update());
    roaming.awareness.setLocalStateField('at', 2);
    applyAwarenessUpdate(room, roaming.update(), 'another link');
    await windowPassed();
    expect(clientsIn(sent)).toEqual([roaming.awareness.clientID]);
  });

  it('withdraws what came through the link when it drops, and sends it all on reconnect', async () => {
    const { room, presence, sent, link } = relay();
    const remote = editor({ name: 'Remote' });
    const local = editor({ name: 'Local' });
    presence.receive(remote.update());
    applyAwarenessUpdate(room, local.update(), 'a connection');
    await windowPassed();
    link.up = false;
    presence.disconnected();
    expect([...room.getStates().keys()]).toEqual([local.awareness.clientID]);
    sent.length = 0;
    link.up = true;
    presence.connected();
    await windowPassed();
    expect(clientsIn(sent)).toEqual([local.awareness.clientID]);
  });

  it('ignores malformed payloads and states for the hub itself, logging the room', () => {
    const { room, presence, logs } = relay();
    presence.receiveMessage(Uint8Array.of(5, 1, 2)); // claims 5 bytes, has 2
    presence.receive(Uint8Array.of(1, 7, 1)); // an entry cut off before its state
    // A state for the hub's own client id, with a clock ahead of the hub's.
    const ghostDoc = new Y.Doc();
    ghostDoc.clientID = room.clientID;
    const ghost = new Awareness(ghostDoc);
    for (let i = 0; i < 5; i++) ghost.setLocalState({ name: 'ghost', i });
    cleanups.push(() => ghost.destroy());
    presence.receive(encodeAwarenessUpdate(ghost, [ghost.clientID]));
    expect(room.getLocalState()).toBeNull();
    expect(room.getStates().size).toBe(0);
    expect(logs).toHaveLength(2);
    for (const line of logs) expect(line).toContain(`peer ${ROOM}: ignored a malformed`);
  });

  it('does not relay a state too big for a message, and says so', async () => {
    const { room, sent, logs } = relay();
    const huge = editor({ name: 'Huge', blob: 'x'.repeat(100 * 1024) });
    const small = editor({ name: 'Small' });
    applyAwarenessUpdate(room, huge.update(), 'a connection');
    applyAwarenessUpdate(room, small.update(), 'a connection');
    await windowPassed();
    expect(clientsIn(sent)).toEqual([small.awareness.clientID]);
    expect(logs.some((line) => line.includes(ROOM) && line.includes('too big'))).toBe(true);
  });
});
