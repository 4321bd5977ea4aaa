import { describe, expect, it } from 'vitest';
import { para, text } from '../../../test/helpers/bodyNodes.ts';
import { generateEdition } from '../../../test/helpers/generateEdition.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import type { Suggestion } from '../model/suggestion.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { preflight } from './preflight.ts';

const bo = { id: 'bo', name: 'Bo Berg', color: '#16a34a' };
const run = (value: string, kind: Suggestion['kind'], id: string): SerializedBodyNode => ({
  ...text(value),
  detail: 2,
  $: { suggestion: { kind, id, author: bo, time: '2026-01-01T00:00:00.000Z' } },
});

describe('preflight on open suggestions', () => {
  it('warns once per suggestion, at its first run, with the section and a snippet', () => {
    const edition = generateEdition(9, 3);
    const section = edition.sections[1]!;
    const paragraph = para(
      text('Lead '),
      run('a very long suggested insertion that goes on ', 'insert', 'i1'),
      text('and '),
      run('more', 'insert', 'i1'),
      run(' old words', 'delete', 'd1'),
    );
    const sections = edition.sections.map((s) =>
      s === section
        ? {
            ...s,
            body: { root: { ...s.body.root, children: [...s.body.root.children, paragraph] } },
          }
        : s,
    );
    const findings = preflight({ ...edition, sections }, defaultProfile()).findings.filter(
      (f) => f.code === 'suggestion-open',
    );
    expect(findings.map((f) => [f.severity, f.sectionId, f.nodePath])).toEqual([
      ['warning', section.id, [section.body.root.children.length, 1]],
      ['warning', section.id, [section.body.root.children.length, 4]],
    ]);
    expect(findings[0]!.message).toContain('open suggestion by Bo Berg to insert "a very long');
    expect(findings[0]!.message).toContain('…');
    expect(findings[1]!.message).toContain('to delete "old words"');
  });
});
