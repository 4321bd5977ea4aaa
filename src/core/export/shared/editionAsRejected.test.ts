import { describe, expect, it } from 'vitest';
import { para, text } from '../../../../test/helpers/bodyNodes.ts';
import { generateEdition } from '../../../../test/helpers/generateEdition.ts';
import type { Suggestion } from '../../model/suggestion.ts';
import type { SectionBody, SerializedBodyNode } from '../../model/types.ts';
import { bodyAsRejected, editionAsRejected } from './editionAsRejected.ts';

const bo = { id: 'bo', name: 'Bo', color: '#16a34a' };
const run = (value: string, kind: Suggestion['kind'], detail = 2): SerializedBodyNode => ({
  ...text(value),
  detail,
  $: { suggestion: { kind, id: `${kind}1`, author: bo, time: '2026-01-01T00:00:00.000Z' } },
});
const body = (...children: SerializedBodyNode[]): SectionBody => ({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children },
});

describe('the edition an export reads', () => {
  it('is the same object when nothing is under review', () => {
    const edition = generateEdition(2, 6);
    expect(editionAsRejected(edition)).toBe(edition);
  });

  it('drops insertions, turns deletions and decided runs into plain text merged as Lexical would', () => {
    const decided = { ...text('ly'), detail: 2 };
    const input = body(para(text('Plain '), run('new ', 'insert'), run('old', 'delete'), decided));
    const out = bodyAsRejected(input);
    expect(out.root.children).toEqual([para(text('Plain oldly'))]);
    // Computed once per body object, so the render cache sees one object per section state.
    expect(bodyAsRejected(input)).toBe(out);
  });
});
