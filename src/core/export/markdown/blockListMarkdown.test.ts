import * as commonmark from 'commonmark';
import { describe, expect, it } from 'vitest';
import { markdownToBody } from '../../import/markdownToBody.ts';
import { textBlocks } from '../text/blocks.ts';
import { bodyToMarkdown } from './renderMarkdown.ts';

const html = (markdown: string) =>
  new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(markdown));

const STEPS = '1. Install:\n\n   ```bash\n   npm i x\n   ```\n2. Run it\n';

describe('block lists in Galley Markdown', () => {
  it('reads a step with a code block under it as one item holding both, and writes it back', () => {
    const { body, exact } = markdownToBody(STEPS);
    expect(exact).toBe(true);
    const [list] = body.root.children;
    expect(list).toMatchObject({ type: 'blocklist', listType: 'number', start: 1, loose: true });
    expect(list?.children?.map((item) => item.children?.map((b) => b.type))).toEqual([
      ['paragraph', 'code-block'],
      ['paragraph'],
    ]);
    const written = bodyToMarkdown(body);
    expect(written).toBe('1. Install:\n\n   ```bash\n   npm i x\n   ```\n\n2. Run it\n');
    expect(html(written)).toBe(html(STEPS));
    expect(markdownToBody(written).body).toEqual(body);
  });

  it('keeps a list of one paragraph per item an ordinary list', () => {
    const { body } = markdownToBody('- a\n- b\n  - c\n');
    expect(body.root.children.map((n) => n.type)).toEqual(['list']);
  });

  it('keeps a tight list tight, its start number, and nested items at their marker width', () => {
    const source = '7. one\n   ```\n   code\n   ```\n8. two\n   - a\n\n     more a\n\n   - b\n';
    const { body, exact } = markdownToBody(source);
    expect(exact).toBe(true);
    expect(body.root.children[0]).toMatchObject({ start: 7, loose: false });
    const written = bodyToMarkdown(body);
    expect(html(written)).toBe(html(source));
    expect(markdownToBody(written).body).toEqual(body);
  });

  it('moves a block an item cannot hold after the list, and says so', () => {
    const { body, exact, warnings } = markdownToBody('- a\n\n  | x |\n  |---|\n  | 1 |\n- b\n');
    expect(exact).toBe(false);
    expect(body.root.children.map((n) => n.type)).toEqual(['list', 'table']);
    expect(warnings.join()).toMatch(/moved after the list/);
  });

  it('writes plain text as markers with the blocks indented under them', () => {
    const { body } = markdownToBody(STEPS);
    const warnings: string[] = [];
    const lines = textBlocks(body.root, (m) => warnings.push(m)).map((b) => b.join('\n'));
    expect(lines).toEqual(['1. Install:\n\n       npm i x\n\n2. Run it']);
    expect(warnings).toEqual([]);
  });
});
