import { describe, expect, it } from 'vitest';
import { codeBlockNode } from '../../../../test/helpers/codeBlockNodes.ts';
import { el, para, text } from '../../../../test/helpers/bodyNodes.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { defaultProfile } from '../shared/profile.ts';
import { renderTextWithWarnings } from './renderText.ts';

function textOf(blocks: SerializedBodyNode[]) {
  const edition = restoreEdition({
    title: 'T',
    subject: 'S',
    preheader: 'P',
    sections: [{ id: 's1', kind: 'story', title: 'Code', body: { root: el('root', blocks) } }],
  });
  return renderTextWithWarnings(edition, defaultProfile());
}

describe('code block in plain text', () => {
  it('indents every line by four spaces and never re-wraps a line', () => {
    const long = `const url = "https://example.com/${'a'.repeat(120)}"; // ${'word '.repeat(30)}`;
    const code = `function f() {\n\treturn 1;\n\n}\n${long}\n\n`;
    const { text: out, warnings } = textOf([
      para(text('Before.')),
      codeBlockNode(code, 'ts'),
      para(text('After.')),
    ]);
    expect(warnings).toEqual([]);
    expect(out).toContain(
      `Before.\n\n    function f() {\n    \treturn 1;\n\n    }\n    ${long}\n\nAfter.`,
    );
  });

  it('cuts only a line past the mail line limit, at a character boundary', () => {
    const minified = 'é'.repeat(1000);
    const { text: out } = textOf([codeBlockNode(minified, 'js')]);
    const lines = out.split('\n').filter((l) => l.includes('é'));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => Buffer.byteLength(l) <= 900 && l.startsWith('    '))).toBe(true);
    expect(lines.map((l) => l.slice(4)).join('')).toBe(minified);
  });

  it('leaves out an empty code block', () => {
    const { text: out } = textOf([para(text('a')), codeBlockNode('', 'ts'), para(text('b'))]);
    expect(out).toContain('a\n\nb');
  });
});
