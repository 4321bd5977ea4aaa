import { describe, expect, it } from 'vitest';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { MAX_BLOCK_LIST_DEPTH } from './blockList.ts';
import { restoreBody } from './restoreBody.ts';
import type { SerializedBodyNode } from './types.ts';

const body = (...children: unknown[]) => ({ root: { type: 'root', children } });
const blocksOf = (input: unknown) => restoreBody(input).root.children;
const emptyPara = () => para();

describe('restoreBody on block lists', () => {
  it('keeps a well-formed block list exactly', () => {
    const list = {
      ...el('blocklist', [
        el('blocklistitem', [
          para(text('Install:')),
          { ...el('code-block', [text('npm i x')]), language: 'bash' },
        ]),
        el('blocklistitem', [para(text('one')), para(text('two'))]),
      ]),
      listType: 'number',
      start: 3,
      loose: true,
    };
    const restored = restoreBody(body(list));
    expect(restored.root.children).toEqual([list]);
    expect(restoreBody(restored)).toEqual(restored);
  });

  it('removes a list with no items and gives an empty item one empty paragraph', () => {
    expect(blocksOf(body({ type: 'blocklist', children: [] }))).toEqual([emptyPara()]);
    const [list] = blocksOf(body({ type: 'blocklist', children: [{ type: 'blocklistitem' }] }));
    expect(list?.children).toEqual([el('blocklistitem', [emptyPara()])]);
  });

  it('repairs fields and children: bad type and start, bare text, a table and a callout', () => {
    const [list] = blocksOf(
      body({
        type: 'blocklist',
        listType: 'check',
        start: -4,
        loose: 'yes',
        children: [
          { type: 'text', text: 'bare' },
          {
            type: 'blocklistitem',
            children: [
              { type: 'table', children: [] },
              { type: 'callout', children: [{ type: 'paragraph', children: [] }] },
              { type: 'text', text: 'loose words' },
            ],
          },
        ],
      }),
    );
    expect(list).toMatchObject({ type: 'blocklist', listType: 'bullet', start: 1, loose: false });
    expect(list?.children).toEqual([
      el('blocklistitem', [para(text('bare'))]),
      el('blocklistitem', [emptyPara(), para(text('loose words'))]),
    ]);
  });

  it('gives a lone item a list of its own', () => {
    expect(blocksOf(body({ type: 'blocklistitem', children: [para(text('x'))] }))).toEqual([
      {
        ...el('blocklist', [el('blocklistitem', [para(text('x'))])]),
        listType: 'bullet',
        start: 1,
        loose: false,
      },
    ]);
  });

  it('bounds nesting: deeper items give their blocks to the item above', () => {
    let node: unknown = para(text('deepest'));
    for (let i = 0; i < MAX_BLOCK_LIST_DEPTH + 5; i++)
      node = {
        type: 'blocklist',
        children: [{ type: 'blocklistitem', children: [para(text(`level ${i}`)), node] }],
      };
    const restored = restoreBody(body(node));
    let depth = 0;
    let deepest: SerializedBodyNode | undefined = restored.root.children[0];
    while (deepest?.type === 'blocklist') {
      depth += 1;
      const item = deepest.children![0]!;
      const next = item.children!.find((c) => c.type === 'blocklist');
      if (!next) break;
      deepest = next;
    }
    expect(depth).toBe(MAX_BLOCK_LIST_DEPTH);
    expect(JSON.stringify(restored)).toContain('deepest');
    expect(JSON.stringify(restored)).toContain('level 0');
    expect(restoreBody(restored)).toEqual(restored);
  });
});
