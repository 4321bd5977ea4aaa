import { describe, expect, it } from 'vitest';
import { bodyToMarkdown } from '../export/markdown/renderMarkdown.ts';
import { markdownToBody } from './markdownToBody.ts';

const firstInline = (markdown: string) => {
  const imported = markdownToBody(markdown);
  return { ...imported, node: imported.body.root.children[0]?.children?.[0] };
};

describe('link and image destinations with spaces', () => {
  it('keeps a link whose destination holds spaces, percent-encoded as renderers write it', () => {
    const { node, exact, warnings, body } = firstInline('[my page](</docs/my page.html>)\n');
    expect(node).toMatchObject({ type: 'link', url: '/docs/my%20page.html' });
    expect({ exact, warnings }).toEqual({ exact: true, warnings: [] });
    expect(bodyToMarkdown(body)).toBe('[my page](/docs/my%20page.html)\n');
  });

  it('encodes a no-break space and resolves a reference to such a destination', () => {
    expect(firstInline('[a](https://example.com/x\u00a0y)\n').node).toMatchObject({
      url: 'https://example.com/x%C2%A0y',
    });
    expect(firstInline('[ref]\n\n[ref]: <https://example.com/a b> "T"\n').node).toMatchObject({
      url: 'https://example.com/a%20b',
      title: 'T',
    });
  });

  it('still refuses a destination with a tab or a line break in it', () => {
    const tab = firstInline('[a](<java\tscript:alert(1)>)\n');
    expect(tab.node).toMatchObject({ type: 'text', text: 'a' });
    expect(tab.exact).toBe(false);
    const image = markdownToBody('![x](<https://example.com/a\tb.png>)\n');
    expect(image.body.root.children.some((n) => n.type === 'image')).toBe(false);
  });

  it('keeps an image whose source holds a space', () => {
    const { body } = markdownToBody('![alt](<https://example.com/a b.png>)\n');
    expect(body.root.children[0]).toMatchObject({
      type: 'image',
      src: 'https://example.com/a%20b.png',
    });
  });
});
