import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { restoreBody } from '../model/restoreBody.ts';
import { openBodySession } from './bodySession.ts';
import { $isHtmlCardNode } from './HtmlCardNode.ts';

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

const VERBATIM = '<div class="note" id="tip"><!-- kept -->\n<a href="/about">About</a></div>';

describe('an HTML card kept as written, over Yjs', () => {
  it('reaches the other client as written; an edit there comes back, a hostile one sanitized', () => {
    const [docA, docB] = linkedDocs();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    a.write(restoreBody({ root: { children: [{ type: 'htmlcard', html: VERBATIM }] } }));
    const html = (read: () => ReturnType<typeof a.read>) => read().root.children[0]?.html;
    expect(html(b.read)).toBe(VERBATIM);
    // What the other client holds is already canonical: restoreBody changes nothing.
    expect(restoreBody(b.read())).toEqual(b.read());

    const edited = '<section class="later">\n<warning>Edited</warning>\n</section>';
    const setHtml = (session: typeof b, source: string) =>
      session.update(() => {
        const card = $getRoot().getFirstChild();
        if ($isHtmlCardNode(card)) card.setHtml(source);
      });
    setHtml(b, edited);
    expect(html(a.read)).toBe(edited);

    setHtml(b, '<section class="later" onclick="steal()">Edited</section>');
    expect(html(a.read)).toBe('Edited');
    a.dispose();
    b.dispose();
  });
});
