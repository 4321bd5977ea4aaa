import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownToBody } from '../import/markdownToBody.ts';
import { restoreBody } from '../model/restoreBody.ts';
import { openBodySession } from './bodySession.ts';
import {
  $createBlockListItemNode,
  $isBlockListItemNode,
  $isBlockListNode,
} from './BlockListNode.ts';
import { $createCodeBlockNode } from './CodeBlockNode.ts';

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

const STEPS = '3. Install:\n   ```bash\n   npm i x\n   ```\n4. Run it\n\nAfter.\n';

describe('a block list over Yjs', () => {
  it('reaches the other client whole, and edits inside an item come back', () => {
    const [docA, docB] = linkedDocs();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    const { body, exact } = markdownToBody(STEPS);
    expect(exact).toBe(true);
    expect(body.root.children.map((n) => n.type)).toEqual(['blocklist', 'paragraph']);
    a.write(body);
    expect(b.read()).toEqual(body);
    expect(restoreBody(b.read())).toEqual(b.read());

    // B adds a paragraph to the second item, makes the list loose and starts it at 1.
    b.update(() => {
      const list = $getRoot().getFirstChild();
      if (!$isBlockListNode(list)) throw new Error('not a block list');
      list.setLoose(true).setStart(1);
      const item = list.getLastChild();
      if (!$isBlockListItemNode(item)) throw new Error('not an item');
      item.append($createParagraphNode().append($createTextNode('Then wait.')));
    });
    const list = a.read().root.children[0]!;
    expect(list).toMatchObject({ type: 'blocklist', listType: 'number', start: 1, loose: true });
    expect(list.children?.[1]?.children?.map((n) => n.type)).toEqual(['paragraph', 'paragraph']);

    // A adds a third item holding a code block; B sees it.
    a.update(() => {
      const blockList = $getRoot().getFirstChild();
      if (!$isBlockListNode(blockList)) throw new Error('not a block list');
      const code = $createCodeBlockNode('ts');
      code.append($createTextNode('x()'));
      blockList.append($createBlockListItemNode().append(code));
    });
    const third = b.read().root.children[0]!.children?.[2];
    expect(third?.children?.[0]).toMatchObject({ type: 'code-block', language: 'ts' });
    expect(b.read()).toEqual(a.read());
    a.dispose();
    b.dispose();
  });
});
