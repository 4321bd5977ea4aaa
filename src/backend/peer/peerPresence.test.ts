import { describe, expect, it } from 'vitest';
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
});
