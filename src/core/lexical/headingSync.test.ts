import { $isHeadingNode } from '@lexical/rich-text';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownToBody } from '../import/markdownToBody.ts';
import { restoreBody } from '../model/restoreBody.ts';
import { openBodySession } from './bodySession.ts';

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

describe('headings of every level over Yjs', () => {
  it('reach the other client with their level, and a level change comes back', () => {
    const [docA, docB] = linkedDocs();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    const { body } = markdownToBody(
      '# One\n\nTwo\n===\n\n## Three\n\n#### Four\n\n##### Five\n\n###### Six\n',
    );
    a.write(body);
    const tags = (read: () => ReturnType<typeof a.read>) => read().root.children.map((n) => n.tag);
    expect(tags(b.read)).toEqual(['h1', 'h1', 'h2', 'h4', 'h5', 'h6']);
    // What the other client holds is already canonical: restoreBody changes nothing.
    expect(restoreBody(b.read())).toEqual(b.read());

    b.update(() => {
      const third = $getRoot().getChildAtIndex(2);
      if ($isHeadingNode(third)) third.setTag('h3');
    });
    expect(tags(a.read)).toEqual(['h1', 'h1', 'h3', 'h4', 'h5', 'h6']);
    a.dispose();
    b.dispose();
  });
});
