import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  $acceptSuggestion,
  $listSuggestions,
  $rejectSuggestion,
  openBodySession,
  readBody,
  restoreBody,
  sectionRoom,
  type BodySession,
  type SerializedBodyNode,
  type Suggestion,
} from '../../core/index.ts';
import { para, text } from '../../../test/helpers/bodyNodes.ts';
import { useHubHarness, waitFor } from '../../../test/helpers/hubClients.ts';

const harness = useHubHarness();
const ana = { id: 'ana', name: 'Ana Lima', color: '#2563eb' };
const bo = { id: 'bo', name: 'Bo', color: '#16a34a' };

function run(
  value: string,
  kind: Suggestion['kind'],
  id: string,
  author = ana,
): SerializedBodyNode {
  const suggestion: Suggestion = { kind, id, author, time: '2026-12-07T09:00:00.000Z' };
  return { ...text(value), detail: 2, $: { suggestion } };
}

function textOf(session: BodySession): string {
  let out = '';
  session.update(() => {
    out = $getRoot().getTextContent();
  });
  return out;
}

describe('suggestions decided by two editors through a real hub', () => {
  it('converge to the exact expected text on both, with the same suggestion accepted twice not doubled', async () => {
    const hub = await harness.start();
    const room = sectionRoom('s1');
    const providerA = await harness.connect(hub, room);
    const providerB = await harness.connect(hub, room);
    const a = openBodySession(providerA.doc);
    const b = openBodySession(providerB.doc);
    a.write({
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          para(
            text('Hello '),
            run('brave ', 'insert', 's1'),
            text('world'),
            run(' old', 'delete', 's2', bo),
            run(' again', 'insert', 's3', bo),
            text('.'),
          ),
        ],
      },
    });
    const original = 'Hello brave world old again.';
    await waitFor(() => textOf(b) === original, { what: 'B has the suggestions' });

    // Both go offline and decide at the same time: A accepts Bo's deletion s2, B rejects
    // Ana's insertion s1, and both accept Bo's insertion s3.
    providerA.disconnect();
    providerB.disconnect();
    a.update(() => {
      $acceptSuggestion('s2');
      $acceptSuggestion('s3');
    });
    b.update(() => {
      $rejectSuggestion('s1');
      $acceptSuggestion('s3');
    });
    expect(textOf(a)).toBe('Hello brave world again.');
    expect(textOf(b)).toBe('Hello world old again.');
    providerA.connect();
    providerB.connect();

    const expected = 'Hello world again.';
    await waitFor(() => textOf(a) === expected && textOf(b) === expected, {
      what: 'both replicas converge',
      timeoutMs: 10_000,
    });
    // The hub relays and stores the same decisions. (A reader that never asked for the
    // suggestion state exports a decided run's state as `"suggestion": null`; restoreBody,
    // which every reader of stored bodies goes through, drops it.)
    expect(restoreBody(readBody(await hub.hub.read(room)))).toEqual(restoreBody(a.read()));
    expect(restoreBody(b.read())).toEqual(restoreBody(a.read()));
    for (const session of [a, b]) session.update(() => expect($listSuggestions()).toEqual([]));
    a.dispose();
    b.dispose();
  });
});
