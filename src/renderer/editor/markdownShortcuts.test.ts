import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString } from '@lexical/markdown';
import { describe, expect, it } from 'vitest';
import { EDITOR_NODES } from '../../core/index.ts';
import { MARKDOWN_SHORTCUTS } from './markdownShortcuts.ts';

type Loose = { type: string; [key: string]: unknown };

/** What the shortcuts make of Markdown, as the top-level blocks' JSON. */
function blocks(markdown: string): Loose[] {
  const editor = createHeadlessEditor({
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $convertFromMarkdownString(markdown, MARKDOWN_SHORTCUTS), {
    discrete: true,
  });
  return editor.getEditorState().toJSON().root.children as unknown as Loose[];
}

describe('MARKDOWN_SHORTCUTS', () => {
  it('makes a heading of each level, # to ######', () => {
    const markdown = '# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F';
    expect(blocks(markdown).map((b) => b.tag)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
  });

  it('makes lists, quotes and dividers', () => {
    const out = blocks('- a\n\n1. b\n\n> c\n\n---');
    expect(out.map((b) => b.type)).toEqual(['list', 'list', 'quote', 'horizontalrule']);
    expect(out.slice(0, 2).map((b) => b.listType)).toEqual(['bullet', 'number']);
  });

  it('formats bold, italic, strikethrough and inline code', () => {
    const [paragraph] = blocks('**b** *i* _j_ ~~s~~ `c`');
    const formats = (paragraph!.children as Loose[])
      .filter((n) => n.type === 'text' && String(n.text).trim() !== '')
      .map((n) => [n.text, n.format]);
    expect(formats).toEqual([
      ['b', 1],
      ['i', 2],
      ['j', 2],
      ['s', 4],
      ['c', 16],
    ]);
  });

  it('leaves code fences, check boxes, highlights and Markdown links as text', () => {
    const out = blocks('```js\nx\n```\n\n==h==\n\n[x](javascript:alert(1))');
    expect(out.every((b) => b.type === 'paragraph' || b.type === 'list')).toBe(true);
    expect(JSON.stringify(out)).not.toContain('"type":"link"');
    expect(JSON.stringify(out)).not.toContain('"type":"code"');
  });
});
