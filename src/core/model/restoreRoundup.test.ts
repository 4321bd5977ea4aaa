import { describe, expect, it } from 'vitest';
import { roundupEdition, roundupItem } from '../../../test/fixtures/export/roundupEdition.ts';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { openBodySession, readBody, writeBody } from '../lexical/bodySession.ts';
import { $createRoundupItemNode, $isRoundupItemNode } from '../lexical/RoundupItemNode.ts';
import { $createTextNode, $getRoot } from 'lexical';
import * as Y from 'yjs';
import { restoreBody } from './restoreBody.ts';
import { restoreEdition } from './restoreEdition.ts';

const body = (...children: unknown[]) => ({ root: { type: 'root', children } });

describe('roundup items in the model', () => {
  it('repairs loose items: missing fields become empty, a bad URL is dropped and the item kept', () => {
    const restored = restoreBody(
      body(
        {
          type: 'roundupitem',
          title: 'Kept',
          url: 'javascript:alert(1)',
          children: [{ type: 'text', text: 'blurb' }],
        },
        { type: 'roundupitem', url: 'https://ok.example.org/', emoji: 7, source: 'a\nb' },
      ),
    );
    expect(restored.root.children).toEqual([
      roundupItem({ title: 'Kept', url: '' }, [text('blurb')]),
      roundupItem({ title: '', url: 'https://ok.example.org/', source: 'a b', emoji: '7' }),
    ]);
    expect(restoreBody(restored)).toEqual(restored);
  });

  it('turns items outside a roundup section into paragraphs that keep every word and the link', () => {
    const edition = restoreEdition({
      sections: [
        {
          kind: 'story',
          body: body(
            roundupItem({ title: 'T', url: 'https://t.example.org/', source: 'S', emoji: '🧪' }, [
              text('blurb'),
            ]),
          ),
        },
      ],
    });
    expect(edition.sections[0]!.body.root.children).toEqual([
      para(
        text('🧪 '),
        el('link', [text('T')], {
          url: 'https://t.example.org/',
          rel: 'noreferrer',
          target: null,
          title: null,
        }),
        text(' — S: blurb'),
      ),
    ]);
  });

  it('keeps items in a roundup section and is what headless Lexical exports', () => {
    const edition = roundupEdition();
    const section = edition.sections.find((s) => s.kind === 'roundup')!;
    expect(section.body.root.children.map((n) => n.type)).toEqual([
      'roundupitem',
      'roundupitem',
      'roundupitem',
    ]);
    const doc = new Y.Doc();
    writeBody(doc, section.body);
    expect(readBody(doc)).toEqual(section.body);
  });

  it('two replicas edit one roundup apart (fields, blurb, a new item): both keep every edit', () => {
    const { left, right, exchange } = twoReplicas();
    left.update(() => {
      const first = $getRoot().getFirstChild();
      if ($isRoundupItemNode(first))
        first.setFields({ title: 'Bun 2.0 is out', source: 'Bun blog' });
    });
    right.update(() => {
      const items = $getRoot().getChildren().filter($isRoundupItemNode);
      items[1]!.getFirstChild()!.insertBefore($createTextNode('Note: '));
      $getRoot().append($createRoundupItemNode({ title: 'New', url: 'https://new.example.org/' }));
    });
    exchange();
    const mine = left.read();
    expect(mine).toEqual(right.read());
    const items = mine.root.children;
    expect(items.map((n) => n.title)).toEqual([
      'Bun 2.0 is out',
      expect.stringContaining('A very long'),
      'No emoji, no source',
      'New',
    ]);
    expect(items[0]!.source).toBe('Bun blog');
    expect(JSON.stringify(items[1]!.children)).toContain('Note: Why forward-only');
    expect(restoreBody(mine)).toEqual(mine);
    left.dispose();
    right.dispose();
  });

  it('a reorder on one replica and a field edit on the other converge to one state', () => {
    const { left, right, exchange } = twoReplicas();
    left.update(() => {
      const first = $getRoot().getFirstChild();
      if ($isRoundupItemNode(first)) first.setFields({ source: 'Bun blog' });
    });
    right.update(() => {
      const items = $getRoot().getChildren().filter($isRoundupItemNode);
      items[0]!.insertBefore(items[2]!);
    });
    exchange();
    const mine = left.read();
    // @lexical/yjs moves a block as a delete and an insert: an edit made meanwhile to a
    // re-inserted item can be lost, but both replicas always end in the same state.
    expect(mine).toEqual(right.read());
    expect(mine.root.children.map((n) => n.title)[0]).toBe('No emoji, no source');
    left.dispose();
    right.dispose();
  });
});

/** Two body replicas of the fixture roundup, with headless editors, linked on demand. */
function twoReplicas() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  writeBody(a, roundupEdition().sections[1]!.body);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const left = openBodySession(a);
  const right = openBodySession(b);
  const exchange = () => {
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, fromA);
    Y.applyUpdate(a, fromB);
  };
  return { left, right, exchange };
}
