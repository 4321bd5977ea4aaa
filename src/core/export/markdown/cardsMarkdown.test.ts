import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBody, writeBody } from '../../lexical/bodySession.ts';
import { markdownToBody } from '../../import/markdownToBody.ts';
import { restoreBody } from '../../model/restoreBody.ts';
import { bodyToMarkdown } from './renderMarkdown.ts';
import { cardsEdition } from '../../../../test/fixtures/cards/cardsEdition.ts';

const body = () => cardsEdition().sections[0]!.body;

describe('card nodes in Galley Markdown', () => {
  it('round trips a body with every card node exactly', () => {
    const markdown = bodyToMarkdown(body());
    const back = markdownToBody(markdown);
    expect(back.body).toEqual(body());
    expect(back.exact).toBe(true);
    expect(back.warnings).toEqual([]);
  });

  it('writes markers other Markdown tools hide, and content they show', () => {
    const markdown = bodyToMarkdown(body());
    expect(markdown).toContain('<!-- galley:callout {"emoji":"\u{1F4A1}","title":"TL;DR"} -->');
    expect(markdown).toContain('The short version: ship the cards.');
    expect(markdown).toContain('<!-- galley:callout-end -->');
    expect(markdown).toMatch(
      /\[!\[The speaker on stage\]\(https:\/\/i\.ytimg\.com\/vi\/dQw4w9WgXcQ\/hqdefault\.jpg "The keynote in ten minutes"\)\]\(https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\)/,
    );
    // An HTML card Markdown reads back as itself is written as a raw HTML block.
    expect(markdown).toMatch(/^<table role="presentation"[^\n]*<\/table>$/m);
    expect(markdown).not.toContain('galley-card');
  });

  it('writes a card Markdown would split (a blank line in a div) as a fence, and reads it back', () => {
    const split = restoreBody({
      root: { children: [{ type: 'htmlcard', html: '<div>a\n\n*b*</div>' }] },
    });
    const markdown = bodyToMarkdown(split);
    expect(markdown).toBe('```html galley-card\n<div>a\n\n*b*</div>\n```\n');
    expect(markdownToBody(markdown)).toMatchObject({ body: split, exact: true, warnings: [] });
  });

  it('reads a raw HTML block exactly when sanitizing leaves it as written, else says so', () => {
    const kept = markdownToBody('<div>\n*kept*\n</div>\n\nafter\n');
    expect(kept.exact).toBe(true);
    expect(kept.warnings).toEqual([]);
    expect(kept.body.root.children[0]).toMatchObject({
      type: 'htmlcard',
      html: '<div>\n*kept*\n</div>',
    });
    expect(bodyToMarkdown(kept.body)).toBe('<div>\n*kept*\n</div>\n\nafter\n');
    const cleaned = markdownToBody('<div onclick="steal()">\nx\n</div>\n');
    expect(cleaned.exact).toBe(false);
    expect(cleaned.warnings).toEqual([
      'Raw HTML became an HTML card (sanitized: no scripts, forms or remote styles).',
    ]);
    expect(cleaned.body.root.children[0]).toMatchObject({ html: '<div>\nx\n</div>' });
  });

  it('still reads the ```html galley-card fence older files hold', () => {
    const old = markdownToBody('```html galley-card\n<p>Partner <b>offer</b></p>\n```\n');
    expect(old).toMatchObject({ exact: true, warnings: [] });
    expect(old.body.root.children[0]).toMatchObject({
      type: 'htmlcard',
      html: '<p>Partner <b>offer</b></p>',
    });
    expect(bodyToMarkdown(old.body)).toBe('<p>Partner <b>offer</b></p>\n');
  });

  it('a card whose HTML holds a fence still round trips (the fence grows)', () => {
    const withFence = restoreBody({
      root: { children: [{ type: 'htmlcard', html: '<div>```\n\n````x</div>' }] },
    });
    const markdown = bodyToMarkdown(withFence);
    expect(markdown).toMatch(/^`{5}html galley-card$/m);
    expect(markdown && markdownToBody(markdown).body).toEqual(withFence);
  });

  it('restoreBody is the identity on card nodes and repairs loose ones', () => {
    expect(restoreBody(body())).toEqual(body());
    const loose = restoreBody({
      root: {
        children: [
          { type: 'callout', emoji: 1, title: 'A\nB', children: [{ type: 'image', src: 'x' }] },
          { type: 'embed', provider: 'evil', url: 'javascript:alert(1)', image: 'data:x' },
          { type: 'htmlcard', html: '<script>alert(1)</script>' },
        ],
      },
    });
    expect(loose.root.children.map((n) => n.type)).toEqual(['callout', 'embed']);
    expect(loose.root.children[0]).toMatchObject({ emoji: '', title: 'A B' });
    expect(loose.root.children[0]!.children).toHaveLength(1);
    expect(loose.root.children[1]).toMatchObject({ provider: 'link', url: '', image: '' });
  });

  it('syncs through Yjs and headless Lexical: a second replica reads the same body', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
    writeBody(a, body());
    expect(readBody(a)).toEqual(body());
    expect(readBody(b)).toEqual(body());
  });
});
