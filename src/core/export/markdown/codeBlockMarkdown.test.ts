import { describe, expect, it } from 'vitest';
import { CODE_SAMPLES, codeBlockNode } from '../../../../test/helpers/codeBlockNodes.ts';
import { el, para, text } from '../../../../test/helpers/bodyNodes.ts';
import { markdownToBody } from '../../import/markdownToBody.ts';
import { restoreBody } from '../../model/restoreBody.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { bodyToMarkdown } from './renderMarkdown.ts';

const body = (...blocks: SerializedBodyNode[]) => restoreBody({ root: el('root', blocks) });

describe('code block in Galley Markdown', () => {
  it('exports fenced code with the language as info string', () => {
    expect(bodyToMarkdown(body(codeBlockNode('const a = 1;', 'ts')))).toBe(
      '```ts\nconst a = 1;\n```\n',
    );
    expect(bodyToMarkdown(body(codeBlockNode('plain', '')))).toBe('```\nplain\n```\n');
  });

  it('picks a fence longer than any backtick run in the code', () => {
    const md = bodyToMarkdown(body(codeBlockNode('a ``` b\n````\nc', 'md')));
    expect(md.split('\n')[0]).toBe('`````md');
    expect(md.trimEnd().split('\n').at(-1)).toBe('`````');
  });

  it.each([
    ['backtick fences inside', 'x\n```\ny\n````'],
    ['trailing blank lines', 'a\n\n\n'],
    ['leading blank lines and indentation', '\n\n    four\n\ttab'],
    ['only a newline', '\n'],
    ['empty', ''],
    ['Markdown and galley comments', '## not a section\n<!-- galley:button -->\n- [x](y)'],
    ['trailing spaces', 'a  \nb\t'],
  ])('round trips model -> Markdown -> model: %s', (_name, code) => {
    for (const language of ['', 'ts', 'c++', 'objective-c']) {
      const model = body(para(text('before')), codeBlockNode(code, language), para(text('after')));
      const back = markdownToBody(bodyToMarkdown(model));
      expect(back.body).toEqual(model);
      expect(back.warnings).toEqual([]);
      expect(back.exact).toBe(true);
    }
  });

  it('round trips every sample language', () => {
    const model = body(...CODE_SAMPLES.map((s) => codeBlockNode(s.code, s.language)));
    expect(markdownToBody(bodyToMarkdown(model)).body).toEqual(model);
  });

  it('keeps a code block’s alignment and direction through a galley block marker', () => {
    const model = body({ ...codeBlockNode('x', 'ts'), direction: 'rtl', format: 'left' });
    expect(markdownToBody(bodyToMarkdown(model)).body).toEqual(model);
  });

  it('imports indented code as a code block with no language', () => {
    const { body: imported, warnings } = markdownToBody(
      'Intro:\n\n    let a = 1;\n      nested\n\nafter\n',
    );
    expect(imported).toEqual(
      body(para(text('Intro:')), codeBlockNode('let a = 1;\n  nested', ''), para(text('after'))),
    );
    expect(warnings).toEqual([]);
  });

  it('imports tilde fences; the first word of the info string is the language, the whole is kept', () => {
    const out = markdownToBody('~~~python title="x.py"\nprint(1)\n~~~\n');
    expect(out.body).toEqual(
      body({ ...codeBlockNode('print(1)', 'python'), info: 'python title="x.py"' }),
    );
    expect(out).toMatchObject({ exact: true, warnings: [] });
    expect(bodyToMarkdown(out.body)).toBe('```python title="x.py"\nprint(1)\n```\n');
    const odd = markdownToBody('```{r echo=FALSE}\nx\n```\n');
    expect(odd.body).toEqual(body({ ...codeBlockNode('x', ''), info: '{r echo=FALSE}' }));
    expect(odd.exact).toBe(true);
  });

  it.each([
    ['a language and attributes', 'ts', 'ts title="a.ts" {1,3-4}'],
    ['a first word that is no language name', '', 'f\u00f6\u00f6 bar'],
    ['punctuation only', '', ';'],
    ['backticks, tildes and entities', 'aa', 'aa ``` ~~~ &ouml; &amp;'],
    ['backslashes', '', 'a\\b \\* \\`'],
  ])('round trips an info string with %s, exactly', (_name, language, info) => {
    const model = body({ ...codeBlockNode('x\n```\ny', language), info }, para(text('after')));
    expect(model.root.children[0]).toMatchObject({ language, info });
    const back = markdownToBody(bodyToMarkdown(model));
    expect(back.body).toEqual(model);
    expect(back).toMatchObject({ exact: true, warnings: [] });
  });

  it('keeps no info string that says nothing more than the language, or names another', () => {
    expect(body({ ...codeBlockNode('x', 'ts'), info: 'ts' }).root.children[0]).not.toHaveProperty(
      'info',
    );
    expect(
      body({ ...codeBlockNode('x', 'ts'), info: 'python x' }).root.children[0],
    ).not.toHaveProperty('info');
    const long = markdownToBody(`\`\`\`ts ${'x'.repeat(300)}\ncode\n\`\`\`\n`);
    expect(long.body).toEqual(body(codeBlockNode('code', 'ts')));
    expect(long.exact).toBe(false);
  });

  it('reads inline code as inline code still', () => {
    expect(markdownToBody('a `b` c\n').body).toEqual(
      body(para(text('a '), text('b', 16), text(' c'))),
    );
  });
});
