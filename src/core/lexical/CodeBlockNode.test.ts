import { $getRoot, $isTabNode, $isTextNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { codeBlockNode } from '../../../test/helpers/codeBlockNodes.ts';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { restoreBody } from '../model/restoreBody.ts';
import type { SectionBody, SerializedBodyNode } from '../model/types.ts';
import { openBodySession, readBody, writeBody } from './bodySession.ts';
import { $isCodeBlockNode, type CodeBlockNode } from './CodeBlockNode.ts';

const body = (...blocks: SerializedBodyNode[]): SectionBody =>
  restoreBody({ root: el('root', blocks) });

// Through a Y.Doc and headless Lexical, then restored as every reader of a doc does
// (Lexical writes a tab node with TextNode's fields, which restoreBody drops, as for paragraphs).
function throughLexical(input: SectionBody): SectionBody {
  const doc = new Y.Doc();
  writeBody(doc, input);
  return restoreBody(readBody(doc));
}

describe('CodeBlockNode', () => {
  it('survives Yjs and headless Lexical unchanged', () => {
    const model = body(
      para(text('intro')),
      codeBlockNode('const a = 1;\n\tif (a) {\n\n}\n\n', 'ts'),
      codeBlockNode('', ''),
      codeBlockNode('x\ty', 'no-such-language'),
      { ...codeBlockNode('y', 'ts'), info: 'ts title="a.ts"' },
      { ...codeBlockNode('z', ''), info: '{r echo=FALSE}' },
    );
    expect(throughLexical(model)).toEqual(model);
  });

  it('restoreBody repairs loose code blocks and is idempotent', () => {
    const loose = {
      root: {
        type: 'root',
        children: [
          {
            type: 'code-block',
            language: 'ts; rm -rf /',
            format: 'bogus',
            children: [
              { type: 'code-highlight', text: 'const', highlightType: 'keyword' },
              { type: 'text', text: ' a\r\n= ', format: 1 | 16 },
              { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: '1' }] },
              { type: 'text', text: ';\u0007\tend' },
              { type: 'linebreak' },
              'junk',
            ],
          },
          { type: 'code-block', language: 42 },
        ],
      },
    };
    const restored = restoreBody(loose);
    expect(restored).toEqual(
      body(codeBlockNode('const a\n= 1;\tend\n', ''), codeBlockNode('', '')),
    );
    expect(restoreBody(restored)).toEqual(restored);
    expect(throughLexical(restored)).toEqual(restored);
  });

  it('keeps a language that is a safe identifier as written', () => {
    for (const language of ['ts', 'TypeScript', 'c++', 'objective-c', 'f#', 'x.y_z']) {
      const restored = body(codeBlockNode('x', language));
      expect(restored.root.children[0]!.language).toBe(language);
    }
    for (const bad of ['', ' ', 'a b', '`ts`', '<script>', 'x'.repeat(40)])
      expect(body(codeBlockNode('x', bad)).root.children[0]!.language).toBe('');
  });

  it('two editors typing in the same code block at once converge with both edits', () => {
    const start = body(codeBlockNode('function f() {\n\treturn 1;\n}', 'js'));
    const docA = new Y.Doc();
    writeBody(docA, start);
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    try {
      expect(restoreBody(b.read())).toEqual(start);
      const $code = (): CodeBlockNode => {
        const node = $getRoot().getFirstChild();
        if (!$isCodeBlockNode(node)) throw new Error('no code block');
        return node;
      };
      const $texts = (): TextNode[] =>
        $code()
          .getChildren()
          .filter((n): n is TextNode => $isTextNode(n) && !$isTabNode(n));
      // Concurrent: A types at the start of the first line, B inside the second line and
      // at the very end, and A changes the language; neither has seen the other's edits.
      a.update(() => $texts()[0]!.spliceText(0, 0, 'async ', false));
      a.update(() => $code().setLanguage('ts'));
      b.update(() => {
        const t = $texts();
        t[1]!.spliceText(7, 0, '2 + ', false);
        t[2]!.spliceText(1, 0, ' // end', false);
      });
      b.update(() => $texts()[0]!.spliceText(0, 0, 'export ', false));
      Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
      Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)));
      const fromA = a.read();
      const fromB = b.read();
      expect(fromA).toEqual(fromB);
      const block = restoreBody(fromA).root.children[0]!;
      expect(block.language).toBe('ts');
      const code = (block.children ?? [])
        .map((c) => (c.type === 'linebreak' ? '\n' : c.type === 'tab' ? '\t' : String(c.text)))
        .join('');
      expect(code.split('\n')).toHaveLength(3);
      expect(code).toContain('return 2 + 1;');
      expect(code).toContain('} // end');
      expect(code.split('\n')[0]).toMatch(/^(async export|export async) function f\(\) \{$/);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('keeps an info string through a second replica, and picking another language drops it', () => {
    const start = body({ ...codeBlockNode('x', 'ts'), info: 'ts title="a.ts"' });
    const docA = new Y.Doc();
    writeBody(docA, start);
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    docA.on('update', (update: Uint8Array) => Y.applyUpdate(docB, update));
    const a = openBodySession(docA);
    const b = openBodySession(docB);
    try {
      expect(restoreBody(b.read())).toEqual(start);
      a.update(() => {
        const node = $getRoot().getFirstChild();
        if ($isCodeBlockNode(node)) node.setLanguage('python');
      });
      const block = restoreBody(b.read()).root.children[0]!;
      expect(block).toMatchObject({ language: 'python' });
      expect(block).not.toHaveProperty('info');
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});
