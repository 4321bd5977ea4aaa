import { describe, expect, it } from 'vitest';
import { restoreBody } from './restoreBody.ts';
import { MAX_QUOTE_DEPTH } from './restoreQuoteBlock.ts';
import type { SerializedBodyNode } from './types.ts';

const t = (text: string, format = 0) => ({ type: 'text', text, format });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });
const qb = (...children: unknown[]) => ({ type: 'quoteblock', children });
const restored = (...blocks: unknown[]) =>
  restoreBody({ root: { children: blocks } }).root.children;
const types = (nodes: SerializedBodyNode[] | undefined) => (nodes ?? []).map((n) => n.type);

function depth(node: SerializedBodyNode): number {
  const inner = (node.children ?? []).map(depth);
  return (node.type === 'quoteblock' ? 1 : 0) + Math.max(0, ...inner);
}

describe('restoreBody on a quote container', () => {
  it('keeps the blocks a quote may hold, in order, in the canonical shape', () => {
    const [quote] = restored(
      qb(
        p(t('one')),
        { type: 'heading', tag: 'h4', children: [t('two')] },
        { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [t('x')] }] },
        { type: 'code-block', language: 'ts', children: [t('let a;')] },
        { type: 'quote', children: [t('said')] },
        qb(p(t('inner')), p(t('inner two'))),
        { type: 'horizontalrule' },
        { type: 'image', src: 'https://e.com/a.png', alt: 'a' },
      ),
    );
    expect(quote).toMatchObject({ type: 'quoteblock', version: 1, format: '', indent: 0 });
    expect(types(quote!.children)).toEqual([
      'paragraph',
      'heading',
      'list',
      'code-block',
      'quote',
      'quoteblock',
      'horizontalrule',
      'image',
    ]);
  });

  it('removes an empty quote, and one whose blocks all go', () => {
    expect(types(restored(qb(), p(t('after'))))).toEqual(['paragraph']);
    expect(types(restored(qb({ type: 'sparkline' }), qb(qb())))).toEqual(['paragraph']);
    expect(types(restored(qb({ type: 'image', src: 'javascript:alert(1)' })))).toEqual([
      'paragraph',
    ]);
  });

  it('keeps cards, tables and buttons; a roundup item keeps its words, a stray node goes', () => {
    const [quote] = restored(
      qb(
        { type: 'callout', emoji: '!', title: 'T', children: [p(t('in callout'))] },
        {
          type: 'table',
          children: [
            { type: 'tablerow', children: [{ type: 'tablecell', children: [p(t('cell'))] }] },
          ],
        },
        { type: 'button', label: 'Go', url: 'https://e.com' },
        { type: 'embed', provider: 'link', url: 'https://e.com' },
        { type: 'roundupitem', title: 'R', url: 'https://e.com/r', children: [t('item words')] },
        { type: 'sparkline', points: [1, 2] },
      ),
    );
    expect(types(quote!.children)).toEqual(['callout', 'table', 'button', 'embed', 'paragraph']);
    expect(JSON.stringify(quote!.children![4])).toContain('item words');
  });

  it('merges two lists of one type that a repair left side by side, as Lexical would', () => {
    const list = (text: string) => ({
      type: 'list',
      listType: 'bullet',
      children: [{ type: 'listitem', children: [t(text)] }],
    });
    const [quote] = restored(
      qb(list('a'), { type: 'roundupitem', title: 'R', url: 'https://e.com/r' }, list('b')),
    );
    expect(types(quote!.children)).toEqual(['list']);
    expect(quote!.children![0]!.children).toHaveLength(2);
  });

  it(`bounds nesting at ${MAX_QUOTE_DEPTH} quotes deep, keeping the words of deeper ones`, () => {
    let node: unknown = p(t('deepest'));
    for (let i = 0; i < 12; i++) node = qb(p(t(`level ${12 - i}`)), node);
    const [quote] = restored(node);
    expect(depth(quote!)).toBe(MAX_QUOTE_DEPTH);
    const json = JSON.stringify(quote);
    for (let i = 1; i <= 12; i++) expect(json).toContain(`level ${i}"`);
    expect(json).toContain('deepest');
  });

  it('is idempotent and never throws on junk', () => {
    const junk = [
      qb(null, 7, 'x', { type: 'quoteblock', children: 'no' }, p(t('ok'))),
      { type: 'quoteblock', children: [{ type: 'text', text: 'loose text' }] },
      { type: 'quoteblock', direction: 'rtl', format: 'center', indent: 9, children: [p(t('r'))] },
    ];
    const once = restoreBody({ root: { children: junk } });
    expect(restoreBody(once)).toEqual(once);
    expect(types(once.root.children)).toEqual(['quoteblock', 'quoteblock', 'quoteblock']);
    expect(once.root.children[1]!.children![0]!.type).toBe('paragraph');
    expect(once.root.children[2]).toMatchObject({ direction: 'rtl', format: '', indent: 0 });
  });
});
