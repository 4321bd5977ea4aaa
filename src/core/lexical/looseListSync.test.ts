import { $isListNode } from '@lexical/list';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownToBody } from '../import/markdownToBody.ts';
import { isLooseList } from '../model/looseList.ts';
import { restoreBody } from '../model/restoreBody.ts';
import { openBodySession } from './bodySession.ts';
import { $isLooseListNode, $setLooseListNode } from './listLoose.ts';

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

describe('a loose list over Yjs', () => {
  it('reaches the other client loose, keeps it through JSON, and a change comes back', () => {
    const [docA, docB] = linkedDocs();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    const { body } = markdownToBody('- one\n\n- two\n\nText\n\n1. tight\n2. list\n');
    expect(body.root.children.map(isLooseList)).toEqual([true, false, false]);
    a.write(body);
    const loose = (read: () => ReturnType<typeof a.read>) => read().root.children.map(isLooseList);
    expect(loose(b.read)).toEqual([true, false, false]);
    // The serialized form (`$`) is what exportJSON writes, and restoreBody keeps it.
    expect(restoreBody(b.read())).toEqual(b.read());
    expect(b.read()).toEqual(body);

    b.update(() => {
      const [first, , last] = $getRoot().getChildren();
      if ($isListNode(first)) $setLooseListNode(first, false);
      if ($isListNode(last)) $setLooseListNode(last, true);
    });
    expect(loose(a.read)).toEqual([false, false, true]);
    a.update(() => {
      const last = $getRoot().getLastChild();
      expect(last !== null && $isLooseListNode(last)).toBe(true);
    });
    a.dispose();
    b.dispose();
  });
});
