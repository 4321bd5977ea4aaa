import { describe, expect, it } from 'vitest';
import { codeBlockNode } from '../../../test/helpers/codeBlockNodes.ts';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { MOBILE_CODE_COLUMNS, codeLineColumns } from '../export/shared/codeBlock.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import { restoreEdition } from '../model/restoreEdition.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { preflight } from './preflight.ts';

function findings(blocks: SerializedBodyNode[]) {
  const edition = restoreEdition({
    title: 'T',
    subject: 'S',
    preheader: 'P',
    sections: [{ id: 's1', kind: 'story', title: 'Code', body: { root: el('root', blocks) } }],
  });
  return preflight(edition, defaultProfile()).findings.filter((f) => f.sectionId === 's1');
}

describe('code block preflight', () => {
  it('fits 39 monospace characters at 375 px (13 px font, 0.6 em advance, 307 px of column)', () => {
    expect(MOBILE_CODE_COLUMNS).toBe(39);
    expect(codeLineColumns('\tab')).toBe(6);
    expect(codeLineColumns('日本')).toBe(4);
  });

  it('warns once per block about lines a phone cannot show, with the node location', () => {
    const fits = 'x'.repeat(MOBILE_CODE_COLUMNS);
    const long = 'const message = "this line is too long for a phone";';
    const out = findings([
      para(text('intro')),
      codeBlockNode(`${fits}\n${long}\nok\n${long}x`, 'ts'),
      codeBlockNode(fits, 'ts'),
    ]);
    const long_ = out.filter((f) => f.code === 'code-line-too-long');
    expect(long_).toHaveLength(1);
    expect(long_[0]).toMatchObject({ severity: 'warning', sectionId: 's1', nodePath: [1] });
    expect(long_[0]!.message).toMatch(/2 lines .*line 4 is 53 characters; about 39 fit at 375 px/);
  });

  it('counts a tab as reaching the next stop of four', () => {
    const out = findings([codeBlockNode(`\t\t\t\t\t\t\t\t\t${'x'.repeat(4)}`, '')]);
    expect(out.map((f) => f.code)).toContain('code-line-too-long');
  });

  it('flags merge-tag syntax and bidi controls in code, but not the code’s own TODO or TK', () => {
    const out = findings([
      codeBlockNode('// TODO: TK\nconst t = "{{name}}";\nlet a = 1; // \u202eevil', 'js'),
    ]);
    expect(out.map((f) => f.code).sort()).toEqual(['text-bidi-control', 'text-template-syntax']);
    expect(out.every((f) => f.nodePath?.join() === '0')).toBe(true);
  });
});
