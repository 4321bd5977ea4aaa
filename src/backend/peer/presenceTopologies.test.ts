import { describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { editionRoom, readOrder, sectionRoom } from '../../core/index.ts';
import { LINK_AWARENESS_INTERVAL_MS } from './LinkPresence.ts';
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
import type { ProxyDirection, SeenAwareness, WsProxy } from '../../../test/helpers/wsProxy.ts';

const hubs = usePresenceHubs();
const MOVES = 100;

/** Three hubs and an edition made on the first; the caller links them. */
async function threeHubs() {
  const a = await hubs.hub('a');
  const b = await hubs.hub('b');
  const c = await hubs.hub('c');
  const { id } = await a.server.backend.editions.create({ title: 'Issue 3', from: 'blank' });
  return { a, b, c, editionId: id };
}

/** An editor on `hub`'s copy of the edition's first section, once the caret text is there. */
async function editorOnSection(hub: PresenceHub, editionId: string): Promise<WebsocketProvider> {
  const edition = hubs.editor(hub, editionRoom(editionId));
  await waitFor(() => readOrder(edition.doc).length > 0, `the edition reached hub ${hub.name}`);
  const section = hubs.editor(hub, sectionRoom(readOrder(edition.doc)[0]!));
  await waitFor(() => section.synced, `synced on hub ${hub.name}`);
  return section;
}

async function untilText(editors: WebsocketProvider[]): Promise<void> {
  const has = (e: WebsocketProvider) =>
    firstParagraph(e.doc)?.toString().includes(CARET_TEXT.trim()) === true;
  await waitFor(() => editors.every(has), 'the caret text reached every hub', 20_000);
}

/** Every caret position of `client` that `viewer` was shown, in order. */
function watchCaret(viewer: WebsocketProvider, client: number): number[] {
  const seen: number[] = [];
  viewer.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    if (!added.includes(client) && !updated.includes(client)) return;
    const at = caretOf(viewer, client);
    if (at !== null) seen.push(at);
  });
  return seen;
}

/** Moves the caret one character at a time, MOVES times: in one burst, or a move every few ms. */
async function moveCaret(editor: WebsocketProvider, pauseMs = 0): Promise<void> {
  for (let offset = 1; offset <= MOVES; offset++) {
    editor.awareness.setLocalState(caretAt(editor.doc, offset, 'Alice'));
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

/** How many of these awareness messages carry `client`. */
function carrying(messages: SeenAwareness[], client: number): number {
  return messages.filter((seen) => seen.entries.some((entry) => entry.clientId === client)).length;
}

/** The awareness messages that went through `proxy` one way. */
const going = (proxy: WsProxy, direction: ProxyDirection) =>
  proxy.awareness.filter((seen) => seen.direction === direction);

/**
 * Lets the last coalesced messages go (a few 50 ms windows), then checks that nothing
 * crosses any link for a while: the traffic ended instead of echoing round.
 */
async function expectQuiet(proxies: WsProxy[]): Promise<void> {
  const total = () => proxies.reduce((sum, proxy) => sum + proxy.awareness.length, 0);
  await new Promise((resolve) => setTimeout(resolve, 250));
  const before = total();
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(total()).toBe(before);
}

/** Each change shown at most once, in order, ending at the last one. */
function expectEachChangeOnce(seen: number[]): void {
  expect(seen.at(-1)).toBe(MOVES);
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
}

describe('presence across chains and cycles of peer links', () => {
  it('a chain A-B-C: A’s caret reaches C once per change and never goes back', async () => {
    const { a, b, c, editionId } = await threeHubs();
    // B is the middle: it joins both A and C, so what crosses B goes link to link.
    const toA = await hubs.proxy(a);
    const toC = await hubs.proxy(c);
    link(b, a, toA, editionId);
    link(b, c, toC, editionId);
    const alice = await editorOnSection(a, editionId);
    writeCaretText(alice.doc);
    const carol = await editorOnSection(c, editionId);
    const bob = await editorOnSection(b, editionId);
    await untilText([bob, carol]);
    const aliceId = alice.awareness.clientID;
    const atCarol = watchCaret(carol, aliceId);

    // Moves spread over time (a few ms apart), so each coalescing window has some to merge.
    const started = Date.now();
    await moveCaret(alice, 3);
    await waitFor(() => caretOf(carol, aliceId) === MOVES, "alice's last caret at carol's");
    const elapsed = Date.now() - started;
    expectEachChangeOnce(atCarol);
    expect(caretOf(bob, aliceId)).toBe(MOVES);
    await expectQuiet([toA, toC]);

    // A relays each change to B (as to any editor); B's link coalesces towards C: one
    // message per 50 ms window at most, however many moves fell into it.
    expect(carrying(going(toA, 'toLinker'), aliceId)).toBeLessThanOrEqual(MOVES + 1);
    const windows = Math.floor(elapsed / LINK_AWARENESS_INTERVAL_MS) + 2;
    expect(carrying(going(toC, 'toHub'), aliceId)).toBeLessThanOrEqual(windows);
    // Never back over the link it came through.
    expect(carrying(going(toA, 'toHub'), aliceId)).toBe(0);

    // Alice leaves: her caret goes at the end of the chain too.
    alice.destroy();
    await waitFor(() => caretOf(carol, aliceId) === null, "alice's caret gone at carol's");
    await expectQuiet([toA, toC]);
  });

  it('a cycle A-B-C-A does not amplify, and survives losing one of its links', async () => {
    const { a, b, c, editionId } = await threeHubs();
    const toA = await hubs.proxy(a);
    const toB = await hubs.proxy(b);
    const toC = await hubs.proxy(c);
    link(b, a, toA, editionId);
    link(c, b, toB, editionId);
    link(a, c, toC, editionId);
    const proxies = [toA, toB, toC];
    const alice = await editorOnSection(a, editionId);
    writeCaretText(alice.doc);
    const bob = await editorOnSection(b, editionId);
    const carol = await editorOnSection(c, editionId);
    await untilText([bob, carol]);
    const aliceId = alice.awareness.clientID;
    const atBob = watchCaret(bob, aliceId);
    const atCarol = watchCaret(carol, aliceId);

    await moveCaret(alice);
    await waitFor(
      () => caretOf(bob, aliceId) === MOVES && caretOf(carol, aliceId) === MOVES,
      "alice's last caret at bob's and carol's",
    );
    await expectQuiet(proxies);
    expectEachChangeOnce(atBob);
    expectEachChangeOnce(atCarol);
    // Ceiling: each move crosses each of the 3 links at most once uncoalesced, plus the
    // coalesced copies the long way round (20 a second per link) and the hubs' echoes.
    const all = proxies.flatMap((proxy) => proxy.awareness);
    expect(carrying(all, aliceId)).toBeLessThanOrEqual(4 * MOVES);

    // The A-B link goes: B withdraws what came through it, and alice's caret comes back
    // at bob's the long way round (A-C-B), then everything settles.
    toA.refusing = true;
    toA.dropAll();
    await waitFor(() => b.server.peers.status()[0]?.state !== 'connected', 'A-B link down');
    alice.awareness.setLocalState(caretAt(alice.doc, 42, 'Alice'));
    await waitFor(
      () => caretOf(bob, aliceId) === 42 && caretOf(carol, aliceId) === 42,
      "alice's caret at bob's through C",
    );
    await expectQuiet(proxies);
    expect(caretOf(bob, aliceId)).toBe(42);
  });
});
