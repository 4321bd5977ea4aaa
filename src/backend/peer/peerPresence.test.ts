import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { editionRoom, readOrder, sectionRoom } from '../../core/index.ts';
import {
  CARET_TEXT,
  caretAt,
  caretOf,
  firstParagraph,
  link,
  usePresenceHubs,
  writeCaretText,
  type PresenceHub,
} from '../../../test/helpers/presenceHubs.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import type { WsProxy } from '../../../test/helpers/wsProxy.ts';

const hubs = usePresenceHubs();
const afterEachRestore: Array<() => void> = [];
afterEach(() => {
  for (const restore of afterEachRestore.splice(0)) restore();
});

interface TwoHubs {
  team: PresenceHub;
  local: PresenceHub;
  proxy: WsProxy;
  /** Alice edits on the team hub, Bob on his local hub linked to it. */
  alice: { edition: WebsocketProvider; section: WebsocketProvider };
  bob: { edition: WebsocketProvider; section: WebsocketProvider };
  sectionRoom: string;
}

/** A team hub, a local hub linked to it through a proxy, and an editor on each. */
async function twoHubs(): Promise<TwoHubs> {
  const team = await hubs.hub('team');
  const local = await hubs.hub('local');
  const proxy = await hubs.proxy(team);
  const { id } = await team.server.backend.editions.create({ title: 'Issue 12', from: 'blank' });
  link(local, team, proxy, id);
  const aliceEdition = hubs.editor(team, editionRoom(id));
  const bobEdition = hubs.editor(local, editionRoom(id));
  await waitFor(() => readOrder(bobEdition.doc).length > 0, 'the edition reached the local hub');
  const room = sectionRoom(readOrder(bobEdition.doc)[0]!);
  const alice = { edition: aliceEdition, section: hubs.editor(team, room) };
  const bob = { edition: bobEdition, section: hubs.editor(local, room) };
  await waitFor(() => alice.section.synced, 'alice synced the section');
  writeCaretText(alice.section.doc);
  await waitFor(
    () => firstParagraph(bob.section.doc)?.toString().includes(CARET_TEXT.trim()) === true,
    'the section text reached bob',
  );
  return { team, local, proxy, alice, bob, sectionRoom: room };
}

describe('presence across a peer link', () => {
  it('two hubs linked as peers: a comment and a cursor made on one reach the other', async () => {
    const { team, local, proxy, alice, bob, sectionRoom } = await twoHubs();
    const aliceId = alice.section.awareness.clientID;
    const bobId = bob.section.awareness.clientID;

    // The comment: an entry in the edition doc's comments map, made on the team hub.
    alice.edition.doc.getMap('comments').set('c1', { author: 'Alice', text: 'Tighten the lede' });
    await waitFor(
      () => bob.edition.doc.getMap('comments').has('c1'),
      'the comment reached the local hub',
    );

    // The cursors, both ways, in a section doc; and presence in the edition doc too.
    alice.section.awareness.setLocalState(caretAt(alice.section.doc, 7, 'Alice'));
    bob.section.awareness.setLocalState(caretAt(bob.section.doc, 3, 'Bob'));
    alice.edition.awareness.setLocalStateField('name', 'Alice');
    await waitFor(() => caretOf(bob.section, aliceId) === 7, "alice's caret at 7 on bob's side");
    await waitFor(() => caretOf(alice.section, bobId) === 3, "bob's caret at 3 on alice's side");
    await waitFor(
      () =>
        bob.edition.awareness.getStates().get(alice.edition.awareness.clientID)?.name === 'Alice',
      "alice's presence in the edition on bob's side",
    );
    expect(bob.section.awareness.getStates().get(aliceId)).toMatchObject({
      name: 'Alice',
      focusing: true,
    });

    // The link drops: each side withdraws what came through it.
    proxy.refusing = true;
    proxy.dropAll();
    await waitFor(() => caretOf(bob.section, aliceId) === null, "alice's caret gone at bob's");
    await waitFor(() => caretOf(alice.section, bobId) === null, "bob's caret gone at alice's");

    // It comes back, and the next move shows again on the other side.
    proxy.refusing = false;
    await waitFor(() => local.server.peers.status()[0]?.state === 'connected', 'link back');
    alice.section.awareness.setLocalState(caretAt(alice.section.doc, 9, 'Alice'));
    bob.section.awareness.setLocalState(caretAt(bob.section.doc, 4, 'Bob'));
    await waitFor(() => caretOf(bob.section, aliceId) === 9, "alice's caret at 9 on bob's side");
    await waitFor(() => caretOf(alice.section, bobId) === 4, "bob's caret at 4 on alice's side");

    // Alice closes the section: her caret goes on bob's side too.
    alice.section.destroy();
    await waitFor(() => caretOf(bob.section, aliceId) === null, 'alice left: caret gone at bob');

    // Bob's hub leaves the session: the team hub withdraws bob's presence.
    const carol = hubs.editor(team, sectionRoom);
    await waitFor(() => caretOf(carol, bobId) === 4, "carol on the team hub sees bob's caret");
    expect(local.server.peers.leave(proxy.url)).toBe(true);
    await waitFor(() => caretOf(carol, bobId) === null, "bob's hub left: caret gone at carol's");

    // A state that came over the link is never sent back over it.
    const echoed = proxy.awareness.filter(
      (seen) =>
        seen.direction === 'toHub' && seen.entries.some((entry) => entry.clientId === aliceId),
    );
    expect(echoed).toEqual([]);
  });

  it('a malformed awareness frame over the link crashes neither hub and is logged with its room', async () => {
    const { team, local, proxy, alice, bob, sectionRoom } = await twoHubs();
    const peerLog = captureStderr();
    const aliceId = alice.section.awareness.clientID;
    const bobId = bob.section.awareness.clientID;
    alice.section.awareness.setLocalState(caretAt(alice.section.doc, 5, 'Alice'));
    await waitFor(() => caretOf(bob.section, aliceId) === 5, "alice's caret on bob's side");

    // Frames a well-behaved hub never sends, arriving at the local hub's link.
    const hubClient = local.server.hub.awareness(sectionRoom)!.clientID;
    const bad = [
      Uint8Array.of(1), // an awareness message without its update
      awarenessFrame([{ client: 77, clock: 1, state: '{not json' }]),
      awarenessFrame([{ client: 78, clock: 1, state: '[1,2]' }]),
      Uint8Array.of(...awarenessFrame([{ client: 79, clock: 1, state: '{}' }]), 0),
      awarenessFrame([{ client: hubClient, clock: 99, state: '{"name":"ghost"}' }]),
    ];
    for (const frame of bad) proxy.inject('toLinker', frame);
    await waitFor(
      () => peerLog().filter((line) => line.includes(`peer ${sectionRoom}: ignored`)).length >= 4,
      'the local hub logged the malformed messages with their room',
    );
    const shown = local.server.hub.awareness(sectionRoom)!.getStates();
    for (const client of [77, 78, 79, hubClient]) expect(shown.has(client)).toBe(false);

    // And one arriving at the team hub from the link: it drops that connection (as for
    // any client), the link reconnects, and presence flows again.
    proxy.inject('toHub', awarenessFrame([{ client: 80, clock: 1, state: '"a string"' }]));
    await waitFor(
      () => team.logs.some((e) => e.room === sectionRoom && e.msg.includes('awareness')),
      'the team hub logged the malformed message with its room',
    );
    await waitFor(() => local.server.peers.status()[0]?.state === 'connected', 'link back');
    alice.section.awareness.setLocalState(caretAt(alice.section.doc, 11, 'Alice'));
    bob.section.awareness.setLocalState(caretAt(bob.section.doc, 12, 'Bob'));
    await waitFor(() => caretOf(bob.section, aliceId) === 11, "alice's caret at 11 on bob's side");
    await waitFor(() => caretOf(alice.section, bobId) === 12, "bob's caret at 12 on alice's side");
  });
});

/** An awareness message with these raw entries (states as JSON text, valid or not). */
function awarenessFrame(entries: Array<{ client: number; clock: number; state: string }>) {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.client);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, entry.state);
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** What `galley serve` writes to stderr (where its peer links log) from now to the test's end. */
function captureStderr(): () => string[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  });
  afterEachRestore.push(() => spy.mockRestore());
  return () => lines;
}
