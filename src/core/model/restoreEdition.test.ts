import { describe, expect, it } from 'vitest';
import { generateEdition } from '../../../test/helpers/generateEdition.ts';
import { restoreBody } from './restoreBody.ts';
import { restoreEdition } from './restoreEdition.ts';
import { bodyText } from './text.ts';

describe('restoreEdition', () => {
  it('turns anything into a valid, empty edition instead of throwing', () => {
    for (const input of [undefined, null, 42, 'x', [], { sections: 'nope' }]) {
      const edition = restoreEdition(input);
      expect(edition.formatVersion).toBe(1);
      expect(edition.id).toMatch(/^[a-z0-9]{14}$/);
      expect(edition).toMatchObject({
        title: '',
        status: 'draft',
        number: null,
        publishDate: null,
        sections: [],
      });
    }
  });

  it('repairs wrong field types and keeps unknown keys in extra', () => {
    const edition = restoreEdition({
      id: 'ed1',
      title: 'Weekly',
      status: 'published',
      number: '42',
      publishDate: '2026-02-30',
      theme: { accent: '#ff6600' },
      extra: { tags: ['a'] },
      sections: [
        { id: 'a', kind: 'sponsor', title: 'Ad', url: 'javascript:alert(1)', disclosure: 'Paid' },
        { id: 'a', kind: 'weird', title: 'Dup' },
        { kind: 'poll', options: ['x', 2, null, { o: 1 }], voteUrl: 'https://v.example.com' },
      ],
    });
    expect(edition).toMatchObject({ id: 'ed1', status: 'draft', number: 42, publishDate: null });
    expect(edition.extra).toEqual({ theme: { accent: '#ff6600' }, tags: ['a'] });
    const [sponsor, dup, poll] = edition.sections;
    expect(sponsor).toMatchObject({
      id: 'a',
      kind: 'sponsor',
      url: '',
      disclosure: 'Paid',
      sponsor: '',
    });
    expect(dup).toMatchObject({ kind: 'story', title: 'Dup' });
    expect(dup!.id).not.toBe('a');
    expect(poll).toMatchObject({
      kind: 'poll',
      options: ['x', '2'],
      voteUrl: 'https://v.example.com',
    });
  });

  it('is idempotent on generated editions', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const once = restoreEdition(generateEdition(seed));
      expect(restoreEdition(once)).toEqual(once);
    }
  });
});

describe('restoreBody', () => {
  it('unwraps hostile and unknown nodes but keeps their words', () => {
    const body = restoreBody({
      root: {
        children: [
          { type: 'script', children: [{ type: 'text', text: 'alert(1)' }] },
          {
            type: 'text',
            text: 'loose text',
            format: 1,
            style: 'background:url(https://evil.example/x)',
          },
          {
            type: 'paragraph',
            children: [
              {
                type: 'link',
                url: 'javascript:alert(1)',
                children: [{ type: 'text', text: 'click' }],
              },
              { type: 'text', text: ' me\u0000', format: 0 },
              {
                type: 'link',
                url: 'https://ok.example.com',
                children: [{ type: 'text', text: 'ok' }],
              },
            ],
          },
          { type: 'image', src: 'data:image/png;base64,AAA', alt: 'x' },
          { type: 'image', src: 'https://img.example.com/a.png', width: 9000, alt: 'a' },
          { type: 'heading', tag: 'h1', children: [{ type: 'text', text: 'Big' }] },
          { type: 'heading', tag: 'h9', children: [{ type: 'text', text: 'Deep' }] },
          { type: 'heading', tag: 'x', children: [{ type: 'text', text: 'Odd' }] },
        ],
      },
    });
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/javascript|data:|evil|script"/);
    expect(bodyText(body)).toBe('alert(1)\nloose text\nclick meok\na\nBig\nDeep\nOdd');
    const types = body.root.children.map((n) => n.type);
    expect(types).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'image',
      'heading',
      'heading',
      'heading',
    ]);
    expect(body.root.children[3]).toMatchObject({ width: 1200 });
    // Every level HeadingNode has is kept; past h6 is h6, an unreadable tag h3.
    expect(body.root.children.slice(4).map((n) => n.tag)).toEqual(['h1', 'h6', 'h3']);
    // "click" lost its link and merged with the plain text after it, as Lexical would.
    expect(body.root.children[2]!.children![0]).toMatchObject({ type: 'text', text: 'click me' });
  });

  it('is idempotent when a dropped block leaves two lists side by side', () => {
    const list = (text: string) => ({
      type: 'list',
      listType: 'bullet',
      children: [{ type: 'listitem', children: [{ type: 'text', text }] }],
    });
    const once = restoreBody({
      root: { children: [list('a'), { type: 'image', src: 'javascript:x' }, list('b')] },
    });
    expect(once.root.children).toHaveLength(1);
    expect(restoreBody(once)).toEqual(once);
  });

  it('gives an empty body one empty paragraph', () => {
    expect(restoreBody({ root: { children: [] } }).root.children).toEqual([
      expect.objectContaining({ type: 'paragraph', children: [] }),
    ]);
  });
});
