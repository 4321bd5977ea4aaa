import { inlineText } from '../export/shared/walkBody.ts';
import { tableOf } from '../export/shared/tableNodes.ts';
import { EMAIL_WIDTH } from '../export/email/styles.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import type { Finding } from './types.ts';

/**
 * The email's table cells: 14 px text (an average glyph of a sans-serif at 14 px is about
 * 0.55 em, rounded up to 8 px so the estimate errs towards warning), 10 px padding on each
 * side and a 1 px border.
 */
const CHAR_PX = 8;
const CELL_CHROME_PX = 2 * 10 + 1;

/**
 * The narrowest the email can lay a table out: each column as wide as its longest word
 * (a word cannot wrap, and the export only breaks one that overflows the screen), plus
 * padding and borders. In px.
 */
export function tableNaturalWidth(node: SerializedBodyNode): number {
  const { header, rows } = tableOf(node);
  let width = 1;
  header.forEach((head, c) => {
    const cells = [head, ...rows.map((row) => row[c] ?? [])];
    const longest = Math.max(0, ...cells.flatMap((cell) => words(cell).map(charCount)));
    width += longest * CHAR_PX + CELL_CHROME_PX;
  });
  return width;
}

/** A table wider than the email (600 px) even at its narrowest: a warning. */
export function tableFindings(
  node: SerializedBodyNode,
): Array<Omit<Finding, 'sectionId' | 'nodePath'>> {
  const width = tableNaturalWidth(node);
  if (width <= EMAIL_WIDTH) return [];
  const columns = tableOf(node).header.length;
  return [
    {
      severity: 'warning',
      code: 'table-too-wide',
      message:
        `a table of ${columns} columns needs about ${width} px (its longest word per column ` +
        `at the email's 14 px text, plus cell padding); the email is ${EMAIL_WIDTH} px wide, ` +
        'so readers will see broken words: use fewer columns or shorter words',
    },
  ];
}

function words(cell: SerializedBodyNode[]): string[] {
  const text = cell
    .map((node) => inlineText({ type: 'paragraph', version: 1, children: [node] }))
    .join('');
  return text.split(/\s+/).filter((w) => w !== '');
}

function charCount(word: string): number {
  let n = 0;
  for (const _ of word) n += 1;
  return n;
}
