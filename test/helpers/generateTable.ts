import type { SerializedBodyNode } from '../../src/core/index.ts';
import { el as element, para, text } from './bodyNodes.ts';
import type { Random } from './random.ts';

const CELL_WORDS = ['Lexa', '$5/mo', 'a|b', 'p95 12 ms', 'naïve', '`tick`', '*stars*', '', 'yes'];

/**
 * A random table in loose form, as an editor or a peer might leave it: a header row,
 * 1-5 columns, aligned columns, formatted runs, links, pipes, line breaks, and now and then a
 * ragged row (restoreBody pads or trims it).
 */
export function generateTable(r: Random, inline: (r: Random) => SerializedBodyNode[]) {
  const columns = r.int(1, 5);
  const aligns = Array.from({ length: columns }, () => r.pick(['', '', 'left', 'center', 'right']));
  const rows: SerializedBodyNode[] = [];
  for (let row = 0; row < r.int(1, 5); row++) {
    const width = r.chance(0.1) ? r.int(1, columns + 1) : columns;
    const cells = Array.from({ length: width }, (_, c) => {
      const content = r.chance(0.5)
        ? [text(r.pick(CELL_WORDS), r.pick([0, 0, 1, 2, 16]))].filter((t) => t.text !== '')
        : inline(r);
      return element('tablecell', [para(...content)], {
        headerState: row === 0 ? 1 : 0,
        colSpan: 1,
        rowSpan: 1,
        backgroundColor: null,
        format: aligns[c] ?? '',
      });
    });
    rows.push(element('tablerow', cells));
  }
  return element('table', rows);
}
