import { $createParagraphNode, $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyToMarkdown } from '../export/markdown/renderMarkdown.ts';
import { markdownToBody } from '../import/markdownToBody.ts';
import { restoreBody } from '../model/restoreBody.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { openBodySession } from './bodySession.ts';
import { $createInlineHtmlNode, $isInlineHtmlNode } from './InlineHtmlNode.ts';

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

const inline = (body: { root: SerializedBodyNode }) =>
  (body.root.children ?? []).flatMap((block) =>
    (block.children ?? []).map((n) => (n.type === 'inlinehtml' ? n.source : n.text)),
  );

describe('inline HTML over Yjs', () => {
  it('reaches the other client with its source; a removal and an insert come back', () => {
    const [docA, docB] = linkedDocs();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    const { body, exact } = markdownToBody(
      'Press <kbd>Ctrl</kbd> now <!-- a note\nover two lines -->\n',
    );
    expect(exact).toBe(true);
    a.write(body);
    expect(inline(b.read())).toEqual([
      'Press ',
      '<kbd>',
      'Ctrl',
      '</kbd>',
      ' now ',
      '<!-- a note\nover two lines -->',
    ]);
    // What the other client holds is already canonical: restoreBody changes nothing.
    expect(restoreBody(b.read())).toEqual(b.read());

    b.update(() => {
      const paragraph = $getRoot().getFirstChild();
      if (!$isElementNode(paragraph)) return;
      paragraph.getChildren().filter($isInlineHtmlNode).at(-1)?.remove();
      const first = paragraph.getFirstChild();
      if ($isTextNode(first)) first.insertAfter($createInlineHtmlNode('<span class="key">'));
    });
    expect(inline(a.read())).toEqual([
      'Press ',
      '<span class="key">',
      '<kbd>',
      'Ctrl',
      '</kbd>',
      ' now ',
    ]);
    a.dispose();
    b.dispose();
  });

  it('a node made with unsafe source holds none and is dropped on restore', () => {
    const [docA, docB] = linkedDocs();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    a.update(() => {
      $getRoot()
        .clear()
        .append(
          $createParagraphNode().append($createInlineHtmlNode('<img src=x onerror=alert(1)>')),
        );
    });
    const held = b.read().root.children[0]!.children ?? [];
    expect(held).toEqual([{ type: 'inlinehtml', version: 1, source: '' }]);
    expect(restoreBody(b.read()).root.children[0]!.children).toEqual([]);
    a.dispose();
    b.dispose();
  });

  it('a peer that writes unsafe source straight into the doc gets nothing into the Markdown', () => {
    const [docA, docB] = linkedDocs();
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    a.write(markdownToBody('Press <kbd>Ctrl</kbd>\n').body);
    // A hostile client skips Lexical and sets the property in the shared type itself.
    const paragraph = docA.get('root', Y.XmlText).toDelta()[0].insert as Y.XmlText;
    const tags: Y.XmlElement[] = paragraph
      .toDelta()
      .flatMap((d: { insert: unknown }) => (d.insert instanceof Y.XmlElement ? [d.insert] : []));
    expect(tags.map((t) => t.getAttribute('__source'))).toEqual(['<kbd>', '</kbd>']);
    docA.transact(() => tags[0]!.setAttribute('__source', '<img src=x onerror=alert(1)>'));
    const markdown = bodyToMarkdown(b.read());
    expect(markdown).not.toMatch(/onerror|<img/);
    expect(markdown).toContain('</kbd>');
    expect(inline(restoreBody(b.read()))).toEqual(['Press Ctrl', '</kbd>']);
    a.dispose();
    b.dispose();
  });
});
