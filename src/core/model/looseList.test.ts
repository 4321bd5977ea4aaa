import { describe, expect, it } from 'vitest';
import { isLooseList } from './looseList.ts';
import { restoreBody } from './restoreBody.ts';

const item = (words: string) => ({
  type: 'listitem',
  children: [{ type: 'text', text: words }],
});

function restoredLists(state: unknown, nestedState?: unknown) {
  const nested = { type: 'list', listType: 'number', $: nestedState, children: [item('c')] };
  const body = restoreBody({
    root: {
      type: 'root',
      children: [
        {
          type: 'list',
          listType: 'bullet',
          $: state,
          children: [item('a'), item('b'), { type: 'listitem', children: [nested] }],
        },
      ],
    },
  });
  const list = body.root.children[0]!;
  const inner = list.children!.at(-1)!.children![0]!;
  return { list, inner };
}

describe('restoreBody and a loose list', () => {
  it('keeps a loose list loose, at any depth, in the form Lexical exports', () => {
    const { list, inner } = restoredLists({ loose: true }, { loose: true });
    expect(list.$).toEqual({ loose: true });
    expect(isLooseList(list)).toBe(true);
    expect(isLooseList(inner)).toBe(true);
  });

  it('makes anything else a tight list with no state (tight is the default)', () => {
    for (const state of [undefined, null, 'loose', { loose: 'yes' }, { loose: false }, [true]]) {
      const { list } = restoredLists(state);
      expect(list, JSON.stringify(state)).not.toHaveProperty('$');
      expect(isLooseList(list)).toBe(false);
    }
    // Unknown state keys are not kept.
    expect(restoredLists({ loose: true, other: 1 }).list.$).toEqual({ loose: true });
  });
});
