import { describe, expect, it } from 'vitest';
import { tableEdition } from '../../../../test/fixtures/export/tableEdition.ts';
import { parseGalleyMarkdown } from '../../import/parseGalleyMarkdown.ts';
import { markdownToBody } from '../../import/markdownToBody.ts';
import type { Edition, SerializedBodyNode } from '../../model/types.ts';
import { renderMarkdown } from './renderMarkdown.ts';

const tableLines = (md: string) => md.split('\n').filter((l) => l.startsWith('|'));

function roundTrip(edition: Edition) {
  const result = parseGalleyMarkdown(renderMarkdown(edition));
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const withoutIds = (e: Edition) => ({
  ...e,
  id: '',
  sections: e.sections.map((s) => ({ ...s, id: '' })),
});

describe('tables in Galley Markdown', () => {
  it('writes a GFM table with the alignment row, formatting in cells, pipes escaped', () => {
    const lines = tableLines(renderMarkdown(tableEdition()));
    expect(lines.slice(0, 5)).toEqual([
      '| Editor                              | Open source | Price / month |',
      '| ----------------------------------- | :---------: | ------------: |',
      '| **Lexa** (ours)                     |     yes     |            $0 |',
      '| [Quill](https://quill.example.com/) |     yes     |         *$12* |',
      '| Pipe `a\\|b`                         |    ~~no~~   |        $1,200 |',
    ]);
    expect(lines[5]).toMatch(/^\| Model +\| Context window \|/);
  });

  it('round trips model -> Markdown -> model exactly, with no warnings', () => {
    const edition = tableEdition();
    const back = roundTrip(edition);
    expect(withoutIds(back.edition)).toEqual(withoutIds(edition));
    expect(back.warnings).toEqual([]);
    const tables = back.edition.sections[0]!.body.root.children.filter((b) => b.type === 'table');
    expect(tables).toHaveLength(2);
    expect(tables[0]).toEqual(edition.sections[0]!.body.root.children[1]);
  });

  it('keeps a pipe in plain text, in code and in a link as cell text', () => {
    const { body } = markdownToBody(
      '| a \\| b | `x\\|y` | [p\\|q](https://e.example.com/) |\n| --- | --- | --- |\n| 1 | 2 | 3 |\n',
    );
    const header = body.root.children[0]!.children![0]!.children!;
    const text = (cell: SerializedBodyNode): string =>
      JSON.stringify(cell.children![0]!.children).match(/"text":"([^"]*)"/)?.[1] ?? '';
    expect(header.map(text)).toEqual(['a | b', 'x|y', 'p|q']);
  });

  it('imports a real-world post: a GFM table beside prose keeps its cells, header and alignment', () => {
    const post = [
      '### This week in tooling',
      '',
      'We tried three bundlers on the same app.',
      '',
      '| Bundler | Cold build | Watch rebuild | Notes |',
      '|:--------|-----------:|:-------------:|-------|',
      '| esbuild | 0.9 s | **40 ms** | fastest, fewest plugins |',
      '| Vite | 2.1 s | 60 ms | uses `esbuild` in dev |',
      '| webpack | 11.4 s |', // a ragged row, as people write them
      '',
      'The [full numbers](https://example.com/bench) are online.',
      '',
    ].join('\n');
    const { body, warnings } = markdownToBody(post);
    expect(warnings).toEqual([]);
    const table = body.root.children.find((b) => b.type === 'table')!;
    const rows = table.children!.map((r) =>
      r.children!.map((c) =>
        (c.children![0]!.children ?? []).map((n) => String(n.text ?? '')).join(''),
      ),
    );
    expect(rows).toEqual([
      ['Bundler', 'Cold build', 'Watch rebuild', 'Notes'],
      ['esbuild', '0.9 s', '40 ms', 'fastest, fewest plugins'],
      ['Vite', '2.1 s', '60 ms', 'uses esbuild in dev'],
      ['webpack', '11.4 s', '', ''],
    ]);
    expect(table.children![0]!.children!.map((c) => c.format)).toEqual([
      'left',
      'right',
      'center',
      '',
    ]);
    expect(table.children![0]!.children!.every((c) => c.headerState === 1)).toBe(true);
    const bold = table.children![1]!.children![2]!.children![0]!.children![0]!;
    expect(bold.format).toBe(1);
  });

  it('reads a header-only table and an empty cell back as they were', () => {
    const md = '| Only | header |\n| --- | --- |\n';
    const { body } = markdownToBody(md);
    expect(body.root.children[0]!.type).toBe('table');
    expect(body.root.children[0]!.children).toHaveLength(1);
  });
});
