import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownToBody } from '../import/markdownToBody.ts';
import { restoreBody } from '../model/restoreBody.ts';
import { openBodySession } from './bodySession.ts';
import { $createQuoteBlockNode, $isQuoteBlockNode } from './QuoteBlockNode.ts';

// Two docs that pass every update to each other, as two clients of one hub do.
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b);
  });
  return [a, b];
}

const SHAPES = [
  '> first\n>\n> second',
  '> #### heading\n>\n> - one\n> - two\n>\n> ```ts\n> let x = 1;\n> ```',
  '> > a one-run quote\n>\n> and a reply\n>\n> > nested\n> >\n> > container',
].join('\n\n');

describe('a quote container over Yjs', () => {
  it('reaches the other client with all its blocks, in the shape restoreBody gives', () => {
    const [docA, docB] = linkedDocs();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    const { body, exact } = markdownToBody(SHAPES);
    expect(exact).toBe(true);
    expect(body.root.children.map((c) => c.type)).toEqual([
      'quoteblock',
      'quoteblock',
      'quoteblock',
    ]);
    a.write(body);
    expect(b.read()).toEqual(body);
    // What headless Lexical exports for the container is what restoreBody keeps.
    expect(restoreBody(b.read())).toEqual(b.read());
    a.dispose();
    b.dispose();
  });

  it('merges edits two clients made apart inside the same container', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    a.write(markdownToBody('> first\n>\n> second').body);
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    // Offline on both sides: A adds a paragraph to the quote, B types into its first one.
    a.update(() => {
      const quote = $getRoot().getFirstChild();
      if (!$isQuoteBlockNode(quote)) throw new Error('no container');
      quote.append($createParagraphNode().append($createTextNode('from A')));
    });
    b.update(() => {
      const quote = $getRoot().getFirstChild<ElementNode>();
      quote?.getFirstChild<ElementNode>()?.append($createTextNode(' (edited by B)'));
    });
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB));
    const words = (read: () => ReturnType<typeof a.read>) =>
      (read().root.children[0]?.children ?? []).map((p) =>
        (p.children ?? []).map((t) => String(t.text)).join(''),
      );
    expect(words(a.read)).toEqual(['first (edited by B)', 'second', 'from A']);
    expect(b.read()).toEqual(a.read());
    a.dispose();
    b.dispose();
  });

  it('wraps existing blocks in a new container on one client and the other sees it', () => {
    const [docA, docB] = linkedDocs();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    a.write(markdownToBody('one\n\ntwo\n\nthree').body);
    b.update(() => {
      const [first, second] = $getRoot().getChildren();
      const quote = $createQuoteBlockNode();
      first!.insertBefore(quote);
      quote.append(first!, second!);
    });
    const read = a.read();
    expect(read.root.children.map((c) => c.type)).toEqual(['quoteblock', 'paragraph']);
    expect(read.root.children[0]!.children!.map((c) => c.type)).toEqual(['paragraph', 'paragraph']);
    expect(restoreBody(read)).toEqual(read);
    a.dispose();
    b.dispose();
  });
});
